/**
 * Turns a Gong error response into the connector's error family, with a message a person or a model
 * can act on: what failed, why (Gong's own `errors[]`), what to do, and Gong's requestId.
 */
import {
  GongApiError,
  GongAuthenticationError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongServerError,
  GongValidationError,
} from "../errors.js";
import { redactText } from "../logging/redact.js";

export interface ErrorBodyInfo {
  requestId: string | undefined;
  errors: string[];
}

/** Reads Gong's `{ requestId, errors: [] }` error body leniently. */
export function readErrorBody(data: unknown, headers: Headers): ErrorBodyInfo {
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const errors = Array.isArray(record["errors"])
    ? record["errors"].map((e) => (typeof e === "string" ? e : JSON.stringify(e)))
    : typeof record["message"] === "string"
      ? [record["message"]]
      : [];
  const requestId =
    typeof record["requestId"] === "string"
      ? record["requestId"]
      : (headers.get("x-request-id") ?? undefined);
  return { requestId, errors };
}

/** Gong answers 404 "No calls found corresponding to the provided filters" for an empty result. */
export function isEmptyResult404(status: number, errors: readonly string[]): boolean {
  return status === 404 && errors.some((e) => /^\s*no\b.*\bfound\b/i.test(e));
}

export interface ErrorContext {
  status: number;
  method: string;
  path: string;
  /** Origin the request went to, e.g. https://api.gong.io. */
  origin: string;
  body: ErrorBodyInfo;
  retryAfterMs?: number | undefined;
  authKind: "accessKey" | "oauth";
  /** The tenant host learned from OAuth, when it differs from `origin`. */
  tenantOrigin?: string | undefined;
  secrets: Iterable<string>;
}

function wrongHostHint(ctx: ErrorContext): string {
  if (ctx.tenantOrigin && ctx.tenantOrigin !== ctx.origin) {
    return ` The request went to ${ctx.origin}, but this tenant's API host is ${ctx.tenantOrigin}; set baseUrl to it.`;
  }
  return (
    ` If the credentials are right, the base URL may be wrong for this tenant: requests went to ${ctx.origin}, ` +
    "and many tenants live on their own host such as https://us-12345.api.gong.io " +
    "(shown in Gong's API settings, and returned as api_base_url_for_customer by OAuth)."
  );
}

export function mapErrorResponse(ctx: ErrorContext): GongApiError {
  const { status, method, path, body } = ctx;
  const gongSays =
    body.errors.length > 0 ? ` Gong said: ${redactText(body.errors.join("; "), ctx.secrets)}.` : "";
  const reqId = body.requestId ? ` (Gong requestId ${body.requestId})` : "";
  const head = `${method} ${path} failed with HTTP ${status}.${gongSays}`;
  const options = { status, requestId: body.requestId, errors: body.errors, method, path };

  if (status === 401) {
    const what =
      ctx.authKind === "oauth"
        ? " The OAuth access token was refused even after a refresh; the app may have been uninstalled or its consent revoked."
        : " Gong refused the access key: check accessKey and accessKeySecret (Gong: Company settings → API).";
    return new GongAuthenticationError(`${head}${what}${wrongHostHint(ctx)}${reqId}`, options);
  }
  if (status === 403) {
    const what =
      ctx.authKind === "oauth"
        ? " The OAuth app lacks the scope for this operation (or the user lacks permission); add the scope and re-authorize."
        : " The access key lacks permission for this operation; a Gong admin can grant it in Company settings → API.";
    return new GongPermissionError(`${head}${what}${wrongHostHint(ctx)}${reqId}`, options);
  }
  if (status === 404) {
    return new GongNotFoundError(
      `${head} The record or endpoint does not exist, or this credential cannot see it; check the id and path.${reqId}`,
      options,
    );
  }
  if (status === 400 || status === 422) {
    return new GongValidationError(
      `${head} Gong refused the request as invalid; fix the parameters named above.${reqId}`,
      {
        ...options,
        retryable: false,
      },
    );
  }
  if (status === 429) {
    const wait =
      ctx.retryAfterMs !== undefined
        ? ` Gong asks to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s (until ${new Date(Date.now() + ctx.retryAfterMs).toISOString()}).`
        : "";
    return new GongRateLimitError(
      `${head} Gong's rate limit was hit (3 calls/second and 10,000/day per company, shared by every integration).${wait} ` +
        `Try again later.${reqId}`,
      { ...options, retryAfterMs: ctx.retryAfterMs },
    );
  }
  if (status === 402) {
    return new GongApiError(
      `${head} Gong requires payment: this operation spends Gong credits and the company has none left.${reqId}`,
      options,
    );
  }
  if (status >= 500) {
    return new GongServerError(
      `${head} Gong had an internal error; this is usually temporary, try again shortly.${reqId}`,
      options,
    );
  }
  if (status === 408) {
    return new GongApiError(`${head} Gong timed out handling the request; try again.${reqId}`, {
      ...options,
      retryable: true,
    });
  }
  return new GongApiError(`${head}${reqId}`, options);
}
