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
import { type ConfigFile, readConfig, writeConfig } from "./file.js";

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
      const next: ConfigFile = { ...config };
      if (this.#lineage.kind === "environment") {
        next.oauthFromEnv = {
          supersedes: this.#lineage.fingerprint,
          refreshToken: tokens.refreshToken,
          accessToken: tokens.accessToken,
          expiresAt: tokens.expiresAt,
          ...(tokens.apiBaseUrl ? { baseUrl: tokens.apiBaseUrl } : {}),
          generation,
        };
      } else {
        const gong =
          config.gong?.type === "oauth" ? config.gong : { type: "oauth" as const, refreshToken: "" };
        next.gong = {
          ...gong,
          refreshToken: tokens.refreshToken,
          accessToken: tokens.accessToken,
          expiresAt: tokens.expiresAt,
          ...(tokens.apiBaseUrl ? { baseUrl: tokens.apiBaseUrl } : {}),
          generation,
        };
      }
      // Throws on failure: core then fails the command rather than using tokens it could not save.
      await writeConfig(this.path, next);
      return { ok: true, generation };
    });
  }

  lock<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#locker.lock(fn, signal);
  }
}
