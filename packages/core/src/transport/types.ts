/**
 * The contract between the connector (catalog, execute) and the HTTP layer (transport + auth).
 * The connector describes WHAT to send; the client decides HOW: base URL, credentials,
 * rate limiting, timeouts, retries and lossless JSON parsing.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export interface GongRequest {
  method: HttpMethod;
  /** Path under the tenant's base URL with path parameters already filled in, e.g. `/v2/calls/123`. */
  path: string;
  /** Query parameters; `undefined`/`null` are left out, arrays repeat the key. */
  query?: Record<string, QueryValue>;
  /** JSON body (serialized by the client). */
  body?: unknown;
  /**
   * Whether the request may be retried safely. Defaults to true for GET and false otherwise;
   * read-only POSTs (`/v2/calls/extensive`, `/v2/stats/*`, …) pass true.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface GongResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON; integers beyond Number.MAX_SAFE_INTEGER arrive as exact digit strings. */
  data: T;
  requestId?: string | undefined;
  /**
   * True when Gong answered 404 with its "No … found …" message, which means an empty result,
   * not a missing endpoint or record. `data` then holds Gong's error body.
   */
  emptyResult?: boolean;
}

export interface DownloadRequest {
  /** Absolute URL of a pre-signed media file. No Gong credentials are ever sent to it. */
  url: string;
  /** Passed through as the `Range` header, e.g. `bytes=0-1023`. */
  range?: string;
  signal?: AbortSignal;
}

/** An authenticated client for one Gong tenant. */
export interface GongClient {
  request<T = unknown>(request: GongRequest): Promise<GongResponse<T>>;
  /** Fetches a pre-signed URL without Gong credentials; the body is streamed, not buffered. */
  download(request: DownloadRequest): Promise<Response>;
  /** The base URL requests currently go to (OAuth may learn a tenant host from the token response). */
  readonly baseUrl: string;
}
