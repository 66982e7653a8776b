import { GongValidationError } from "../errors.js";

/** Where hosted mode sends requests unless told otherwise (the Python SDK's hosted API). */
export const DEFAULT_HOSTED_API_URL = "https://api.airbyte.ai";
export const DEFAULT_WORKSPACE_NAME = "default";

/** Environment variables read by `connect()` and `HostedApiClient.fromEnv()` when a value is not given. */
export const HOSTED_ENV = {
  clientId: "AIRBYTE_CLIENT_ID",
  clientSecret: "AIRBYTE_CLIENT_SECRET",
  organizationId: "AIRBYTE_ORGANIZATION_ID",
  /** First choice for the API URL; `AIRBYTE_API_HOST` is read as a fallback. */
  apiUrl: "GONG_AGENT_HOSTED_API_URL",
  apiUrlFallback: "AIRBYTE_API_HOST",
  workspaceName: "AIRBYTE_WORKSPACE",
} as const;

/** Credentials and location of a hosted API; what `HostedApiClient` needs. */
export interface HostedClientSettings {
  clientId: string;
  clientSecret: string;
  /** Sent as `X-Organization-Id` when set. */
  organizationId?: string | undefined;
  /** Base URL of the hosted API (default https://api.airbyte.ai). */
  apiUrl?: string | undefined;
  /** Timeout of token, list, get and other quick calls in milliseconds (default 30 s). */
  timeoutMs?: number | undefined;
  /**
   * Timeout of one execution in milliseconds (default 120 s): the server may wait out Gong's rate limits
   * and retries before it answers.
   */
  executeTimeoutMs?: number | undefined;
  /**
   * Retries of reads (token, list, get) after a connection error, timeout, 429 or 5xx. Default 2.
   * Executions are never retried here: the server already retries Gong, and writes must not repeat.
   */
  maxRetries?: number | undefined;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** `new GongConnector({ hosted })`: which connector of which workspace to run through the hosted API. */
export interface HostedConfig extends HostedClientSettings {
  /** The workspace whose Gong connector to use (default "default"). */
  workspaceName?: string | undefined;
  /** Skips the lookup when known; otherwise the connector is found once by workspace. */
  connectorId?: string | undefined;
  /** An existing client to reuse (shares its cached application token); built from the settings otherwise. */
  client?: HostedApiClientLike | undefined;
}

/** The part of `HostedApiClient` a hosted executor uses (kept structural to avoid an import cycle). */
export interface HostedApiClientLike {
  resolveConnectorId(workspaceName: string, options?: { signal?: AbortSignal | undefined }): Promise<string>;
  execute(
    connectorId: string,
    input: { entity: string; action: string; params?: Record<string, unknown> | undefined },
    options?: { signal?: AbortSignal | undefined },
  ): Promise<{ result: unknown; connectorMetadata: Record<string, unknown> | null }>;
}

/** Options of `connect("gong", …)`; every credential falls back to its environment variable. */
export interface ConnectOptions extends Partial<HostedConfig> {
  /** Environment to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

type Loose = Record<string, unknown>;

function pick(source: Loose, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = source[key];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/**
 * Normalizes hosted settings given in this package's spelling or the Python SDK's
 * (`workspace_name`/`customer_name`/`external_user_id`, `airbyte_client_id`, `organization_id`, …),
 * filling gaps from the environment. Throws a validation error naming the missing setting.
 */
export function resolveHostedConfig(
  input: Partial<HostedConfig> | Loose = {},
  env: Record<string, string | undefined> = process.env,
): HostedConfig & { workspaceName: string; apiUrl: string } {
  const given = input as Loose;
  const clientId =
    pick(given, "clientId", "client_id", "airbyte_client_id") ?? nonEmpty(env[HOSTED_ENV.clientId]);
  const clientSecret =
    pick(given, "clientSecret", "client_secret", "airbyte_client_secret") ??
    nonEmpty(env[HOSTED_ENV.clientSecret]);
  if (!clientId) {
    throw new GongValidationError(
      `Hosted mode needs an application client id: pass clientId or set ${HOSTED_ENV.clientId}.`,
      { field: "clientId" },
    );
  }
  if (!clientSecret) {
    throw new GongValidationError(
      `Hosted mode needs an application client secret: pass clientSecret or set ${HOSTED_ENV.clientSecret}.`,
      { field: "clientSecret" },
    );
  }
  const apiUrl =
    pick(given, "apiUrl", "api_url") ??
    nonEmpty(env[HOSTED_ENV.apiUrl]) ??
    nonEmpty(env[HOSTED_ENV.apiUrlFallback]) ??
    DEFAULT_HOSTED_API_URL;
  let parsed: URL;
  try {
    parsed = new URL(apiUrl);
  } catch {
    throw new GongValidationError(`The hosted API URL "${apiUrl}" is not a valid URL.`, { field: "apiUrl" });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new GongValidationError(`The hosted API URL must be http(s), got "${parsed.protocol}".`, {
      field: "apiUrl",
    });
  }
  const config: HostedConfig & { workspaceName: string; apiUrl: string } = {
    clientId,
    clientSecret,
    apiUrl: apiUrl.replace(/\/+$/, ""),
    workspaceName:
      pick(given, "workspaceName", "workspace_name", "customer_name", "external_user_id") ??
      nonEmpty(env[HOSTED_ENV.workspaceName]) ??
      DEFAULT_WORKSPACE_NAME,
  };
  const organizationId =
    pick(given, "organizationId", "organization_id") ?? nonEmpty(env[HOSTED_ENV.organizationId]);
  if (organizationId) config.organizationId = organizationId;
  const connectorId = pick(given, "connectorId", "connector_id");
  if (connectorId) config.connectorId = connectorId;
  if (typeof given["timeoutMs"] === "number") config.timeoutMs = given["timeoutMs"];
  if (typeof given["executeTimeoutMs"] === "number") config.executeTimeoutMs = given["executeTimeoutMs"];
  if (typeof given["maxRetries"] === "number") config.maxRetries = given["maxRetries"];
  if (typeof given["fetch"] === "function") config.fetch = given["fetch"] as typeof globalThis.fetch;
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value.trim() : undefined;
}
