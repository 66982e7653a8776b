export * from "./auth/index.js";
export type {
  GongApiErrorOptions,
  GongErrorOptions,
  GongRateLimitErrorOptions,
  GongValidationErrorOptions,
} from "./errors.js";
export {
  GongAbortError,
  GongApiError,
  GongAuthenticationError,
  GongConnectionError,
  GongError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongReauthRequiredError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "./errors.js";
export * from "./hosted/index.js";
export * from "./json/index.js";
export * from "./logging/index.js";
export * from "./transport/index.js";
