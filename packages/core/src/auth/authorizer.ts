/**
 * What the transport needs from auth: an Authorization header per request, a way to recover from a 401,
 * the tenant host when auth learned it, and a non-secret identity for rate-limit keys.
 */
import { createHash } from "node:crypto";
import type { Logger } from "../logging/logger.js";
import type { SecretRegistry } from "../logging/redact.js";
import type { NormalizedAuth } from "./config.js";
import { OAuthSession } from "./oauth-session.js";
import type { TokenSet, TokenStore } from "./token-store.js";
import { sharedMemoryTokenStore } from "./token-store.js";

export interface Authorizer {
  readonly kind: "accessKey" | "oauth";
  /** A hash that identifies the credential without revealing it. */
  readonly identity: string;
  /** The tenant base URL auth learned (OAuth's `api_base_url_for_customer`), if any. */
  readonly learnedBaseUrl: string | undefined;
  authorize(signal?: AbortSignal): Promise<string>;
  /** After a 401 with `usedHeader`: refresh if that can help; true when a retry makes sense. */
  recoverFromUnauthorized(usedHeader: string, signal?: AbortSignal): Promise<boolean>;
}

export function fingerprint(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

export interface AuthorizerOptions {
  store?: TokenStore | undefined;
  onTokenRefresh?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  fetch: typeof fetch;
  logger: Logger;
  secrets: SecretRegistry;
  timeoutMs: number;
  refreshMarginMs?: number | undefined;
}

export function createAuthorizer(auth: NormalizedAuth, options: AuthorizerOptions): Authorizer {
  if (auth.kind === "accessKey") {
    const header = `Basic ${Buffer.from(`${auth.accessKey}:${auth.accessKeySecret}`, "utf8").toString("base64")}`;
    options.secrets.add(auth.accessKeySecret, auth.accessKey, header.slice(6));
    return {
      kind: "accessKey",
      identity: fingerprint(`accessKey:${auth.accessKey}`),
      learnedBaseUrl: undefined,
      authorize: async () => header,
      recoverFromUnauthorized: async () => false,
    };
  }
  const session = new OAuthSession({
    auth,
    store:
      options.store ??
      sharedMemoryTokenStore(fingerprint(`${auth.tokenUrl}|${auth.clientId ?? ""}|${auth.refreshToken}`)),
    onTokenRefresh: options.onTokenRefresh,
    fetch: options.fetch,
    logger: options.logger,
    secrets: options.secrets,
    timeoutMs: options.timeoutMs,
    refreshMarginMs: options.refreshMarginMs,
  });
  return {
    kind: "oauth",
    identity: fingerprint(`oauth:${session.clientIdentity}`),
    get learnedBaseUrl() {
      return session.apiBaseUrl;
    },
    authorize: (signal) => session.authorize(signal),
    recoverFromUnauthorized: (used, signal) => session.recoverFromUnauthorized(used, signal),
  };
}
