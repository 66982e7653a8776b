/**
 * Core's TokenStore over the server's database: a connector's rotating OAuth pair, sealed with the
 * server key, written with compare-and-swap on its generation. Core saves every new pair here BEFORE
 * it uses the new access token, so a crash can never lose the only valid single-use refresh token.
 */
import type { StoredTokenSet, TokenSet, TokenStore, TokenStoreSetResult } from "@gong-agent/core";
import type { SecretBox } from "../crypto/secret-box.js";
import type { Storage } from "../storage/types.js";

/** Per-connector in-process lock, shared by every store instance of the same connector. */
const locks = new Map<string, Promise<unknown>>();

export function tokensAssociatedData(connectorId: string): string {
  return `connector:${connectorId}:tokens`;
}

export class DatabaseTokenStore implements TokenStore {
  constructor(
    private readonly storage: Storage,
    private readonly box: SecretBox,
    private readonly connectorId: string,
  ) {}

  async get(): Promise<StoredTokenSet | undefined> {
    const row = await this.storage.getConnectorTokens(this.connectorId);
    if (!row) return undefined;
    const tokens = this.box.openJson<TokenSet>(row.sealed, tokensAssociatedData(this.connectorId));
    return { tokens, generation: row.generation };
  }

  async set(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult> {
    const sealed = this.box.sealJson(tokens, tokensAssociatedData(this.connectorId));
    const generation = await this.storage.swapConnectorTokens(this.connectorId, expectedGeneration, sealed);
    if (generation !== undefined) return { ok: true, generation };
    return { ok: false, current: await this.get() };
  }

  /** Serializes "re-read, refresh, save" for this connector within the process. */
  async lock<T>(fn: () => Promise<T>): Promise<T> {
    const previous = locks.get(this.connectorId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const chain = previous.then(() => mine);
    locks.set(this.connectorId, chain);
    await previous.catch(() => {});
    try {
      return await fn();
    } finally {
      release();
      if (locks.get(this.connectorId) === chain) locks.delete(this.connectorId);
    }
  }
}
