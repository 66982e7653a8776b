/**
 * What happens when Gong rotated the OAuth tokens but the config file refused the new pair (core raises
 * GongTokenPersistenceError after the store's own retries). The old refresh token is spent, and this
 * process is about to exit with the only valid pair in memory: write it to a rescue file and say how
 * to restore it, never printing the tokens themselves.
 */
import { GongTokenPersistenceError } from "@gong-agent/core";
import type { Context } from "../cli/context.js";
import { CliError, ExitCode, redact } from "../cli/errors.js";
import type { OAuthLineage } from "../config/credentials.js";
import type { OAuthConfig } from "../config/file.js";
import { writeRescueFile } from "../config/rescue.js";

/** What openGong knows about the OAuth connection a command uses, for rescuing its tokens. */
export interface OAuthConnection {
  lineage: OAuthLineage;
  client: Pick<OAuthConfig, "clientId" | "clientSecret" | "tokenUrl">;
}

function persistenceErrorIn(error: unknown): GongTokenPersistenceError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof GongTokenPersistenceError) return e;
  }
  return undefined;
}

/** Why the write failed, from the store's own error when core kept it (it does when it holds no secret). */
function reasonOf(error: GongTokenPersistenceError, configPath: string): string {
  const cause = error.cause;
  return cause instanceof Error ? cause.message : `Could not write the config file ${configPath}.`;
}

/**
 * Returns the error to report: a CliError naming the rescue file when `error` carries unsaved tokens,
 * otherwise `error` unchanged.
 */
export async function rescueUnsavedTokens(ctx: Context, error: unknown): Promise<unknown> {
  const failure = persistenceErrorIn(error);
  const connection = ctx.oauthConnection;
  if (!failure?.tokens || !connection) return error;
  const { tokens } = failure;
  ctx.addSecrets([tokens.refreshToken, tokens.accessToken]);
  const reason = redact(reasonOf(failure, ctx.configPath), [...ctx.secrets]).replace(/\.$/, "");
  const configFlag = ctx.flags.config ? ` --config ${ctx.configPath}` : "";
  let rescuePath: string;
  try {
    rescuePath = await writeRescueFile({
      configPath: ctx.configPath,
      lineage: connection.lineage,
      tokens,
      client: connection.client,
    });
  } catch (rescueError) {
    return new CliError(
      `Gong issued new OAuth tokens, but saving them failed (${reason}), and so did writing them to a ` +
        `rescue file: ${(rescueError as Error).message} The previous refresh token is already spent.`,
      {
        exitCode: ExitCode.auth,
        hint: "Make the config folder writable, authorize again in Gong and run `gong-agent login --oauth`.",
      },
    );
  }
  return new CliError(
    `Gong issued new OAuth tokens, but saving them failed (${reason}). ` +
      `Gong refresh tokens are single-use, so the new pair was written to ${rescuePath} (mode 0600) instead.`,
    {
      exitCode: ExitCode.error,
      hint:
        `Once ${ctx.configPath} is writable again, restore the pair with\n` +
        `  gong-agent login --from-rescue ${rescuePath}${configFlag}\n` +
        "then run the command again. Keep the file private until then: it holds a live refresh token.",
    },
  );
}
