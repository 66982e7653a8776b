/**
 * The hosted API's wire format (snake_case JSON), shared by the client in this package and by
 * `@gong-agent/server`, so both sides agree on one definition of every body and error.
 */

import {
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
} from "../errors.js";

/** Airbyte's definition id of the Gong connector; sent on lookups for compatibility with api.airbyte.ai. */
export const GONG_DEFINITION_ID = "32382e40-3b49-4b99-9c5c-4076501914e7";

export interface WireTokenResponse {
  access_token: string;
  token_type?: string;
  /** Lifetime of the token in seconds. */
  expires_in?: number;
}

export interface WireConnector {
  id: string;
  name: string;
  workspace_name: string;
  connector_type: string;
  definition_id?: string;
  /** `access_key` or `oauth`. */
  auth_type?: string;
  /** Behaviour chosen at creation (core's `includePrivate` / `allowCreditSpend`). */
  settings?: { include_private?: boolean; allow_credit_spend?: boolean };
  created_at?: string;
  updated_at?: string;
}

export interface WireExecuteRequest {
  entity: string;
  action: string;
  params?: Record<string, unknown>;
}

export interface WireExecuteResponse {
  status: string;
  result: unknown;
  connector_metadata?: Record<string, unknown> | null;
  execution_metadata?: { connector_instance_id: string; execution_time_ms: number };
  warning?: string;
}

/** Where an error comes from: the hosted API itself, or Gong behind it. */
export type HostedErrorSource = "server" | "gong";

export type HostedErrorType =
  | "validation_error"
  | "authentication_error"
  | "permission_error"
  | "not_found"
  | "rate_limited"
  | "upstream_error"
  | "connection_error"
  | "timeout_error"
  | "reauth_required"
  | "aborted"
  | "api_error"
  | "internal_error";

/** The body of every error answer of the hosted API. `detail` repeats the message for FastAPI-style clients. */
export interface WireErrorBody {
  error: {
    type: HostedErrorType;
    message: string;
    source: HostedErrorSource;
    /** The status of the underlying failure (Gong's own status for `source: "gong"`). */
    status?: number;
    retryable: boolean;
    request_id?: string;
    errors?: string[];
    field?: string;
    valid_values?: string[];
    retry_after_ms?: number;
  };
  detail: string;
}

/**
 * Turns an error raised while serving a request into the status and body the hosted API answers.
 * Only errors of the Gong family carry their message through (they never contain secrets);
 * anything else becomes a generic 500 so internals never leak.
 */
export function hostedErrorResponse(
  error: unknown,
  source: HostedErrorSource = "gong",
): { status: number; body: WireErrorBody } {
  const make = (
    httpStatus: number,
    type: HostedErrorType,
    message: string,
    extra: Partial<WireErrorBody["error"]> = {},
  ) => {
    const retryable = error instanceof GongError ? error.retryable : false;
    const body: WireErrorBody = {
      error: { type, message, source, retryable, ...extra },
      detail: message,
    };
    return { status: httpStatus, body };
  };

  if (error instanceof GongApiError) {
    const extra: Partial<WireErrorBody["error"]> = { status: error.status };
    if (error.requestId !== undefined) extra.request_id = error.requestId;
    if (error.errors.length > 0) extra.errors = [...error.errors];
    if (error instanceof GongValidationError) {
      if (error.field !== undefined) extra.field = error.field;
      if (error.validValues !== undefined) extra.valid_values = [...error.validValues];
      return make(error.status === 422 ? 422 : 400, "validation_error", error.message, extra);
    }
    if (error instanceof GongAuthenticationError)
      return make(401, "authentication_error", error.message, extra);
    if (error instanceof GongPermissionError) return make(403, "permission_error", error.message, extra);
    if (error instanceof GongNotFoundError) return make(404, "not_found", error.message, extra);
    if (error instanceof GongRateLimitError) {
      if (error.retryAfterMs !== undefined) extra.retry_after_ms = error.retryAfterMs;
      return make(429, "rate_limited", error.message, extra);
    }
    if (error instanceof GongServerError) return make(502, "upstream_error", error.message, extra);
    return make(502, "api_error", error.message, extra);
  }
  if (error instanceof GongReauthRequiredError) return make(401, "reauth_required", error.message);
  if (error instanceof GongTimeoutError) return make(504, "timeout_error", error.message);
  if (error instanceof GongConnectionError) return make(502, "connection_error", error.message);
  if (error instanceof GongAbortError) return make(499, "aborted", error.message);
  if (error instanceof GongError) return make(500, "internal_error", error.message);
  return {
    status: 500,
    body: {
      error: {
        type: "internal_error",
        message: "The hosted API failed unexpectedly; the failure was logged on the server.",
        source: "server",
        retryable: false,
      },
      detail: "The hosted API failed unexpectedly; the failure was logged on the server.",
    },
  };
}

export interface HostedErrorContext {
  method: string;
  path: string;
  /** Value of the Retry-After header, if any. */
  retryAfter?: string | null;
}

/** Extracts a readable message from a hosted API error body (ours, FastAPI's `detail`, or plain text). */
function describeBody(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 500) || undefined;
  if (body === null || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  const error = record["error"];
  if (
    error &&
    typeof error === "object" &&
    typeof (error as Record<string, unknown>)["message"] === "string"
  ) {
    return (error as Record<string, unknown>)["message"] as string;
  }
  if (typeof error === "string") return error;
  const detail = record["detail"];
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc: [...], msg}]
    return detail
      .map((item) => {
        if (item && typeof item === "object") {
          const loc = (item as Record<string, unknown>)["loc"];
          const msg = (item as Record<string, unknown>)["msg"];
          return `${Array.isArray(loc) ? `${loc.join(".")}: ` : ""}${String(msg)}`;
        }
        return String(item);
      })
      .join("; ");
  }
  if (typeof record["message"] === "string") return record["message"] as string;
  return undefined;
}

function parseRetryAfterMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  return undefined;
}

/**
 * Rebuilds the error family from a hosted API error answer, so callers catch the same classes in
 * hosted mode as in local mode. Errors of Gong behind the server keep Gong's message; errors of the
 * hosted API itself say which call failed.
 */
export function hostedErrorFromResponse(
  httpStatus: number,
  body: unknown,
  context: HostedErrorContext,
): GongError {
  const wire =
    body && typeof body === "object" && (body as Record<string, unknown>)["error"] !== null
      ? ((body as Record<string, unknown>)["error"] as Partial<WireErrorBody["error"]> | undefined)
      : undefined;
  const structured = wire && typeof wire === "object" && typeof wire.type === "string" ? wire : undefined;
  const detail = describeBody(body) ?? `HTTP ${httpStatus}`;
  const fromGong = structured?.source === "gong";
  const message = fromGong
    ? detail
    : `The hosted API answered ${httpStatus} to ${context.method} ${context.path}: ${detail}`;
  const base = {
    status: fromGong && typeof structured?.status === "number" ? structured.status : httpStatus,
    requestId: structured?.request_id,
    errors: structured?.errors,
    method: context.method,
    path: context.path,
  };
  const retryable = typeof structured?.retryable === "boolean" ? { retryable: structured.retryable } : {};

  switch (structured?.type) {
    case "reauth_required":
      return new GongReauthRequiredError(message);
    case "connection_error":
      return new GongConnectionError(message);
    case "timeout_error":
      return new GongTimeoutError(message);
    case "aborted":
      return new GongAbortError(message);
    default:
      break;
  }
  if (httpStatus === 400 || httpStatus === 422 || structured?.type === "validation_error") {
    return new GongValidationError(message, {
      ...base,
      status: base.status || httpStatus,
      field: structured?.field,
      validValues: structured?.valid_values,
    });
  }
  if (httpStatus === 401) return new GongAuthenticationError(message, base);
  if (httpStatus === 403) return new GongPermissionError(message, base);
  if (httpStatus === 404) return new GongNotFoundError(message, base);
  if (httpStatus === 429) {
    return new GongRateLimitError(message, {
      ...base,
      retryAfterMs: structured?.retry_after_ms ?? parseRetryAfterMs(context.retryAfter),
    });
  }
  if (httpStatus >= 500) return new GongServerError(message, { ...base, ...retryable });
  return new GongApiError(message, { ...base, ...retryable });
}
