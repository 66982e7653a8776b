/**
 * Auth configuration: an access key pair (Basic) or OAuth 2 tokens, in this library's camelCase or the
 * Python SDK's snake_case. `normalizeAuth` turns either spelling into one checked shape and refuses
 * incomplete, mixed or misspelled configs with a message that says what to fix.
 */
import { GongValidationError } from "../errors.js";

export const DEFAULT_TOKEN_URL = "https://app.gong.io/oauth2/generate-customer-token";

export interface AccessKeyAuthConfig {
  accessKey: string;
  accessKeySecret: string;
}

export interface OAuthAuthConfig {
  /** The current (single-use) refresh token. */
  refreshToken: string;
  accessToken?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** When `accessToken` expires: epoch milliseconds, epoch seconds, a Date or an ISO-8601 string. */
  expiresAt?: number | string | Date | undefined;
  /** Token endpoint; defaults to Gong's `https://app.gong.io/oauth2/generate-customer-token`. */
  tokenUrl?: string | undefined;
}

/** The Python SDK's spelling of the access key config. */
export interface SnakeCaseAccessKeyAuthConfig {
  access_key: string;
  access_key_secret: string;
}

/** The Python SDK's spelling of the OAuth config. */
export interface SnakeCaseOAuthAuthConfig {
  refresh_token: string;
  access_token?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
  expires_at?: number | string | Date | undefined;
  token_url?: string | undefined;
}

export type AuthConfig =
  | AccessKeyAuthConfig
  | OAuthAuthConfig
  | SnakeCaseAccessKeyAuthConfig
  | SnakeCaseOAuthAuthConfig;

export interface NormalizedAccessKeyAuth {
  kind: "accessKey";
  accessKey: string;
  accessKeySecret: string;
}

export interface NormalizedOAuthAuth {
  kind: "oauth";
  refreshToken: string;
  accessToken: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Epoch milliseconds, when known. */
  expiresAt: number | undefined;
  tokenUrl: string;
}

export type NormalizedAuth = NormalizedAccessKeyAuth | NormalizedOAuthAuth;

/** camelCase name → snake_case alias. */
const FIELDS = {
  accessKey: "access_key",
  accessKeySecret: "access_key_secret",
  refreshToken: "refresh_token",
  accessToken: "access_token",
  clientId: "client_id",
  clientSecret: "client_secret",
  expiresAt: "expires_at",
  tokenUrl: "token_url",
} as const;
type FieldName = keyof typeof FIELDS;

const ACCESS_KEY_FIELDS: readonly FieldName[] = ["accessKey", "accessKeySecret"];
const OAUTH_FIELDS: readonly FieldName[] = [
  "refreshToken",
  "accessToken",
  "clientId",
  "clientSecret",
  "expiresAt",
  "tokenUrl",
];

const HOW_TO =
  "Pass either { accessKey, accessKeySecret } (Gong access key, sent as Basic auth) or " +
  "{ refreshToken, accessToken?, clientId?, clientSecret?, expiresAt?, tokenUrl? } (OAuth 2); " +
  "the snake_case names (access_key, refresh_token, …) work too.";

function invalid(message: string, field?: string): GongValidationError {
  return new GongValidationError(`Invalid Gong auth config: ${message} ${HOW_TO}`, {
    field: field === undefined ? "auth" : `auth.${field}`,
  });
}

/** Reads one field under either spelling; empty strings and null count as missing. */
function readField(input: Record<string, unknown>, name: FieldName): unknown {
  const snake = FIELDS[name];
  const camelValue = input[name];
  const snakeValue = input[snake];
  const present = (v: unknown) => v !== undefined && v !== null && v !== "";
  if (present(camelValue) && present(snakeValue) && camelValue !== snakeValue) {
    throw invalid(`both "${name}" and "${snake}" are set to different values; keep one.`, name);
  }
  const value = present(camelValue) ? camelValue : snakeValue;
  return present(value) ? value : undefined;
}

function readString(input: Record<string, unknown>, name: FieldName): string | undefined {
  const value = readField(input, name);
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`"${name}" must be a string, got ${typeof value}.`, name);
  const trimmed = value.trim();
  if (trimmed !== value) throw invalid(`"${name}" has leading or trailing whitespace; remove it.`, name);
  return value;
}

/** Epoch ms from epoch ms, epoch seconds (values below 1e11), a Date or an ISO string. */
export function toEpochMs(value: unknown, field = "expiresAt"): number | undefined {
  if (value === undefined) return undefined;
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "number") ms = value < 1e11 ? value * 1000 : value;
  else if (typeof value === "string" && /^\d+$/.test(value)) {
    const n = Number(value);
    ms = n < 1e11 ? n * 1000 : n;
  } else if (typeof value === "string") ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) {
    throw invalid(
      `"${field}" must be epoch milliseconds, epoch seconds, a Date or an ISO-8601 string.`,
      field,
    );
  }
  return ms;
}

/** Checks a URL the connector will send credentials to: https, or http only on this machine. */
export function checkCredentialUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GongValidationError(
      `"${field}" is not a valid URL: expected something like https://api.gong.io.`,
      {
        field,
      },
    );
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new GongValidationError(
      `"${field}" must use https (plain http is allowed only for localhost, e.g. the sandbox); got ${url.protocol}//${url.host}.`,
      { field },
    );
  }
  return url.toString();
}

/** Turns either config spelling into one checked shape; throws GongValidationError on bad input. */
export function normalizeAuth(input: unknown): NormalizedAuth {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw invalid(
      `expected an object, got ${input === null ? "null" : Array.isArray(input) ? "an array" : typeof input}.`,
    );
  }
  const record = input as Record<string, unknown>;
  const known = new Set<string>([...Object.keys(FIELDS), ...Object.values(FIELDS)]);
  const unknown = Object.keys(record).filter((key) => !known.has(key) && record[key] !== undefined);
  if (unknown.length > 0) {
    throw invalid(
      `unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}. ` +
        `Valid keys: ${Object.keys(FIELDS).join(", ")} (or their snake_case forms).`,
      unknown[0],
    );
  }
  const has = (names: readonly FieldName[]) => names.filter((n) => readField(record, n) !== undefined);
  const accessKeyGiven = has(ACCESS_KEY_FIELDS);
  const oauthGiven = has(OAUTH_FIELDS);

  if (accessKeyGiven.length > 0 && oauthGiven.length > 0) {
    throw invalid(
      `it mixes access key fields (${accessKeyGiven.join(", ")}) with OAuth fields (${oauthGiven.join(", ")}); use one mode.`,
    );
  }
  if (accessKeyGiven.length > 0) {
    const accessKey = readString(record, "accessKey");
    const accessKeySecret = readString(record, "accessKeySecret");
    if (!accessKey) throw invalid(`"accessKeySecret" is set but "accessKey" is missing.`, "accessKey");
    if (!accessKeySecret)
      throw invalid(`"accessKey" is set but "accessKeySecret" is missing.`, "accessKeySecret");
    return { kind: "accessKey", accessKey, accessKeySecret };
  }
  if (oauthGiven.length > 0) {
    const refreshToken = readString(record, "refreshToken");
    if (!refreshToken) {
      throw invalid(
        `OAuth needs "refreshToken" (Gong access tokens expire, and refresh tokens are single-use, so the connector must be able to rotate them).`,
        "refreshToken",
      );
    }
    const clientId = readString(record, "clientId");
    const clientSecret = readString(record, "clientSecret");
    if (Boolean(clientId) !== Boolean(clientSecret)) {
      throw invalid(
        `"clientId" and "clientSecret" go together; set both or neither.`,
        clientId ? "clientSecret" : "clientId",
      );
    }
    const tokenUrl = checkCredentialUrl(readString(record, "tokenUrl") ?? DEFAULT_TOKEN_URL, "auth.tokenUrl");
    return {
      kind: "oauth",
      refreshToken,
      accessToken: readString(record, "accessToken"),
      clientId,
      clientSecret,
      expiresAt: toEpochMs(readField(record, "expiresAt")),
      tokenUrl,
    };
  }
  throw invalid("no credentials were given.");
}
