/**
 * Loads `@gong-agent/server` on demand. It is an optional peer of the CLI: it brings the native
 * better-sqlite3 module, which only `gong-agent server` needs, so `npx @gong-agent/cli mcp` and every
 * other command install and start without compiling it.
 */
import { CliError, ExitCode } from "../cli/errors.js";

export type ServerModule = typeof import("@gong-agent/server");
export type ServerImporter = () => Promise<ServerModule>;

export const SERVER_PACKAGE = "@gong-agent/server";
export const SERVER_INSTALL_HINT = `install ${SERVER_PACKAGE} next to the CLI: npm i -g ${SERVER_PACKAGE}`;

const importServer: ServerImporter = () => import("@gong-agent/server");

function isMissingServerPackage(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    typeof message === "string" &&
    message.includes(SERVER_PACKAGE)
  );
}

/** The server module, or a CliError (exit 1) that says how to install it. */
export async function loadServer(importer: ServerImporter = importServer): Promise<ServerModule> {
  try {
    return await importer();
  } catch (error) {
    if (isMissingServerPackage(error)) {
      throw new CliError(`\`gong-agent server\` needs ${SERVER_PACKAGE}, which is not installed.`, {
        exitCode: ExitCode.error,
        hint: `To run the hosted-mode server, ${SERVER_INSTALL_HINT} (the same version as the CLI).`,
      });
    }
    // Installed but broken, typically its native better-sqlite3 module was not built for this Node.
    throw new CliError(
      `${SERVER_PACKAGE} is installed but could not be loaded: ${(error as Error)?.message ?? String(error)}`,
      {
        exitCode: ExitCode.error,
        cause: error,
        hint: `Reinstall it for this Node version next to the CLI: npm i -g ${SERVER_PACKAGE}`,
      },
    );
  }
}
