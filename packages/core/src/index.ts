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
