/**
 * The HTTP client for one Gong tenant, on Node's own fetch (keep-alive connection reuse is built in).
 * Per request: rate limiter → Authorization → fetch with a timeout (and the caller's signal and the overall
 * deadline) → lossless JSON → success, empty result, retry, or a typed error.
 */

import { type Authorizer, createAuthorizer } from "../auth/authorizer.js";
import { type AuthConfig, checkCredentialUrl, normalizeAuth } from "../auth/config.js";
import type { TokenSet, TokenStore } from "../auth/token-store.js";
import {
  GongAbortError,
  GongApiError,
  GongConnectionError,
  GongError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "../errors.js";
import { parseJsonLossless } from "../json/lossless.js";
import {
  createConsoleLogger,
  createRedactingLogger,
  isLevelEnabled,
  type Logger,
} from "../logging/logger.js";
import { redactText, redactUrl, SecretRegistry } from "../logging/redact.js";
import {
  type RateLimitDone,
  type RateLimiter,
  type RateLimitOptions,
  sharedRateLimiter,
} from "./rate-limiter.js";
import { isEmptyResult404, mapErrorResponse, readErrorBody } from "./response-errors.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from "./retry-policy.js";
import type {
  DownloadRequest,
  GongClient,
  GongRequest,
  GongResponse,
  HttpMethod,
  QueryValue,
} from "./types.js";

export const DEFAULT_BASE_URL = "https://api.gong.io";

export interface GongClientOptions {
  /** `{ accessKey, accessKeySecret }` or `{ refreshToken, … }` (OAuth), camelCase or snake_case. */
  auth: AuthConfig;
  /** The tenant's API host. Default `https://api.gong.io`; OAuth adopts `api_base_url_for_customer`. */
  baseUrl?: string | undefined;
  /** Timeout of one HTTP attempt, including reading the body. Default 30 s. */
  timeoutMs?: number | undefined;
  /** Overall limit for one call including retries and waits. Default: none (bounded by retries). */
  deadlineMs?: number | undefined;
  /** Retries after the first attempt (429, 408, 5xx, connection errors, timeouts). Default 2. */
  maxRetries?: number | undefined;
  /** Longest `Retry-After` wait accepted; a longer one throws GongRateLimitError at once. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /** First backoff delay, doubling per retry. Default 500 ms. */
  retryBaseDelayMs?: number | undefined;
  /** Largest backoff delay. Default 8 s. */
  retryMaxDelayMs?: number | undefined;
  /** Client-side throttle: options for the shared process-wide limiter, your own limiter, or false (off). */
  rateLimit?: RateLimitOptions | RateLimiter | false | undefined;
  /** Where rotated OAuth tokens are kept. Default: in memory. */
  tokenStore?: TokenStore | undefined;
  /** Called with every new OAuth pair BEFORE it is used; a throw is raised to the caller, never swallowed. */
  onTokenRefresh?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  /** Refresh the OAuth access token when it expires within this margin. Default 60 s. */
  refreshMarginMs?: number | undefined;
  /** Receives redacted log entries. Default: JSON lines on stderr at `GONG_AGENT_LOG` level (else warn). */
  logger?: Logger | undefined;
  /** The fetch implementation. Default: the global fetch. */
  fetch?: typeof fetch | undefined;
  userAgent?: string | undefined;
}

const USER_AGENT = "gong-agent/0.1.0";
const MIN_429_WAIT_MS = 1000;
const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function positive(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0 || (!allowZero && value === 0)) {
    throw new GongValidationError(`"${name}" must be a ${allowZero ? "non-negative" : "positive"} number.`, {
      field: name,
    });
  }
  return value;
}

/** Normalizes a base URL: checked scheme, no trailing slash, no trailing `/v2` (paths carry it). */
function normalizeBaseUrl(value: string): string {
  return checkCredentialUrl(value, "baseUrl").replace(/\/+$/, "").replace(/\/v2$/, "");
}

function isRateLimiter(value: unknown): value is RateLimiter {
  return typeof value === "object" && value !== null && typeof (value as RateLimiter).acquire === "function";
}

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> | undefined): URL {
  const url = new URL(baseUrl + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.append(name, String(value));
  }
  return url;
}

/** The low-level cause of a fetch failure, e.g. ECONNRESET, for messages. */
function networkReason(error: unknown): { code: string | undefined; text: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === "string") {
      return {
        code: record.code,
        text: `${record.code}${typeof record.message === "string" ? `: ${record.message}` : ""}`,
      };
    }
    if (!record.cause) break;
    current = record.cause;
  }
  return { code: undefined, text: error instanceof Error ? error.message : String(error) };
}

/** Connection errors raised before any byte was sent: safe to retry even for writes. */
const nothingSent = new WeakSet<object>();

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

class FetchGongClient implements GongClient {
  readonly #configuredBaseUrl: string;
  readonly #authorizer: Authorizer;
  readonly #limiter: RateLimiter | undefined;
  readonly #fetch: typeof fetch;
  readonly #logger: Logger;
  readonly #secrets = new SecretRegistry();
  readonly #timeoutMs: number;
  readonly #deadlineMs: number | undefined;
  readonly #maxRetries: number;
  readonly #maxRetryAfterMs: number;
  readonly #retryBaseDelayMs: number;
  readonly #retryMaxDelayMs: number;
  readonly #userAgent: string;

  constructor(options: GongClientOptions) {
    if (!options || typeof options !== "object") {
      throw new GongValidationError("createGongClient needs an options object with at least { auth }.", {
        field: "options",
      });
    }
    const auth = normalizeAuth(options.auth);
    this.#configuredBaseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.#timeoutMs = positive(options.timeoutMs, 30_000, "timeoutMs");
    this.#deadlineMs =
      options.deadlineMs === undefined ? undefined : positive(options.deadlineMs, 0, "deadlineMs");
    this.#maxRetries = Math.floor(positive(options.maxRetries, 2, "maxRetries", true));
    this.#maxRetryAfterMs = positive(options.maxRetryAfterMs, 60_000, "maxRetryAfterMs", true);
    this.#retryBaseDelayMs = positive(options.retryBaseDelayMs, 500, "retryBaseDelayMs", true);
    this.#retryMaxDelayMs = positive(options.retryMaxDelayMs, 8_000, "retryMaxDelayMs", true);
    this.#userAgent = options.userAgent ?? USER_AGENT;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#logger = createRedactingLogger(options.logger ?? createConsoleLogger(), this.#secrets);
    const rateLimit = options.rateLimit;
    this.#limiter =
      rateLimit === false
        ? undefined
        : isRateLimiter(rateLimit)
          ? rateLimit
          : sharedRateLimiter(rateLimit ?? {});
    this.#authorizer = createAuthorizer(auth, {
      store: options.tokenStore,
      onTokenRefresh: options.onTokenRefresh,
      fetch: this.#fetch,
      logger: this.#logger,
      secrets: this.#secrets,
      timeoutMs: this.#timeoutMs,
      refreshMarginMs: options.refreshMarginMs,
    });
  }

  get baseUrl(): string {
    return this.#authorizer.learnedBaseUrl ?? this.#configuredBaseUrl;
  }

  /** Tenant key for the rate limiter: host + credential hash, never a secret. */
  #limiterKey(baseUrl: string): string {
    return `${baseUrl}|${this.#authorizer.identity}`;
  }

  async request<T = unknown>(request: GongRequest): Promise<GongResponse<T>> {
    const { method, path, signal } = request;
    if (!METHODS.includes(method)) {
      throw new GongValidationError(
        `Unsupported HTTP method "${String(method)}"; use one of ${METHODS.join(", ")}.`,
        {
          field: "method",
          validValues: METHODS,
        },
      );
    }
    if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//") || path.includes("://")) {
      throw new GongValidationError(
        `Request path must start with "/" (e.g. "/v2/calls"); got ${JSON.stringify(path)}.`,
        {
          field: "path",
        },
      );
    }
    const idempotent = request.idempotent ?? method === "GET";
    const deadline =
      this.#deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + this.#deadlineMs;
    let retries = 0;
    let reauthorized = false;

    for (;;) {
      if (signal?.aborted) throw new GongAbortError(`${method} ${path} was aborted before it was sent.`);
      // Authorize first: an OAuth refresh may move the tenant to its own host (api_base_url_for_customer).
      const authorization = await this.#authorizer.authorize(signal);
      const baseUrl = this.baseUrl;
      const url = buildUrl(baseUrl, path, request.query);
      const answered = this.#limiter
        ? await this.#acquireSlot(this.#limiterKey(baseUrl), method, path, signal, deadline)
        : undefined;

      let raw: RawResponse;
      try {
        raw = await this.#send(url, request, authorization, deadline, answered);
      } catch (error) {
        const retryable =
          error instanceof GongError &&
          !(error instanceof GongAbortError) &&
          (idempotent || nothingSent.has(error));
        const wait = backoffDelay(retries, this.#retryBaseDelayMs, this.#retryMaxDelayMs);
        if (!retryable || retries >= this.#maxRetries || Date.now() + wait >= deadline) throw error;
        this.#logger.warn("Gong request failed; retrying", {
          method,
          path,
          error: (error as Error).message,
          waitMs: wait,
        });
        await sleep(wait, signal);
        retries++;
        continue;
      }

      const { status, headers } = raw;
      if (status >= 300 && status < 400) throw this.#redirectError(raw, method, path, url);

      let data: unknown;
      try {
        data = raw.text === "" ? undefined : parseJsonLossless(raw.text);
      } catch {
        if (status >= 200 && status < 300) {
          throw new GongApiError(
            `${method} ${path} answered HTTP ${status} with a body that is not JSON; is baseUrl (${baseUrl}) really a Gong API host?`,
            { status, method, path },
          );
        }
        data = undefined;
      }

      if (status >= 200 && status < 300) {
        const requestId = readErrorBody(data, headers).requestId;
        return { status, headers, data: data as T, requestId };
      }

      const body = readErrorBody(data, headers);
      if (isEmptyResult404(status, body.errors)) {
        this.#logger.debug("Gong answered 404 'not found' for an empty result", { method, path });
        return { status, headers, data: data as T, requestId: body.requestId, emptyResult: true };
      }

      if (status === 401 && !reauthorized && this.#authorizer.kind === "oauth") {
        reauthorized = true;
        if (await this.#authorizer.recoverFromUnauthorized(authorization, signal)) {
          this.#logger.info("Gong refused the access token; retrying once with a refreshed token", {
            method,
            path,
          });
          continue;
        }
      }

      const retryAfterMs = status === 429 ? parseRetryAfter(headers.get("retry-after")) : undefined;
      const error = mapErrorResponse({
        status,
        method,
        path,
        origin: url.origin,
        body,
        retryAfterMs,
        authKind: this.#authorizer.kind,
        tenantOrigin: this.#authorizer.learnedBaseUrl
          ? new URL(this.#authorizer.learnedBaseUrl).origin
          : undefined,
        secrets: this.#secrets,
      });
      // A 429 means the request was not processed, so even writes may be retried.
      if (!isRetryableStatus(status) || (!idempotent && status !== 429)) throw error;

      if (status === 429 && retryAfterMs !== undefined) {
        this.#limiter?.pause?.(this.#limiterKey(baseUrl), Date.now() + retryAfterMs);
        if (retryAfterMs > this.#maxRetryAfterMs) {
          throw this.#rateLimitError(
            error,
            retryAfterMs,
            `longer than the ${this.#maxRetryAfterMs} ms this client waits`,
          );
        }
      }
      const backoff = backoffDelay(retries, this.#retryBaseDelayMs, this.#retryMaxDelayMs);
      // Without Retry-After, a 429 waits at least one of Gong's one-second windows.
      const wait =
        retryAfterMs ??
        (status === 429 ? Math.max(backoff, Math.min(MIN_429_WAIT_MS, this.#retryMaxDelayMs)) : backoff);
      if (Date.now() + wait >= deadline) {
        if (status === 429) throw this.#rateLimitError(error, wait, "past the call's deadline");
        throw error;
      }
      if (retries >= this.#maxRetries) throw error;
      this.#logger.warn("Gong answered a retryable status; retrying", { method, path, status, waitMs: wait });
      await sleep(wait, signal);
      retries++;
    }
  }

  /** Waits for the rate limiter, but never past the call's deadline. */
  async #acquireSlot(
    key: string,
    method: string,
    path: string,
    signal: AbortSignal | undefined,
    deadline: number,
  ): Promise<RateLimitDone | undefined> {
    const limiter = this.#limiter!;
    if (deadline === Number.POSITIVE_INFINITY) return (await limiter.acquire(key, signal)) ?? undefined;
    const byDeadline = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    try {
      const combined = signal ? AbortSignal.any([signal, byDeadline]) : byDeadline;
      return (await limiter.acquire(key, combined)) ?? undefined;
    } catch (error) {
      if (error instanceof GongAbortError && byDeadline.aborted && !signal?.aborted) {
        throw new GongTimeoutError(
          `${method} ${path} ran out of its ${this.#deadlineMs} ms deadline while waiting for the client-side ` +
            "rate limiter (Gong allows 3 calls per second per company). Raise deadlineMs or make fewer calls.",
          { timeoutMs: this.#deadlineMs },
        );
      }
      throw error;
    }
  }

  #rateLimitError(source: GongApiError, retryAfterMs: number, why: string): GongRateLimitError {
    return new GongRateLimitError(
      `${source.message} Not retrying automatically: the requested wait (${Math.ceil(retryAfterMs / 1000)} s) is ${why}.`,
      {
        status: source.status,
        requestId: source.requestId,
        errors: source.errors,
        method: source.method,
        path: source.path,
        retryAfterMs,
      },
    );
  }

  #redirectError(raw: RawResponse, method: string, path: string, url: URL): GongApiError {
    const location = raw.headers.get("location");
    let target = "another location";
    try {
      if (location) target = new URL(location, url).origin;
    } catch {
      // Unparseable Location; say nothing more specific.
    }
    return new GongApiError(
      `${method} ${path} was redirected (HTTP ${raw.status}) from ${url.origin} to ${target}. ` +
        `This usually means the base URL is wrong for this tenant. Redirects are not followed, because the ` +
        `Authorization header would be dropped or sent to another host. Set baseUrl to the tenant's API host ` +
        `(e.g. https://us-12345.api.gong.io; OAuth returns it as api_base_url_for_customer).`,
      { status: raw.status, method, path },
    );
  }

  /** One HTTP attempt; the timer covers connecting, headers and reading the whole body. */
  async #send(
    url: URL,
    request: GongRequest,
    authorization: string,
    deadline: number,
    answered: RateLimitDone | undefined,
  ): Promise<RawResponse> {
    const { method, path, signal } = request;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      answered?.(); // Never sent: free the limiter slot now rather than when it would have timed out.
      throw new GongTimeoutError(`${method} ${path} ran out of its ${this.#deadlineMs} ms deadline.`, {
        timeoutMs: this.#deadlineMs,
      });
    }
    const byDeadline = remaining < this.#timeoutMs;
    const limitMs = byDeadline ? remaining : this.#timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });

    // Caller headers first, in any letter case; the credentials and content type are always ours.
    const headers = new Headers({ accept: "application/json", "user-agent": this.#userAgent });
    for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
    headers.set("authorization", authorization);
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers.set("content-type", "application/json");
    }
    const started = Date.now();
    const debug = isLevelEnabled(this.#logger, "debug");
    const safeUrl = debug ? redactUrl(url, this.#secrets) : "";
    if (debug) this.#logger.debug("Gong request", { method, url: safeUrl });
    let responded = false;
    try {
      const response = await this.#fetch(url, {
        method,
        headers,
        body,
        redirect: "manual",
        signal: controller.signal,
      });
      responded = true;
      answered?.(); // The request has reached Gong: tell the limiter when.
      const text = await response.text();
      if (debug)
        this.#logger.debug("Gong response", {
          method,
          url: safeUrl,
          status: response.status,
          ms: Date.now() - started,
          requestId: response.headers.get("x-request-id") ?? undefined,
        });
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      answered?.();
      if (signal?.aborted)
        throw new GongAbortError(`${method} ${path} was aborted by the caller.`, { cause: error });
      if (timedOut) {
        const message = byDeadline
          ? `${method} ${path} ran out of its ${this.#deadlineMs} ms overall deadline. Raise deadlineMs or narrow the request.`
          : `${method} ${path} got no complete answer from ${url.origin} within ${limitMs} ms. ` +
            "Gong may be slow or the network congested; raise timeoutMs or narrow the request (e.g. a shorter date range).";
        throw new GongTimeoutError(message, { timeoutMs: limitMs });
      }
      const reason = networkReason(error);
      const refusedBeforeSending =
        !responded && (reason.code === "ECONNREFUSED" || reason.code === "ENOTFOUND");
      const where = responded ? "the connection broke while reading the answer" : "the connection failed";
      const connectionError = new GongConnectionError(
        `${method} ${path} failed: ${where} (${redactText(reason.text, this.#secrets)}) talking to ${url.origin}. ` +
          (reason.code === "ENOTFOUND"
            ? "The host name does not resolve; check baseUrl."
            : "Check network access to Gong; the call can be retried."),
      );
      if (refusedBeforeSending) nothingSent.add(connectionError);
      throw connectionError;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async download(request: DownloadRequest): Promise<Response> {
    const { signal } = request;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new GongValidationError(
        "download needs an absolute media URL (as returned in a call's media fields).",
        {
          field: "url",
        },
      );
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new GongValidationError(`download supports http(s) URLs only; got ${url.protocol}`, {
        field: "url",
      });
    }
    const headers: Record<string, string> = { accept: "*/*", "user-agent": this.#userAgent };
    if (request.range) headers["range"] = request.range;
    const safeUrl = redactUrl(url, this.#secrets);
    let retries = 0;
    for (;;) {
      if (signal?.aborted) throw new GongAbortError("The media download was aborted before it started.");
      const controller = new AbortController();
      let timedOut = false;
      // The timeout covers waiting for the response headers only; the body streams for as long as it takes.
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.#timeoutMs);
      const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
      let response: Response;
      try {
        this.#logger.debug("Media download", { url: safeUrl, range: request.range });
        // No Gong credentials: media URLs are pre-signed, and their host is not Gong's API.
        response = await this.#fetch(url, { method: "GET", headers, redirect: "follow", signal: combined });
      } catch (error) {
        clearTimeout(timer);
        if (signal?.aborted)
          throw new GongAbortError("The media download was aborted by the caller.", { cause: error });
        const failure = timedOut
          ? new GongTimeoutError(
              `The media download from ${url.origin} did not start within ${this.#timeoutMs} ms.`,
              {
                timeoutMs: this.#timeoutMs,
              },
            )
          : new GongConnectionError(
              `The media download from ${url.origin} failed: ${redactText(networkReason(error).text, this.#secrets)}.`,
            );
        if (retries >= this.#maxRetries) throw failure;
        await sleep(backoffDelay(retries++, this.#retryBaseDelayMs, this.#retryMaxDelayMs), signal);
        continue;
      }
      clearTimeout(timer);
      if (response.ok) return response;
      await response.body?.cancel().catch(() => {});
      const status = response.status;
      const options = { status, method: "GET", path: url.pathname };
      if (status >= 500 && retries < this.#maxRetries) {
        await sleep(backoffDelay(retries++, this.#retryBaseDelayMs, this.#retryMaxDelayMs), signal);
        continue;
      }
      if (status === 403 || status === 404 || status === 410) {
        const ErrorClass = status === 403 ? GongPermissionError : GongNotFoundError;
        throw new ErrorClass(
          `The media download from ${url.origin} failed with HTTP ${status}. Gong's media URLs are pre-signed and ` +
            "expire after 8 hours: fetch the call's media again for a fresh URL.",
          options,
        );
      }
      if (status === 416) {
        throw new GongValidationError(
          `The media server refused the range "${request.range}" (HTTP 416); it lies past the end of the file.`,
          {
            ...options,
            field: "range",
          },
        );
      }
      if (status >= 500) {
        throw new GongServerError(
          `The media download from ${url.origin} failed with HTTP ${status}; try again later.`,
          options,
        );
      }
      throw new GongApiError(`The media download from ${url.origin} failed with HTTP ${status}.`, options);
    }
  }
}

/** Creates an authenticated, rate-limited, retrying client for one Gong tenant. */
export function createGongClient(options: GongClientOptions): GongClient {
  return new FetchGongClient(options);
}
