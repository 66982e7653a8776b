/**
 * The Gong credentials a connector is created with, checked before they are sealed. Both this library's
 * camelCase and the Python SDK's snake_case are accepted. Error messages name fields, never values.
 */
import { badRequest } from "../http/errors.js";
import { requireHttpUrl } from "../http/validate.js";

export type ConnectorSecretConfig =
  | { kind: "access_key"; accessKey: string; accessKeySecret: string; baseUrl?: string }
  | {
      kind: "oauth";
      refreshToken: string;
      clientId?: string;
      clientSecret?: string;
      tokenUrl?: string;
      baseUrl?: string;
    };

/** Initial OAuth tokens given at creation, stored as generation 1 of the rotating pair. */
export interface InitialTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  apiBaseUrl?: string;
}

const ALIASES: Record<string, string> = {
  accessKey: "access_key",
  accessKeySecret: "access_key_secret",
  refreshToken: "refresh_token",
  accessToken: "access_token",
  clientId: "client_id",
  clientSecret: "client_secret",
  expiresAt: "expires_at",
  tokenUrl: "token_url",
  baseUrl: "base_url",
};
const KNOWN = new Set([...Object.keys(ALIASES), ...Object.values(ALIASES)]);

export interface UrlPolicy {
  /** URLs the server was configured with are always allowed (e.g. the sandbox in tests). */
  trusted: string[];
  /** Dev mode allows plain http for any host. */
  allowHttp: boolean;
}

function read(credentials: Record<string, unknown>, name: string): string | undefined {
  const snake = ALIASES[name]!;
  const value = credentials[name] ?? credentials[snake];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string")
    throw badRequest(`"credentials.${snake}" must be a string.`, `credentials.${snake}`);
  return value.trim();
}

function checkUrl(value: string | undefined, field: string, policy: UrlPolicy): string | undefined {
  if (value === undefined) return undefined;
  const url = requireHttpUrl(value, `credentials.${field}`);
  const normalized = url.toString().replace(/\/+$/, "");
  const trusted = policy.trusted.some((t) => t.replace(/\/+$/, "") === normalized);
  if (url.protocol !== "https:" && !policy.allowHttp && !trusted) {
    throw badRequest(`"credentials.${field}" must use https.`, `credentials.${field}`);
  }
  return normalized;
}

export function parseCredentials(
  input: unknown,
  policy: UrlPolicy,
): { config: ConnectorSecretConfig; initialTokens?: InitialTokens } {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw badRequest(
      '"credentials" must be an object: { access_key, access_key_secret } or { refresh_token, client_id?, client_secret?, access_token?, expires_at? }.',
      "credentials",
    );
  }
  const credentials = input as Record<string, unknown>;
  const unknown = Object.keys(credentials).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    throw badRequest(
      `Unknown credential field(s): ${unknown.join(", ")}. Valid: ${Object.values(ALIASES).join(", ")}.`,
      "credentials",
      Object.values(ALIASES),
    );
  }
  const baseUrl = checkUrl(read(credentials, "baseUrl"), "base_url", policy);
  const accessKey = read(credentials, "accessKey");
  const accessKeySecret = read(credentials, "accessKeySecret");
  const refreshToken = read(credentials, "refreshToken");

  if (accessKey !== undefined || accessKeySecret !== undefined) {
    if (refreshToken !== undefined) {
      throw badRequest("Give either an access key pair or an OAuth refresh token, not both.", "credentials");
    }
    if (accessKey === undefined || accessKeySecret === undefined) {
      throw badRequest(
        'An access key needs both "access_key" and "access_key_secret".',
        accessKey === undefined ? "credentials.access_key" : "credentials.access_key_secret",
      );
    }
    const config: ConnectorSecretConfig = { kind: "access_key", accessKey, accessKeySecret };
    if (baseUrl !== undefined) config.baseUrl = baseUrl;
    return { config };
  }
  if (refreshToken === undefined) {
    throw badRequest(
      '"credentials" needs { access_key, access_key_secret } or { refresh_token, … }.',
      "credentials",
    );
  }
  const config: ConnectorSecretConfig = { kind: "oauth", refreshToken };
  const clientId = read(credentials, "clientId");
  const clientSecret = read(credentials, "clientSecret");
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    throw badRequest(
      'OAuth credentials need both "client_id" and "client_secret", or neither.',
      "credentials",
    );
  }
  if (clientId !== undefined) config.clientId = clientId;
  if (clientSecret !== undefined) config.clientSecret = clientSecret;
  const tokenUrl = checkUrl(read(credentials, "tokenUrl"), "token_url", policy);
  if (tokenUrl !== undefined) config.tokenUrl = tokenUrl;
  if (baseUrl !== undefined) config.baseUrl = baseUrl;

  const accessToken = read(credentials, "accessToken");
  if (accessToken === undefined) return { config };
  const rawExpiry = credentials["expiresAt"] ?? credentials["expires_at"];
  const expiresAt = parseExpiry(rawExpiry);
  const initialTokens: InitialTokens = { accessToken, refreshToken, expiresAt };
  if (baseUrl !== undefined) initialTokens.apiBaseUrl = baseUrl;
  return { config, initialTokens };
}

/** Epoch seconds or milliseconds, or an ISO date; a missing expiry means "refresh before first use". */
function parseExpiry(value: unknown): number {
  if (value === undefined || value === null || value === "") return 0;
  if (typeof value === "number" && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === "string") {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw badRequest(
    '"credentials.expires_at" must be epoch seconds or an ISO-8601 date.',
    "credentials.expires_at",
  );
}
