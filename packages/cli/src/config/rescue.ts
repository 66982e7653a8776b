/**
 * Rescue files for OAuth tokens that could not be saved. Gong refresh tokens are single-use: once Gong
 * rotated them, the old one in the config file is dead, so a new pair that cannot be written to the
 * config file is written here instead (0600, beside the config file or in the OS temp folder), and
 * `gong-agent login --from-rescue FILE` puts it back where the next command finds it.
 */
import { randomBytes } from "node:crypto";
import { open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { TokenSet } from "@gong-agent/core";
import { CliError, ExitCode } from "../cli/errors.js";
import type { OAuthLineage } from "./credentials.js";
import { type OAuthConfig, readConfig, writeConfig } from "./file.js";
import { ConfigFileTokenStore, withRotatedTokens } from "./token-store.js";

const FORMAT = "gong-agent-oauth-rescue";

export interface RescuedTokens {
  format: typeof FORMAT;
  /** When the pair was rescued (ISO time), for people looking at the folder. */
  createdAt: string;
  /** The config file the pair belongs to. */
  configPath: string;
  /** Which slot of the config file the pair replaces (the `login` one, or a GONG_REFRESH_TOKEN's successor). */
  lineage: OAuthLineage;
  tokens: TokenSet;
  /** The OAuth client the pair was issued to, so it can be restored into an empty config file. */
  client: Pick<OAuthConfig, "clientId" | "clientSecret" | "tokenUrl">;
}

/** The folders a rescue file may go to, in order: beside the config file, then the OS temp folder. */
export function rescueFolders(configPath: string, tempFolder: string = tmpdir()): string[] {
  const beside = dirname(resolve(configPath));
  return beside === resolve(tempFolder) ? [beside] : [beside, tempFolder];
}

/**
 * Writes `rescued` to a new 0600 file in the first folder that accepts it and returns its path.
 * Throws (without any token in the message) when no folder does.
 */
export async function writeRescueFile(
  rescued: Omit<RescuedTokens, "format" | "createdAt">,
  folders: readonly string[] = rescueFolders(rescued.configPath),
): Promise<string> {
  const body: RescuedTokens = { format: FORMAT, createdAt: new Date().toISOString(), ...rescued };
  const text = `${JSON.stringify(body, null, 2)}\n`;
  const name = `gong-agent-oauth-rescue-${Date.now()}-${randomBytes(3).toString("hex")}.json`;
  const failures: string[] = [];
  for (const folder of folders) {
    const path = join(folder, name);
    try {
      // "wx": never follow or overwrite something already there (the temp folder is shared).
      const handle = await open(path, "wx", 0o600);
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      return path;
    } catch (error) {
      await rm(path, { force: true }).catch(() => {});
      failures.push(`${folder} (${(error as NodeJS.ErrnoException).code ?? "write failed"})`);
    }
  }
  throw new CliError(`Could not write a rescue file in ${failures.join(" or ")}.`);
}

/** Reads and checks a rescue file. */
export async function readRescueFile(path: string): Promise<RescuedTokens> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`Could not read the rescue file ${path}: ${(error as NodeJS.ErrnoException).code}.`, {
      exitCode: ExitCode.validation,
    });
  }
  const bad = () =>
    new CliError(`${path} is not a gong-agent OAuth rescue file.`, {
      exitCode: ExitCode.validation,
      hint: "Pass the file named in the error that reported the unsaved tokens.",
    });
  let parsed: Partial<RescuedTokens>;
  try {
    parsed = JSON.parse(text) as Partial<RescuedTokens>;
  } catch {
    throw bad();
  }
  const { tokens, lineage } = parsed;
  if (
    parsed.format !== FORMAT ||
    typeof tokens?.refreshToken !== "string" ||
    typeof tokens.accessToken !== "string" ||
    typeof tokens.expiresAt !== "number" ||
    (lineage?.kind !== "login" &&
      !(lineage?.kind === "environment" && typeof lineage.fingerprint === "string"))
  ) {
    throw bad();
  }
  return { ...(parsed as RescuedTokens), client: parsed.client ?? {} };
}

/**
 * Puts a rescued pair into the config file's slot for its lineage, under the lock every gong-agent
 * process takes before refreshing, then deletes the rescue file (it holds a live token).
 */
export async function restoreRescueFile(rescuePath: string, configPath: string): Promise<RescuedTokens> {
  const rescued = await readRescueFile(rescuePath);
  const store = new ConfigFileTokenStore(configPath, rescued.lineage);
  await store.lock(async () => {
    const config = await readConfig(configPath);
    const generation = (await store.generation()) + 1;
    await writeConfig(
      configPath,
      withRotatedTokens(config, rescued.lineage, rescued.tokens, generation, rescued.client),
    );
  });
  await rm(rescuePath, { force: true });
  return rescued;
}
