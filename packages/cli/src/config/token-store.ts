/**
 * Core's TokenStore over the config file, so a refresh token rotated during a command is saved in the
 * same 0600 file `login` wrote, before the new access token is used. Tokens that `login` stored live in
 * the `gong` section; successors of a GONG_REFRESH_TOKEN (env cannot be updated) live in `oauthFromEnv`.
 * The cross-process lock is core's lock file beside the config file.
 */
import {
  FileTokenStore,
  type StoredTokenSet,
  type TokenSet,
  type TokenStore,
  type TokenStoreSetResult,
} from "@gong-agent/core";
import type { OAuthLineage } from "./credentials.js";
import { type ConfigFile, type OAuthConfig, readConfig, writeConfig } from "./file.js";

/** Attempts at writing rotated tokens before giving up: a busy or briefly full disk often recovers. */
const WRITE_ATTEMPTS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writeWithRetries(path: string, config: ConfigFile): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await writeConfig(path, config);
      return;
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS) throw error;
      await sleep(100 * attempt);
    }
  }
}

/** `config` with `tokens` stored in the slot of `lineage` at `generation` (a new object). */
export function withRotatedTokens(
  config: ConfigFile,
  lineage: OAuthLineage,
  tokens: TokenSet,
  generation: number,
  /** Client settings for a `gong` section that does not exist yet (restoring into an empty config). */
  client: Pick<OAuthConfig, "clientId" | "clientSecret" | "tokenUrl"> = {},
): ConfigFile {
  const next: ConfigFile = { ...config };
  if (lineage.kind === "environment") {
    next.oauthFromEnv = {
      supersedes: lineage.fingerprint,
      refreshToken: tokens.refreshToken,
      accessToken: tokens.accessToken,
      expiresAt: tokens.expiresAt,
      ...(tokens.apiBaseUrl ? { baseUrl: tokens.apiBaseUrl } : {}),
      generation,
    };
    return next;
  }
  const gong: OAuthConfig =
    config.gong?.type === "oauth" ? config.gong : { type: "oauth", refreshToken: "", ...client };
  next.gong = {
    ...gong,
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    ...(tokens.apiBaseUrl ? { baseUrl: tokens.apiBaseUrl } : {}),
    generation,
  };
  return next;
}

interface Slot {
  generation: number;
  tokens: TokenSet | undefined;
}

export class ConfigFileTokenStore implements TokenStore {
  readonly path: string;
  readonly #lineage: OAuthLineage;
  readonly #locker: FileTokenStore;

  constructor(path: string, lineage: OAuthLineage) {
    this.path = path;
    this.#lineage = lineage;
    // Only its lock is used: a `${path}.lock` file shared by every gong-agent process.
    this.#locker = new FileTokenStore(path);
  }

  #slot(config: ConfigFile): Slot {
    if (this.#lineage.kind === "environment") {
      const rotated = config.oauthFromEnv;
      if (!rotated || rotated.supersedes !== this.#lineage.fingerprint)
        return { generation: 0, tokens: undefined };
      return {
        generation: rotated.generation,
        tokens: rotated.accessToken
          ? {
              accessToken: rotated.accessToken,
              refreshToken: rotated.refreshToken,
              expiresAt: rotated.expiresAt ?? 0,
              ...(rotated.baseUrl ? { apiBaseUrl: rotated.baseUrl } : {}),
            }
          : undefined,
      };
    }
    const gong = config.gong;
    if (gong?.type !== "oauth") return { generation: 0, tokens: undefined };
    return {
      generation: gong.generation ?? 0,
      tokens: gong.accessToken
        ? {
            accessToken: gong.accessToken,
            refreshToken: gong.refreshToken,
            expiresAt: gong.expiresAt ?? 0,
            ...(gong.baseUrl ? { apiBaseUrl: gong.baseUrl } : {}),
          }
        : undefined,
    };
  }

  /** The generation currently stored for this lineage (0 when nothing is). */
  async generation(): Promise<number> {
    return this.#slot(await readConfig(this.path)).generation;
  }

  async get(): Promise<StoredTokenSet | undefined> {
    const slot = this.#slot(await readConfig(this.path));
    return slot.tokens ? { tokens: slot.tokens, generation: slot.generation } : undefined;
  }

  async set(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult> {
    return this.lock(async () => {
      const config = await readConfig(this.path);
      const slot = this.#slot(config);
      if (slot.generation !== expectedGeneration) {
        return {
          ok: false,
          current: slot.tokens ? { tokens: slot.tokens, generation: slot.generation } : undefined,
        };
      }
      const generation = expectedGeneration + 1;
      const next = withRotatedTokens(config, this.#lineage, tokens, generation);
      // Throws when every attempt failed: core then fails the command rather than using tokens it could
      // not save, and the CLI writes them to a rescue file (see rescue.ts).
      await writeWithRetries(this.path, next);
      return { ok: true, generation };
    });
  }

  lock<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#locker.lock(fn, signal);
  }
}
