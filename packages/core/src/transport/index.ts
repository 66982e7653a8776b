export type { GongClientOptions } from "./client.js";
export { createGongClient, DEFAULT_BASE_URL } from "./client.js";
export type { RateLimitDone, RateLimiter, RateLimitOptions } from "./rate-limiter.js";
export { SlidingWindowRateLimiter, sharedRateLimiter } from "./rate-limiter.js";
export { backoffDelay, parseRetryAfter } from "./retry-policy.js";
export type {
  DownloadRequest,
  GongClient,
  GongRequest,
  GongResponse,
  HttpMethod,
  QueryValue,
} from "./types.js";
