import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  GongAuthenticationError,
  GongConnectionError,
  GongNotFoundError,
  GongRateLimitError,
  GongReauthRequiredError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
  HostedApiClient,
  HostedConnectorAmbiguousError,
  HostedConnectorNotFoundError,
  HostedExecutor,
} from "../../src/index.js";
import { type FakeHostedApi, startFakeHostedApi } from "./fake-hosted-api.js";

let api: FakeHostedApi;

beforeEach(async () => {
  api = await startFakeHostedApi();
});
afterEach(async () => {
  await api.close();
});

function client(extra: { organizationId?: string; maxRetries?: number } = {}) {
  return new HostedApiClient({ clientId: "app-id", clientSecret: "app-secret", apiUrl: api.url, ...extra });
}

const gongConnector = (id: string, workspace = "default") => ({
  id,
  name: `gong ${id}`,
  workspace_name: workspace,
  connector_type: "Gong",
});

describe("HostedApiClient", () => {
  it("fetches one application token and reuses it while expires_in allows", async () => {
    api.connectors.push(gongConnector("c1"));
    const hosted = client();
    await Promise.all([hosted.listConnectors(), hosted.listConnectors(), hosted.listConnectors()]);
    await hosted.listConnectors();
    expect(api.tokensIssued).toBe(1);
    const tokenCall = api.requests.find((r) => r.path === "/api/v1/account/applications/token");
    expect(tokenCall?.body).toEqual({ client_id: "app-id", client_secret: "app-secret" });
    expect(tokenCall?.headers.authorization).toBeUndefined();
  });

  it("never shows its secret or token when inspected or serialized", async () => {
    const { inspect } = await import("node:util");
    const hosted = client();
    const token = await hosted.getAccessToken();
    for (const text of [
      inspect(hosted, { depth: 10, showHidden: true }),
      JSON.stringify(hosted),
      String(hosted),
    ]) {
      expect(text).not.toContain("app-secret");
      expect(text).not.toContain(token);
    }
  });

  it("renews the token when expires_in says it is spent", async () => {
    api.expiresIn = 1; // renewal margin is half the lifetime, so the token is stale after 0.5 s
    const hosted = client();
    await hosted.listConnectors();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await hosted.listConnectors();
    expect(api.tokensIssued).toBe(2);
  });

  it("sends the bearer token, and X-Organization-Id only when an organization is set", async () => {
    await client().listConnectors({ workspaceName: "w" });
    await client({ organizationId: "org-42" }).listConnectors({ workspaceName: "w" });
    const lists = api.requests.filter((r) => r.path === "/api/v1/integrations/connectors");
    expect(lists[0]?.headers["x-organization-id"]).toBeUndefined();
    expect(lists[1]?.headers["x-organization-id"]).toBe("org-42");
    expect(lists[1]?.headers.authorization).toMatch(/^Bearer token-\d$/);
    expect(lists[1]?.query.get("workspace_name")).toBe("w");
  });

  it("renews a token the hosted API refused and repeats the call once", async () => {
    const hosted = client();
    await hosted.listConnectors();
    api.validTokens.clear(); // the server forgot or revoked the token before its announced expiry
    await hosted.listConnectors();
    expect(api.tokensIssued).toBe(2);
  });

  it("does not renew the application token when Gong behind the server refused its credentials", async () => {
    api.handler = (r) =>
      r.path.endsWith("/execute")
        ? {
            status: 401,
            body: {
              error: {
                type: "authentication_error",
                source: "gong",
                status: 401,
                message: "Gong refused the access key (401).",
                retryable: false,
              },
              detail: "Gong refused the access key (401).",
            },
          }
        : undefined;
    const error = await client()
      .execute("c1", { entity: "users", action: "list" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongAuthenticationError);
    expect((error as Error).message).toBe("Gong refused the access key (401).");
    expect(api.tokensIssued).toBe(1);
  });

  it("maps the error body to the error family", async () => {
    const replies: Record<string, { status: number; body: unknown; headers?: Record<string, string> }> = {
      validation: {
        status: 400,
        body: {
          error: {
            type: "validation_error",
            source: "gong",
            status: 0,
            message: 'Unknown entity "cals".',
            field: "entity",
            valid_values: ["calls", "users"],
            retryable: false,
          },
        },
      },
      missing: { status: 404, body: { detail: "Connector not found" } },
      limited: { status: 429, body: { detail: "slow down" }, headers: { "retry-after": "7" } },
      upstream: {
        status: 502,
        body: {
          error: {
            type: "upstream_error",
            source: "gong",
            status: 503,
            message: "Gong failed",
            retryable: true,
          },
        },
      },
      reauth: {
        status: 401,
        body: {
          error: { type: "reauth_required", source: "gong", message: "Reconnect Gong", retryable: false },
        },
      },
      fastapi: {
        status: 422,
        body: { detail: [{ loc: ["body", "entity"], msg: "field required" }] },
      },
    };
    api.handler = (r) => (r.path.endsWith("/execute") ? replies[r.path.split("/")[5]!] : undefined);
    const hosted = client();
    const run = (id: string) => hosted.execute(id, { entity: "x", action: "list" }).catch((e: unknown) => e);

    const validation = await run("validation");
    expect(validation).toBeInstanceOf(GongValidationError);
    expect((validation as GongValidationError).field).toBe("entity");
    expect((validation as GongValidationError).validValues).toEqual(["calls", "users"]);

    const missing = await run("missing");
    expect(missing).toBeInstanceOf(GongNotFoundError);
    expect((missing as Error).message).toContain("POST /api/v1/integrations/connectors/missing/execute");
    expect((missing as Error).message).toContain("Connector not found");

    const limited = await run("limited");
    expect(limited).toBeInstanceOf(GongRateLimitError);
    expect((limited as GongRateLimitError).retryAfterMs).toBe(7000);

    const upstream = await run("upstream");
    expect(upstream).toBeInstanceOf(GongServerError);
    expect((upstream as GongServerError).status).toBe(503);
    expect((upstream as GongServerError).retryable).toBe(true);

    expect(await run("reauth")).toBeInstanceOf(GongReauthRequiredError);

    const fastapi = await run("fastapi");
    expect(fastapi).toBeInstanceOf(GongValidationError);
    expect((fastapi as Error).message).toContain("body.entity: field required");
  });

  it("retries a transient failure of a read, but never an execution", async () => {
    api.connectors.push(gongConnector("c1"));
    let listFailures = 1;
    let executeFailures = 1;
    api.handler = (r) => {
      const failure = { status: 503, body: { detail: "restarting" } };
      if (r.path === "/api/v1/integrations/connectors" && listFailures-- > 0) return failure;
      if (r.path.endsWith("/execute") && executeFailures-- > 0) return failure;
      return undefined;
    };
    const hosted = client();
    expect((await hosted.listConnectors()).map((c) => c.id)).toEqual(["c1"]);
    expect(api.requests.filter((r) => r.path === "/api/v1/integrations/connectors")).toHaveLength(2);
    await expect(hosted.execute("c1", { entity: "users", action: "list" })).rejects.toBeInstanceOf(
      GongServerError,
    );
    expect(api.requests.filter((r) => r.path.endsWith("/execute"))).toHaveLength(1);
  });

  it("gives executions their own, longer timeout", async () => {
    api.connectors.push(gongConnector("c1"));
    api.handler = (r) => {
      const slow = { status: 200, delayMs: 400 };
      if (r.path.endsWith("/execute"))
        return { ...slow, body: { status: "success", result: [], connector_metadata: null } };
      if (r.path === "/api/v1/integrations/connectors") return { ...slow, body: { data: api.connectors } };
      return undefined;
    };
    const hosted = new HostedApiClient({
      clientId: "app-id",
      clientSecret: "app-secret",
      apiUrl: api.url,
      timeoutMs: 150,
      executeTimeoutMs: 5_000,
      maxRetries: 0,
    });
    const listed = await hosted.listConnectors().catch((e: unknown) => e);
    expect(listed).toBeInstanceOf(GongTimeoutError);
    expect((listed as Error).message).toContain("within 150 ms");
    expect((await hosted.execute("c1", { entity: "users", action: "list" })).result).toEqual([]);
    const short = await hosted
      .execute("c1", { entity: "users", action: "list" }, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(short).toBeInstanceOf(GongTimeoutError);
  });

  it("reports an unreachable API as a connection error naming the call", async () => {
    await api.close();
    const error = await client({ maxRetries: 0 })
      .listConnectors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongConnectionError);
    expect((error as Error).message).toContain("POST /api/v1/account/applications/token");
    expect((error as Error).message).not.toContain("app-secret");
    api = await startFakeHostedApi();
  });

  it("refuses wrong application credentials without echoing the secret", async () => {
    const error = await new HostedApiClient({
      clientId: "app-id",
      clientSecret: "wrong-secret",
      apiUrl: api.url,
    })
      .listConnectors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongAuthenticationError);
    expect((error as Error).message).not.toContain("wrong-secret");
  });
});

describe("connector resolution", () => {
  it("fails clearly when the workspace has no Gong connector, or several", async () => {
    api.connectors.push(gongConnector("a", "two"), gongConnector("b", "two"));
    const hosted = client();
    await expect(hosted.resolveConnectorId("none")).rejects.toBeInstanceOf(HostedConnectorNotFoundError);
    const ambiguous = await hosted.resolveConnectorId("two").catch((e: unknown) => e);
    expect(ambiguous).toBeInstanceOf(HostedConnectorAmbiguousError);
    expect(ambiguous).toBeInstanceOf(GongValidationError);
    expect((ambiguous as HostedConnectorAmbiguousError).connectorIds).toEqual(["a", "b"]);
  });

  it("accepts a connector list that carries only ids, as a minimal hosted API may send", async () => {
    api.handler = (r) =>
      r.path === "/api/v1/integrations/connectors"
        ? { status: 200, body: { data: [{ id: "bare" }] } }
        : undefined;
    expect(await client().resolveConnectorId("any")).toBe("bare");
    expect(api.requests.at(-1)?.query.get("definition_id")).toBe("32382e40-3b49-4b99-9c5c-4076501914e7");
  });

  it("looks the connector up once, however many executions follow", async () => {
    api.connectors.push(gongConnector("only", "sales"));
    const executor = new HostedExecutor({
      clientId: "app-id",
      clientSecret: "app-secret",
      apiUrl: api.url,
      workspaceName: "sales",
    });
    const results = await Promise.all([
      executor.execute("users", "list", {}),
      executor.execute("calls", "list", { fromDateTime: "2024-01-01T00:00:00Z" }),
      executor.execute("calls", "get", { id: "7" }),
    ]);
    expect(api.requests.filter((r) => r.path === "/api/v1/integrations/connectors")).toHaveLength(1);
    expect(api.tokensIssued).toBe(1);
    expect(executor.resolvedConnectorId).toBe("only");
    expect(results[1]).toEqual({
      data: [{ entity: "calls", action: "list", params: { fromDateTime: "2024-01-01T00:00:00Z" } }],
      meta: { hasMore: false },
    });
    expect(
      api.requests.filter((r) => r.path === "/api/v1/integrations/connectors/only/execute"),
    ).toHaveLength(3);
  });
});
