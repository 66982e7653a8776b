/**
 * Where rotated OAuth tokens live. Gong refresh tokens are single-use: whoever refreshes must save the new
 * pair before anything else happens, and several workers must never refresh the same token at once.
 * A store therefore offers compare-and-swap on a generation number and, optionally, a lock that spans
 * "re-read, refresh, save" (across processes, for stores shared by several processes).
 */

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, epoch milliseconds. */
  expiresAt: number;
  /** The tenant host Gong named in `api_base_url_for_customer`, when it did. */
  apiBaseUrl?: string | undefined;
  scope?: string | undefined;
}

export interface StoredTokenSet {
  tokens: TokenSet;
  /** Increases by one on every successful `set`; 0 means "nothing stored yet". */
  generation: number;
}

export type TokenStoreSetResult =
  | { ok: true; generation: number }
  /** Someone else wrote first; `current` is what the store holds now. */
  | { ok: false; current: StoredTokenSet | undefined };

export interface TokenStore {
  /** The current pair, or undefined when nothing was stored yet. */
  get(): Promise<StoredTokenSet | undefined>;
  /**
   * Saves `tokens` only if the stored generation is still `expectedGeneration` (0 = expect an empty store).
   * Must throw when the pair cannot be saved; a swallowed failure can lose the only valid refresh token.
   */
  set(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult>;
  /**
   * Runs `fn` while holding the store's exclusive lock (across processes when the store is shared).
   * Optional: without it, in-process single flight and compare-and-swap still apply.
   */
  lock?<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** Copies a token set so callers never share mutable objects with a store. */
export function copyTokens(tokens: TokenSet): TokenSet {
  const copy: TokenSet = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
  };
  if (tokens.apiBaseUrl !== undefined) copy.apiBaseUrl = tokens.apiBaseUrl;
  if (tokens.scope !== undefined) copy.scope = tokens.scope;
  return copy;
}

/**
 * Keeps tokens in this process only (the default). Pair it with `onTokenRefresh` to persist elsewhere.
 * Its lock serializes refreshes of every client sharing the store within the process.
 */
export class MemoryTokenStore implements TokenStore {
  #current: StoredTokenSet | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(initial?: TokenSet) {
    if (initial) this.#current = { tokens: copyTokens(initial), generation: 1 };
  }

  async get(): Promise<StoredTokenSet | undefined> {
    return (
      this.#current && { tokens: copyTokens(this.#current.tokens), generation: this.#current.generation }
    );
  }

  async set(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult> {
    const generation = this.#current?.generation ?? 0;
    if (generation !== expectedGeneration) return { ok: false, current: await this.get() };
    this.#current = { tokens: copyTokens(tokens), generation: generation + 1 };
    return { ok: true, generation: generation + 1 };
  }

  lock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => {});
    return run;
  }
}

const sharedMemoryStores = new Map<string, MemoryTokenStore>();

/**
 * The in-memory store for one OAuth grant (keyed by a hash of token URL, client and initial refresh token),
 * shared by every client in the process configured with it, so two connectors created from the same config
 * never spend the same single-use refresh token twice.
 */
export function sharedMemoryTokenStore(key: string): MemoryTokenStore {
  let store = sharedMemoryStores.get(key);
  if (!store) {
    store = new MemoryTokenStore();
    sharedMemoryStores.set(key, store);
  }
  return store;
}
