/**
 * Core's TokenStore over the server's database: a connector's rotating OAuth pair, sealed with the
 * server key, written with compare-and-swap on its generation. Core saves every new pair here BEFORE
 * it uses the new access token, so a crash can never lose the only valid single-use refresh token.
 */
import { randomUUID } from "node:crypto";
import {
  GongAbortError,
  GongError,
  type StoredTokenSet,
  type TokenSet,
  type TokenStore,
  type TokenStoreSetResult,
} from "@gong-agent/core";
import type { SecretBox } from "../crypto/secret-box.js";
import type { Storage } from "../storage/types.js";

/** Per-connector in-process lock, shared by every store instance of the same connector. */
const locks = new Map<string, Promise<unknown>>();
/** Identifies this process as the holder of a database lease. */
const LEASE_OWNER = `${process.pid}:${randomUUID()}`;
/** A refresh is one token-endpoint call; a lease outliving this was left by a crashed process. */
const LEASE_TTL_MS = 45_000;
const LEASE_WAIT_MS = 60_000;

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

  /**
   * Serializes "re-read, refresh, save" for this connector: first within the process, then across
   * processes sharing the database through a lease row, so only one of them spends the refresh token.
   */
  async lock<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = locks.get(this.connectorId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const chain = previous.then(() => mine);
    locks.set(this.connectorId, chain);
    await previous.catch(() => {});
    try {
      await this.#acquireLease(signal);
      try {
        return await fn();
      } finally {
        await this.storage.releaseConnectorLease(this.connectorId, LEASE_OWNER);
      }
    } finally {
      release();
      if (locks.get(this.connectorId) === chain) locks.delete(this.connectorId);
    }
  }

  async #acquireLease(signal: AbortSignal | undefined): Promise<void> {
    const deadline = Date.now() + LEASE_WAIT_MS;
    let delay = 20;
    while (!(await this.storage.acquireConnectorLease(this.connectorId, LEASE_OWNER, LEASE_TTL_MS))) {
      if (signal?.aborted)
        throw new GongAbortError("The call was aborted while waiting to refresh OAuth tokens.");
      if (Date.now() > deadline) {
        throw new GongError(
          `Another server process has held the token lease of connector ${this.connectorId} for over ${LEASE_WAIT_MS / 1000} s; try again.`,
          { retryable: true },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 250);
    }
  }
}
