/**
 * The config file: Gong credentials (access key or OAuth) and hosted-mode settings, JSON, mode 0600.
 * Writes are atomic (temp file in the same directory, fsync, rename) so a crash never leaves half a
 * file, and an interrupted write never loses the only valid single-use refresh token.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError, ExitCode } from "../cli/errors.js";

export interface AccessKeyConfig {
  type: "access_key";
  accessKey: string;
  accessKeySecret: string;
  baseUrl?: string;
}

export interface OAuthConfig {
  type: "oauth";
  refreshToken: string;
  accessToken?: string;
  /** Epoch milliseconds at which `accessToken` expires. */
  expiresAt?: number;
  clientId?: string;
  clientSecret?: string;
  tokenUrl?: string;
  baseUrl?: string;
  /** Compare-and-swap counter of the token store kept in this file. */
  generation?: number;
}

/**
 * The successor of a refresh token given through GONG_REFRESH_TOKEN: env variables cannot be updated,
 * so the rotated pair lives here, keyed by the sha256 of the env token it replaced.
 */
export interface RotatedEnvOAuth {
  supersedes: string;
  refreshToken: string;
  accessToken?: string;
  expiresAt?: number;
  baseUrl?: string;
  generation: number;
}

export interface HostedConfig {
  apiUrl?: string;
  clientId?: string;
  clientSecret?: string;
  organizationId?: string;
  workspaceName?: string;
}

export interface ConfigFile {
  version: 1;
  gong?: AccessKeyConfig | OAuthConfig;
  oauthFromEnv?: RotatedEnvOAuth;
  hosted?: HostedConfig;
}

export async function readConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1 };
    throw new CliError(`Could not read the config file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const parsed = JSON.parse(text) as ConfigFile;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("not an object");
    return { ...parsed, version: 1 };
  } catch {
    throw new CliError(`The config file ${path} is not valid JSON.`, {
      exitCode: ExitCode.validation,
      hint: "Fix or delete it, then run `gong-agent login` again.",
    });
  }
}

/** Atomically replaces the config file; the file is 0600 and its directory 0700. Failures are thrown. */
export async function writeConfig(path: string, config: ConfigFile): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(config, null, 2)}\n`, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new CliError(
      `Could not write the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      {
        cause: error,
        hint: "Check that the directory exists and is writable, or point GONG_AGENT_CONFIG / --config at a writable file.",
      },
    );
  }
  // Make the rename durable: fsync the directory where the platform allows it.
  try {
    const d = await open(dir, "r");
    await d.sync().catch(() => {});
    await d.close();
  } catch {
    // Directories cannot be opened for fsync on every platform; the rename itself is already atomic.
  }
}

/** Read-modify-write of the config file. */
export async function updateConfig(
  path: string,
  change: (config: ConfigFile) => ConfigFile,
): Promise<ConfigFile> {
  const next = change(await readConfig(path));
  await writeConfig(path, next);
  return next;
}
