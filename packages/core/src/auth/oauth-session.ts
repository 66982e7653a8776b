/**
 * OAuth 2 with Gong's single-use refresh tokens, done so that no caller can lose the only valid token:
 * - refresh proactively (no access token, or it expires within a margin), never sending `Bearer undefined`;
 * - one refresh at a time per process (single flight) and, with a lockable store, per machine;
 * - before refreshing, re-read the store: a sibling may already have rotated;
 * - the new pair is saved (store, then `onTokenRefresh`) BEFORE the new access token is used; a failed save
 *   is raised, the pair stays in memory and saving is retried before the next request;
 * - `invalid_grant` → re-read the store once, adopt a sibling's newer pair, else `GongReauthRequiredError`.
 */
import { GongAbortError, GongError, type GongErrorOptions, GongReauthRequiredError } from "../errors.js";
import type { Logger } from "../logging/logger.js";
import { redactText, type SecretRegistry } from "../logging/redact.js";
import type { NormalizedOAuthAuth } from "./config.js";
import { refreshAtTokenEndpoint } from "./token-endpoint.js";
import { copyTokens, type StoredTokenSet, type TokenSet, type TokenStore } from "./token-store.js";

export interface OAuthSessionOptions {
  auth: NormalizedOAuthAuth;
  store: TokenStore;
  onTokenRefresh?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  fetch: typeof fetch;
  logger: Logger;
  secrets: SecretRegistry;
  /** Timeout of one token-endpoint call. */
  timeoutMs: number;
  /** Refresh when the access token expires within this margin. Default 60 s. */
  refreshMarginMs?: number | undefined;
  now?: (() => number) | undefined;
}

/** The new tokens were issued but could not be saved. They stay in memory; saving is retried. */
export class GongTokenPersistenceError extends GongError {
  override name = "GongTokenPersistenceError";
  /**
   * The unsaved pair, so a caller that is about to exit can still put it somewhere safe (Gong refresh
   * tokens are single-use: losing it means re-authorizing). Non-enumerable, so it never reaches JSON,
   * `util.inspect` or structured logs.
   */
  declare readonly tokens: TokenSet | undefined;

  constructor(message: string, options: GongErrorOptions & { tokens?: TokenSet | undefined } = {}) {
    super(message, options);
    Object.defineProperty(this, "tokens", {
      value: options.tokens === undefined ? undefined : copyTokens(options.tokens),
      enumerable: false,
      writable: false,
      configurable: false,
    });
  }
}

interface CurrentTokens {
  accessToken: string | undefined;
  refreshToken: string;
  expiresAt: number | undefined;
  apiBaseUrl: string | undefined;
  scope: string | undefined;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted)
    return Promise.reject(
      new GongAbortError("The call was aborted while the OAuth token was being refreshed."),
    );
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(new GongAbortError("The call was aborted while the OAuth token was being refreshed."));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

export class OAuthSession {
  readonly #options: OAuthSessionOptions;
  readonly #margin: number;
  readonly #now: () => number;
  #tokens: CurrentTokens;
  /** Store generation the in-memory pair corresponds to (0: not from the store). */
  #generation = 0;
  #loading: Promise<void> | undefined;
  #loaded = false;
  #refreshing: Promise<void> | undefined;
  /** Set when a refreshed pair has not been saved everywhere yet. */
  #unsaved: { store: boolean; callback: boolean } | undefined;
  /** The access token this session last obtained, with its lifetime as issued. */
  #issued: { accessToken: string; lifetimeMs: number } | undefined;
  /** Whether the refresh token from the config was tried after the stored one was rejected. */
  #configTokenTried = false;
  /** Number of token-endpoint calls made (for diagnostics and tests). */
  refreshCount = 0;

  constructor(options: OAuthSessionOptions) {
    this.#options = options;
    this.#margin = options.refreshMarginMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    const { auth } = options;
    this.#tokens = {
      accessToken: auth.accessToken,
      refreshToken: auth.refreshToken,
      expiresAt: auth.expiresAt,
      apiBaseUrl: undefined,
      scope: undefined,
    };
    options.secrets.add(auth.accessToken, auth.refreshToken, auth.clientSecret);
  }

  /** The tenant host Gong named in the token response, once known. */
  get apiBaseUrl(): string | undefined {
    return this.#tokens.apiBaseUrl;
  }

  /** A stable, non-secret identity of the OAuth client, for rate-limit keys. */
  get clientIdentity(): string {
    return this.#options.auth.clientId ?? "oauth";
  }

  /** Returns the `Authorization` header value to use now, refreshing first if needed. */
  async authorize(signal?: AbortSignal): Promise<string> {
    if (!this.#loaded) {
      if (!this.#loading) {
        // Read the store once; a failed read is retried by the next call.
        this.#loading = this.#load().finally(() => {
          this.#loading = undefined;
        });
      }
      await raceAbort(this.#loading, signal);
    }
    if (this.#unsaved) {
      // A refreshed pair is not saved yet: save it before anything uses it further.
      await raceAbort(
        this.#single(() => this.#retrySave()),
        signal,
      );
    }
    if (!this.#usable(this.#tokens)) {
      await raceAbort(
        this.#single(() => this.#refresh(undefined)),
        signal,
      );
    }
    const token = this.#tokens.accessToken;
    if (!token) throw new GongError("No OAuth access token is available after refreshing; this is a bug.");
    return `Bearer ${token}`;
  }

  /**
   * Called after Gong answered 401 to `failedHeader`. Refreshes once (unless someone already did) and
   * tells whether a retry with the new token makes sense.
   */
  async recoverFromUnauthorized(failedHeader: string, signal?: AbortSignal): Promise<boolean> {
    const failed = failedHeader.replace(/^Bearer /, "");
    if (this.#tokens.accessToken !== failed) return true;
    await raceAbort(
      this.#single(() => this.#refresh(failed)),
      signal,
    );
    return this.#tokens.accessToken !== failed;
  }

  #usable(tokens: { accessToken: string | undefined; expiresAt: number | undefined }): boolean {
    if (!tokens.accessToken) return false;
    if (tokens.expiresAt === undefined) return true;
    // A token issued with a short lifetime must not count as "expiring" the moment it arrives.
    const margin =
      this.#issued?.accessToken === tokens.accessToken
        ? Math.min(this.#margin, this.#issued.lifetimeMs / 2)
        : this.#margin;
    return tokens.expiresAt - margin > this.#now();
  }

  /** One refresh-or-save at a time in this process; later callers share the running one. */
  #single(task: () => Promise<void>): Promise<void> {
    if (!this.#refreshing) {
      this.#refreshing = task().finally(() => {
        this.#refreshing = undefined;
      });
    }
    return this.#refreshing;
  }

  async #load(): Promise<void> {
    const stored = await this.#options.store.get();
    if (stored) this.#adopt(stored);
    this.#loaded = true;
  }

  #adopt(stored: StoredTokenSet): void {
    const { tokens } = stored;
    this.#tokens = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
      apiBaseUrl: tokens.apiBaseUrl ?? this.#tokens.apiBaseUrl,
      scope: tokens.scope ?? this.#tokens.scope,
    };
    this.#generation = stored.generation;
    this.#options.secrets.add(tokens.accessToken, tokens.refreshToken);
  }

  #withStoreLock<T>(fn: () => Promise<T>): Promise<T> {
    const { store } = this.#options;
    return store.lock ? store.lock(fn) : fn();
  }

  /** `failed`: the access token Gong just refused, if this refresh was forced by a 401. */
  #refresh(failed: string | undefined): Promise<void> {
    return this.#withStoreLock(async () => {
      if (failed !== undefined && this.#tokens.accessToken !== failed && this.#usable(this.#tokens)) return;
      // A sibling (another process or connector) may have rotated already: take its pair if it is good.
      const stored = await this.#options.store.get();
      if (stored && stored.generation !== this.#generation) {
        this.#adopt(stored);
        if (this.#usable(stored.tokens) && stored.tokens.accessToken !== failed) {
          this.#options.logger.debug("Using OAuth tokens rotated by another process", {
            generation: stored.generation,
          });
          return;
        }
      }
      let used = this.#tokens.refreshToken;
      let result = await this.#callTokenEndpoint(used);
      if (!result.ok) {
        // invalid_grant: the token was used already. Re-read the store once; a sibling may hold the new pair.
        const again = await this.#options.store.get();
        if (again && again.tokens.refreshToken !== used) {
          this.#adopt(again);
          this.#options.logger.info(
            "Refresh token was already rotated by another process; using its tokens",
            {
              generation: again.generation,
            },
          );
          if (this.#usable(again.tokens) && again.tokens.accessToken !== failed) return;
          used = again.tokens.refreshToken;
          result = await this.#callTokenEndpoint(used);
        } else if (this.#options.auth.refreshToken !== used && !this.#configTokenTried) {
          // The store held a dead pair, but the config carries a different refresh token (e.g. the user
          // re-authorized and restarted with a stale token file): it may be the valid one.
          this.#configTokenTried = true;
          this.#options.logger.info("Stored refresh token rejected; trying the configured one");
          used = this.#options.auth.refreshToken;
          result = await this.#callTokenEndpoint(used);
        }
        if (!result.ok) {
          this.#options.logger.error(
            "OAuth refresh token rejected (invalid_grant); re-authorization required",
          );
          throw new GongReauthRequiredError(
            "Gong rejected the OAuth refresh token (invalid_grant): it was already used or revoked, and the token store " +
              "holds no newer one. Gong refresh tokens are single-use, so this connection needs a new authorization: " +
              "run the OAuth consent flow again and configure the new refresh token.",
          );
        }
      }
      const tokens = result.tokens;
      this.#issued = { accessToken: tokens.accessToken, lifetimeMs: tokens.expiresAt - this.#now() };
      // Keep the new pair in memory first: whatever happens next, this process never loses it.
      this.#tokens = {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
        apiBaseUrl: tokens.apiBaseUrl ?? this.#tokens.apiBaseUrl,
        scope: tokens.scope ?? this.#tokens.scope,
      };
      if (tokens.apiBaseUrl === undefined && this.#tokens.apiBaseUrl !== undefined) {
        tokens.apiBaseUrl = this.#tokens.apiBaseUrl;
      }
      this.#unsaved = { store: true, callback: this.#options.onTokenRefresh !== undefined };
      this.#options.logger.info("OAuth access token refreshed", {
        expiresAt: new Date(tokens.expiresAt).toISOString(),
        apiBaseUrl: tokens.apiBaseUrl,
      });
      await this.#save(tokens);
    });
  }

  async #callTokenEndpoint(refreshToken: string) {
    const { auth, fetch, timeoutMs, secrets } = this.#options;
    this.refreshCount++;
    return refreshAtTokenEndpoint({
      tokenUrl: auth.tokenUrl,
      refreshToken,
      clientId: auth.clientId,
      clientSecret: auth.clientSecret,
      fetch,
      timeoutMs,
      secrets,
      now: this.#now,
    });
  }

  #currentTokenSet(): TokenSet {
    const t = this.#tokens;
    return copyTokens({
      accessToken: t.accessToken ?? "",
      refreshToken: t.refreshToken,
      expiresAt: t.expiresAt ?? 0,
      apiBaseUrl: t.apiBaseUrl,
      scope: t.scope,
    });
  }

  #retrySave(): Promise<void> {
    return this.#withStoreLock(() => this.#save(this.#currentTokenSet()));
  }

  /** Saves to the store (compare-and-swap), then hands the pair to `onTokenRefresh`. Throws on failure. */
  async #save(tokens: TokenSet): Promise<void> {
    const unsaved = this.#unsaved;
    if (!unsaved) return;
    const { store, onTokenRefresh, logger, secrets } = this.#options;
    try {
      if (unsaved.store) {
        let result = await store.set(tokens, this.#generation);
        if (!result.ok) {
          // Someone wrote in between (a store without a lock). This pair was just issued, so it is the newest.
          result = await store.set(tokens, result.current?.generation ?? 0);
        }
        if (!result.ok)
          throw new Error("the token store kept changing during the write (compare-and-swap failed twice)");
        this.#generation = result.generation;
        unsaved.store = false;
      }
      if (unsaved.callback && onTokenRefresh) {
        await onTokenRefresh(copyTokens(tokens));
        unsaved.callback = false;
      }
      this.#unsaved = undefined;
    } catch (error) {
      const where = unsaved.store ? "the token store" : "the onTokenRefresh callback";
      const raw = error instanceof Error ? error.message : String(error);
      const why = redactText(raw, secrets);
      logger.error("Saving rotated OAuth tokens failed", { where, error: why });
      throw new GongTokenPersistenceError(
        `Gong issued new OAuth tokens, but saving them through ${where} failed: ${why}. ` +
          "Gong refresh tokens are single-use, so the new pair is kept in memory and saving is retried before the next request; " +
          "fix the token store or callback, or this connection will need re-authorization after a restart.",
        // The original error is attached only when it carries no secret.
        { ...(why === raw ? { cause: error } : {}), tokens },
      );
    }
  }
}
