/**
 * One call to Gong's OAuth token endpoint: `POST tokenUrl?grant_type=refresh_token&refresh_token=…`
 * with the OAuth client authenticated by Basic auth, as Gong's integrators do it.
 */
import {
  GongApiError,
  GongAuthenticationError,
  GongConnectionError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "../errors.js";
import type { SecretRegistry } from "../logging/redact.js";
import { redactText } from "../logging/redact.js";
import { checkCredentialUrl } from "./config.js";
import type { TokenSet } from "./token-store.js";

export interface TokenEndpointRequest {
  tokenUrl: string;
  refreshToken: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  secrets: SecretRegistry;
  now: () => number;
}

export type TokenEndpointResult = { ok: true; tokens: TokenSet } | { ok: false; invalidGrant: true };

/** When Gong sends no `expires_in` (it normally does), assume this lifetime; a 401 still forces a refresh. */
const FALLBACK_LIFETIME_MS = 60 * 60 * 1000;

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

function describeBody(body: unknown, text: string, secrets: SecretRegistry): string {
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    const parts = [record["error"], record["error_description"], record["message"]].filter(
      (p): p is string => typeof p === "string",
    );
    if (Array.isArray(record["errors"])) parts.push(...record["errors"].map(String));
    if (parts.length > 0) return redactText(parts.join(": "), secrets);
  }
  return redactText(text.slice(0, 200), secrets);
}

export async function refreshAtTokenEndpoint(request: TokenEndpointRequest): Promise<TokenEndpointResult> {
  const { clientId, clientSecret, secrets } = request;
  if (!clientId || !clientSecret) {
    throw new GongValidationError(
      "The OAuth access token is missing or expired and cannot be refreshed: no clientId/clientSecret were configured. " +
        "Add the OAuth app's clientId and clientSecret to the auth config.",
      { field: "auth.clientId" },
    );
  }
  const url = new URL(request.tokenUrl);
  url.searchParams.set("grant_type", "refresh_token");
  url.searchParams.set("refresh_token", request.refreshToken);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let status: number;
  let text: string;
  let requestId: string | undefined;
  try {
    const response = await request.fetch(url, {
      method: "POST",
      headers: { authorization: basic(clientId, clientSecret), accept: "application/json" },
      redirect: "manual",
      signal: controller.signal,
    });
    status = response.status;
    requestId = response.headers.get("x-request-id") ?? undefined;
    text = await response.text();
  } catch (error) {
    const timedOut = controller.signal.aborted;
    const what = timedOut ? `did not answer within ${request.timeoutMs} ms` : "could not be reached";
    const message =
      `Refreshing the OAuth access token failed: the token endpoint ${url.origin} ${what}. ` +
      "The refresh token is kept and the refresh is tried again on the next call; if Gong did rotate it, " +
      "the next attempt reports that re-authorization is needed.";
    throw timedOut
      ? new GongTimeoutError(message, { cause: error, timeoutMs: request.timeoutMs })
      : new GongConnectionError(message, { cause: error });
  } finally {
    clearTimeout(timer);
  }

  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const record = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  if (record["error"] === "invalid_grant" || (status === 400 && /invalid_grant/.test(text))) {
    return { ok: false, invalidGrant: true };
  }
  const detail = describeBody(body, text, secrets);
  const common = { status, requestId, method: "POST", path: url.pathname };
  if (status >= 300 && status < 400) {
    throw new GongApiError(
      `Refreshing the OAuth access token failed: the token endpoint ${url.origin} answered with a redirect (${status}). ` +
        "Check auth.tokenUrl; Gong's is https://app.gong.io/oauth2/generate-customer-token.",
      common,
    );
  }
  if (status === 401 || status === 403 || record["error"] === "invalid_client") {
    throw new GongAuthenticationError(
      `Refreshing the OAuth access token failed: Gong's token endpoint refused the OAuth client (${status}${detail ? `: ${detail}` : ""}). ` +
        "Check clientId and clientSecret of the Gong OAuth app.",
      common,
    );
  }
  if (status >= 500) {
    throw new GongServerError(
      `Refreshing the OAuth access token failed: Gong's token endpoint had an error (${status}${detail ? `: ${detail}` : ""}). Try again shortly.`,
      common,
    );
  }
  if (status !== 200 || typeof record["access_token"] !== "string" || !record["access_token"]) {
    throw new GongApiError(
      `Refreshing the OAuth access token failed: unexpected answer from the token endpoint (${status}${detail ? `: ${detail}` : ""}).`,
      { ...common, retryable: false },
    );
  }

  const accessToken = record["access_token"];
  const refreshToken =
    typeof record["refresh_token"] === "string" && record["refresh_token"]
      ? record["refresh_token"]
      : request.refreshToken;
  secrets.add(accessToken, refreshToken);
  const expiresIn = Number(record["expires_in"]);
  const tokens: TokenSet = {
    accessToken,
    refreshToken,
    expiresAt:
      request.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : FALLBACK_LIFETIME_MS),
  };
  const apiBase = record["api_base_url_for_customer"];
  if (typeof apiBase === "string" && apiBase) {
    tokens.apiBaseUrl = checkCredentialUrl(apiBase, "api_base_url_for_customer").replace(/\/+$/, "");
  }
  if (typeof record["scope"] === "string") tokens.scope = record["scope"];
  return { ok: true, tokens };
}
