/**
 * The one error family of the connector. Every error says what failed, why, and what to do,
 * and carries `retryable` so callers (and agents) know whether trying again can help.
 * Messages never contain credentials: build them from ids, statuses and Gong's own error text only.
 */

export interface GongErrorOptions {
  retryable?: boolean;
  cause?: unknown;
}

export class GongError extends Error {
  override name = "GongError";
  readonly retryable: boolean;

  constructor(message: string, options: GongErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}

export interface GongApiErrorOptions extends GongErrorOptions {
  status: number;
  requestId?: string | undefined;
  /** Gong's own `errors[]` strings, as sent. */
  errors?: string[] | undefined;
  method?: string | undefined;
  path?: string | undefined;
}

/** Gong answered with an HTTP error status. */
export class GongApiError extends GongError {
  override name = "GongApiError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly errors: string[];
  readonly method: string | undefined;
  readonly path: string | undefined;

  constructor(message: string, options: GongApiErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.requestId = options.requestId;
    this.errors = options.errors ?? [];
    this.method = options.method;
    this.path = options.path;
  }
}

/** 401: the credentials were refused (or they belong to another Gong host). */
export class GongAuthenticationError extends GongApiError {
  override name = "GongAuthenticationError";
}

/** 403: the credentials are valid but lack the scope or permission for this operation. */
export class GongPermissionError extends GongApiError {
  override name = "GongPermissionError";
}

/** 404 that is not an empty result: the record does not exist or is not visible to this key. */
export class GongNotFoundError extends GongApiError {
  override name = "GongNotFoundError";
}

export interface GongValidationErrorOptions extends Omit<GongApiErrorOptions, "status"> {
  status?: number;
  /** Where the problem is, e.g. `params.filter.fromDate`. */
  field?: string | undefined;
  /** The valid choices, when the problem is an unknown name. */
  validValues?: readonly string[] | undefined;
}

/** 400/422 from Gong, or input refused locally before any request was sent (status 0). */
export class GongValidationError extends GongApiError {
  override name = "GongValidationError";
  readonly field: string | undefined;
  readonly validValues: readonly string[] | undefined;

  constructor(message: string, options: GongValidationErrorOptions = {}) {
    super(message, { ...options, status: options.status ?? 0 });
    this.field = options.field;
    this.validValues = options.validValues;
  }
}

export interface GongRateLimitErrorOptions extends GongApiErrorOptions {
  /** How long to wait before the next request may succeed. */
  retryAfterMs?: number | undefined;
}

/** 429 from Gong, or the client-side limiter refusing to spend more of the tenant's quota. */
export class GongRateLimitError extends GongApiError {
  override name = "GongRateLimitError";
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: GongRateLimitErrorOptions) {
    super(message, { retryable: true, ...options });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 5xx: Gong failed; usually temporary. */
export class GongServerError extends GongApiError {
  override name = "GongServerError";

  constructor(message: string, options: GongApiErrorOptions) {
    super(message, { retryable: true, ...options });
  }
}

/** The request never got an HTTP answer (DNS, refused, reset, TLS). */
export class GongConnectionError extends GongError {
  override name = "GongConnectionError";

  constructor(message: string, options: GongErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }
}

/** A request or the overall deadline ran out. */
export class GongTimeoutError extends GongError {
  override name = "GongTimeoutError";
  readonly timeoutMs: number | undefined;

  constructor(message: string, options: GongErrorOptions & { timeoutMs?: number } = {}) {
    super(message, { retryable: true, ...options });
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's AbortSignal fired. Never retried. */
export class GongAbortError extends GongError {
  override name = "GongAbortError";
}

/**
 * The OAuth refresh token was rejected (`invalid_grant`) even after re-reading the token store.
 * Only a new authorization (consent) can fix this.
 */
export class GongReauthRequiredError extends GongError {
  override name = "GongReauthRequiredError";
}
