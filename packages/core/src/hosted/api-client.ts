import {
  GongAbortError,
  GongConnectionError,
  type GongError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "../errors.js";
import { type HostedClientSettings, resolveHostedConfig } from "./config.js";
import { HostedConnectorAmbiguousError, HostedConnectorNotFoundError } from "./errors.js";
import { ApplicationTokenCache } from "./token-cache.js";
import {
  GONG_DEFINITION_ID,
  hostedErrorFromResponse,
  type WireConnector,
  type WireExecuteResponse,
  type WireTokenResponse,
} from "./wire.js";

/** A connector as the hosted API describes it (never with its credentials). */
export interface HostedConnector {
  id: string;
  name: string;
  workspaceName: string;
  connectorType: string;
  authType?: string | undefined;
  settings?: HostedConnectorSettings | undefined;
  createdAt?: string | undefined;
  updatedAt?: string | undefined;
}

/** What a hosted connector may do beyond the defaults; set when it is created. */
export interface HostedConnectorSettings {
  /** Keep calls marked private in results. Default false. */
  includePrivate?: boolean | undefined;
  /** Allow operations that spend Gong credits. Default false. */
  allowCreditSpend?: boolean | undefined;
}

export interface CreateHostedConnectorInput {
  workspaceName: string;
  name: string;
  /** Gong credentials: `{ access_key, access_key_secret }` or `{ refresh_token, client_id?, client_secret?, … }`, plus optional `base_url`. */
  credentials: Record<string, unknown>;
  /** Defaults to "Gong". */
  connectorType?: string;
  settings?: HostedConnectorSettings;
}

export interface HostedExecuteInput {
  entity: string;
  action: string;
  params?: Record<string, unknown> | undefined;
}

export interface HostedExecuteResult {
  status: string;
  /** The records or record (local mode's `data`). */
  result: unknown;
  /** Pagination and other metadata (local mode's `meta`), or null. */
  connectorMetadata: Record<string, unknown> | null;
  executionMetadata: { connectorInstanceId: string; executionTimeMs: number } | undefined;
  warning?: string | undefined;
}

export interface InitiateOAuthInput {
  workspaceName: string;
  /** Where the browser is sent after consent, with `?connector_id=…` appended. */
  redirectUrl: string;
  /** Defaults to "Gong". */
  connectorType?: string;
  /** Name of the connector to create (the server picks one when absent). */
  name?: string;
}

export interface HostedWorkspace {
  id: string;
  name: string;
  createdAt?: string | undefined;
}

export interface HostedOrganization {
  id: string;
  name: string;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number | undefined;
}

const USER_AGENT = "gong-agent/0.1.0";

/**
 * A small client of the hosted API: application token, connector CRUD, execute, OAuth initiation.
 * Used by hosted-mode connectors and the CLI's `connectors` commands.
 */
export class HostedApiClient {
  readonly apiUrl: string;
  readonly organizationId: string | undefined;
  private readonly clientId: string;
  /** True private fields: `console.log(client)` must never show a secret or token. */
  readonly #clientSecret: string;
  private readonly timeoutMs: number;
  private readonly executeTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly fetchImpl: typeof globalThis.fetch;
  readonly #tokens: ApplicationTokenCache;

  constructor(settings: HostedClientSettings) {
    const resolved = resolveHostedConfig(settings, {});
    this.apiUrl = resolved.apiUrl;
    this.organizationId = resolved.organizationId;
    this.clientId = resolved.clientId;
    this.#clientSecret = resolved.clientSecret;
    this.timeoutMs = settings.timeoutMs ?? 30_000;
    this.executeTimeoutMs = settings.executeTimeoutMs ?? 120_000;
    this.maxRetries = Math.max(0, Math.floor(settings.maxRetries ?? 2));
    this.fetchImpl = settings.fetch ?? globalThis.fetch;
    this.#tokens = new ApplicationTokenCache(() => this.requestToken());
  }

  /** Builds a client from explicit settings, then AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET / AIRBYTE_ORGANIZATION_ID / GONG_AGENT_HOSTED_API_URL. */
  static fromEnv(
    overrides: Partial<HostedClientSettings> = {},
    env: Record<string, string | undefined> = process.env,
  ): HostedApiClient {
    return new HostedApiClient({ ...resolveHostedConfig(overrides, env), ...pickDefined(overrides) });
  }

  /** The current application token (cached; renewed from the server's `expires_in`). */
  getAccessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    return this.#tokens.get(options.forceRefresh ?? false);
  }

  async listConnectors(
    query: { workspaceName?: string | undefined } = {},
    options: RequestOptions = {},
  ): Promise<HostedConnector[]> {
    const search = new URLSearchParams();
    if (query.workspaceName !== undefined) search.set("workspace_name", query.workspaceName);
    search.set("definition_id", GONG_DEFINITION_ID);
    const body = await this.call<{ data?: WireConnector[] }>(
      "GET",
      `/api/v1/integrations/connectors?${search}`,
      undefined,
      options,
    );
    if (!body || !Array.isArray(body.data)) {
      throw new GongConnectionError("The hosted API answered the connector list without a `data` array.");
    }
    return body.data.map(fromWireConnector);
  }

  async getConnector(id: string, options: RequestOptions = {}): Promise<HostedConnector> {
    const body = await this.call<WireConnector>(
      "GET",
      `/api/v1/integrations/connectors/${encodeId(id)}`,
      undefined,
      options,
    );
    return fromWireConnector(body);
  }

  async createConnector(
    input: CreateHostedConnectorInput,
    options: RequestOptions = {},
  ): Promise<HostedConnector> {
    const body = await this.call<WireConnector>(
      "POST",
      "/api/v1/integrations/connectors",
      {
        workspace_name: input.workspaceName,
        connector_type: input.connectorType ?? "Gong",
        name: input.name,
        credentials: input.credentials,
        ...(input.settings
          ? {
              settings: {
                ...(input.settings.includePrivate === undefined
                  ? {}
                  : { include_private: input.settings.includePrivate }),
                ...(input.settings.allowCreditSpend === undefined
                  ? {}
                  : { allow_credit_spend: input.settings.allowCreditSpend }),
              },
            }
          : {}),
      },
      options,
    );
    return fromWireConnector(body);
  }

  async deleteConnector(id: string, options: RequestOptions = {}): Promise<void> {
    await this.call("DELETE", `/api/v1/integrations/connectors/${encodeId(id)}`, undefined, options);
  }

  async execute(
    connectorId: string,
    input: HostedExecuteInput,
    options: RequestOptions = {},
  ): Promise<HostedExecuteResult> {
    const body = await this.call<WireExecuteResponse>(
      "POST",
      `/api/v1/integrations/connectors/${encodeId(connectorId)}/execute`,
      { entity: input.entity, action: input.action, params: input.params ?? {} },
      { ...options, timeoutMs: options.timeoutMs ?? this.executeTimeoutMs },
    );
    if (!body || typeof body !== "object" || !("result" in body)) {
      throw new GongConnectionError("The hosted API answered execute without a `result`.");
    }
    const meta = body.execution_metadata;
    return {
      status: body.status,
      result: body.result,
      connectorMetadata: body.connector_metadata ?? null,
      executionMetadata: meta
        ? { connectorInstanceId: meta.connector_instance_id, executionTimeMs: meta.execution_time_ms }
        : undefined,
      warning: body.warning,
    };
  }

  /** The organizations the application can act for (on `@gong-agent/server`: its own). */
  async listOrganizations(options: RequestOptions = {}): Promise<HostedOrganization[]> {
    const body = await this.call<{ data?: Array<{ id: string; name: string }> }>(
      "GET",
      "/api/v1/organizations",
      undefined,
      options,
    );
    return (body?.data ?? []).map((o) => ({ id: o.id, name: o.name }));
  }

  /** Workspaces of the organization, optionally filtered by a case-insensitive name fragment. */
  async listWorkspaces(
    query: { nameContains?: string | undefined } = {},
    options: RequestOptions = {},
  ): Promise<HostedWorkspace[]> {
    const search = new URLSearchParams();
    if (query.nameContains) search.set("name_contains", query.nameContains);
    const suffix = search.size > 0 ? `?${search}` : "";
    const body = await this.call<{ data?: Array<{ id: string; name: string; created_at?: string }> }>(
      "GET",
      `/api/v1/workspaces${suffix}`,
      undefined,
      options,
    );
    return (body?.data ?? []).map((w) => ({ id: w.id, name: w.name, createdAt: w.created_at }));
  }

  /** Starts the OAuth connect flow; open the returned consent URL in a browser. */
  async initiateOAuth(
    input: InitiateOAuthInput,
    options: RequestOptions = {},
  ): Promise<{ consentUrl: string }> {
    const payload: Record<string, unknown> = {
      workspace_name: input.workspaceName,
      connector_type: input.connectorType ?? "Gong",
      redirect_url: input.redirectUrl,
    };
    if (input.name !== undefined) payload["name"] = input.name;
    const body = await this.call<{ consent_url?: string }>(
      "POST",
      "/api/v1/integrations/connectors/oauth/initiate",
      payload,
      options,
    );
    if (!body || typeof body.consent_url !== "string") {
      throw new GongConnectionError("The hosted API answered the OAuth initiation without a `consent_url`.");
    }
    return { consentUrl: body.consent_url };
  }

  /**
   * The id of the workspace's only Gong connector. Zero → HostedConnectorNotFoundError; several →
   * HostedConnectorAmbiguousError listing their ids.
   */
  async resolveConnectorId(workspaceName: string, options: RequestOptions = {}): Promise<string> {
    // The query already asks for this workspace and Gong's definition; the checks below only guard
    // against servers that ignore a filter, and skip fields a server does not send.
    const connectors = (await this.listConnectors({ workspaceName }, options)).filter(
      (connector) =>
        (connector.workspaceName === "" || connector.workspaceName === workspaceName) &&
        (connector.connectorType === "" || connector.connectorType.toLowerCase() === "gong"),
    );
    if (connectors.length === 0) throw new HostedConnectorNotFoundError(workspaceName);
    if (connectors.length > 1) {
      throw new HostedConnectorAmbiguousError(
        workspaceName,
        connectors.map((c) => c.id),
      );
    }
    return connectors[0]!.id;
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private async requestToken(): Promise<{ accessToken: string; expiresInSeconds?: number | undefined }> {
    const body = await this.withRetries(() =>
      this.send<WireTokenResponse>(
        "POST",
        "/api/v1/account/applications/token",
        { client_id: this.clientId, client_secret: this.#clientSecret },
        undefined,
        {},
      ),
    );
    if (!body || typeof body.access_token !== "string" || body.access_token === "") {
      throw new GongConnectionError("The hosted API answered the token request without an access_token.");
    }
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
  }

  /** An authenticated call; a refused token is renewed once and the call repeated. Reads are retried. */
  private async call<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
    const attempt = async () => {
      const token = await this.#tokens.get();
      try {
        return await this.send<T>(method, path, body, token, options);
      } catch (error) {
        if (!isRefusedApplicationToken(error)) throw error;
        this.#tokens.invalidate(token);
        const fresh = await this.#tokens.get(true);
        return this.send<T>(method, path, body, fresh, options);
      }
    };
    return method === "GET" ? this.withRetries(attempt, options.signal) : attempt();
  }

  /** Retries transient failures with exponential backoff and jitter, honouring a short Retry-After. */
  private async withRetries<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt();
      } catch (error) {
        const transient =
          error instanceof GongConnectionError ||
          error instanceof GongTimeoutError ||
          error instanceof GongServerError ||
          error instanceof GongRateLimitError;
        if (!transient || retry >= this.maxRetries || signal?.aborted) throw error;
        const backoff = 250 * 2 ** retry * (0.5 + Math.random() / 2);
        const wait = error instanceof GongRateLimitError ? (error.retryAfterMs ?? backoff) : backoff;
        if (wait > 10_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | undefined,
    options: RequestOptions,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": USER_AGENT,
      "x-adp-agent-sdk": "gong-agent",
    };
    if (token !== undefined) headers["authorization"] = `Bearer ${token}`;
    if (this.organizationId !== undefined) headers["x-organization-id"] = this.organizationId;
    if (body !== undefined) headers["content-type"] = "application/json";
    const pathOnly = path.split("?")[0] ?? path;

    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal,
        redirect: "manual",
      });
    } catch (error) {
      throw transportError(error, options.signal, timeout, method, pathOnly, timeoutMs);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw transportError(error, options.signal, timeout, method, pathOnly, timeoutMs);
    }
    let parsed: unknown = text;
    if (text !== "") {
      try {
        parsed = JSON.parse(text);
      } catch {
        // Non-JSON bodies are kept as text for the error message.
      }
    } else {
      parsed = undefined;
    }
    if (response.status >= 300 && response.status < 400) {
      throw new GongValidationError(
        `The hosted API at ${this.apiUrl} redirected ${method} ${pathOnly} to another location; set apiUrl to the final API address.`,
        { status: response.status, field: "apiUrl", method, path: pathOnly },
      );
    }
    if (!response.ok) {
      const error = hostedErrorFromResponse(response.status, parsed, {
        method,
        path: pathOnly,
        retryAfter: response.headers.get("retry-after"),
      });
      if (response.status === 401 && token !== undefined && !fromGong(parsed)) refusedTokenErrors.add(error);
      throw error;
    }
    return parsed as T;
  }
}

/** Errors that mean the hosted API (not Gong behind it) refused our application token. */
const refusedTokenErrors = new WeakSet<object>();

function isRefusedApplicationToken(error: unknown): boolean {
  return typeof error === "object" && error !== null && refusedTokenErrors.has(error);
}

function fromGong(body: unknown): boolean {
  if (!body || typeof body !== "object") return false;
  const error = (body as Record<string, unknown>)["error"];
  return !!error && typeof error === "object" && (error as Record<string, unknown>)["source"] === "gong";
}

function transportError(
  error: unknown,
  userSignal: AbortSignal | undefined,
  timeout: AbortSignal,
  method: string,
  path: string,
  timeoutMs: number,
): GongError {
  if (userSignal?.aborted) return new GongAbortError(`${method} ${path} was aborted by the caller.`);
  if (timeout.aborted) {
    return new GongTimeoutError(`The hosted API did not answer ${method} ${path} within ${timeoutMs} ms.`, {
      timeoutMs,
    });
  }
  const reason =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  return new GongConnectionError(
    `Could not reach the hosted API for ${method} ${path}${reason ? ` (${reason})` : ""}; check the API URL and the network.`,
    { cause: error },
  );
}

function fromWireConnector(wire: WireConnector): HostedConnector {
  if (!wire || typeof wire.id !== "string") {
    throw new GongConnectionError("The hosted API answered a connector without an id.");
  }
  return {
    id: wire.id,
    name: typeof wire.name === "string" ? wire.name : "",
    workspaceName: typeof wire.workspace_name === "string" ? wire.workspace_name : "",
    connectorType: typeof wire.connector_type === "string" ? wire.connector_type : "",
    authType: wire.auth_type,
    settings: wire.settings && {
      includePrivate: wire.settings.include_private === true,
      allowCreditSpend: wire.settings.allow_credit_spend === true,
    },
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

function encodeId(id: string): string {
  if (typeof id !== "string" || id.trim() === "") {
    throw new GongValidationError("A connector id is required.", { field: "connectorId" });
  }
  return encodeURIComponent(id);
}

function pickDefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
