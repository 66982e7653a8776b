import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connect,
  GongConnector,
  GongValidationError,
  HostedConnectorAmbiguousError,
  HostedConnectorNotFoundError,
} from "../../src/index.js";
import { type FakeHostedApi, type RecordedRequest, startFakeHostedApi } from "./fake-hosted-api.js";

let api: FakeHostedApi;
let env: Record<string, string>;

beforeEach(async () => {
  api = await startFakeHostedApi();
  env = {
    AIRBYTE_CLIENT_ID: "app-id",
    AIRBYTE_CLIENT_SECRET: "app-secret",
    AIRBYTE_ORGANIZATION_ID: "org-7",
    GONG_AGENT_HOSTED_API_URL: api.url,
  };
});
afterEach(async () => {
  await api.close();
});

const lookups = () => api.requests.filter((r) => r.path === "/api/v1/integrations/connectors");
const executions = () => api.requests.filter((r) => r.path.endsWith("/execute"));

describe("connect", () => {
  it("reads the environment, resolves the connector once at connect, and sends the organization", async () => {
    api.connectors.push({ id: "c-9", name: "Gong", workspace_name: "default", connector_type: "Gong" });
    const gong = await connect("gong", { env });
    expect(gong).toBeInstanceOf(GongConnector);
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.query.get("workspace_name")).toBe("default");
    await gong.execute("users", "list", {});
    await gong.execute("users", "list", {});
    expect(lookups()).toHaveLength(1);
    expect(api.tokensIssued).toBe(1);
    expect(executions().map((r) => r.path)).toEqual([
      "/api/v1/integrations/connectors/c-9/execute",
      "/api/v1/integrations/connectors/c-9/execute",
    ]);
    expect(executions().every((r) => r.headers["x-organization-id"] === "org-7")).toBe(true);
    const { inspect } = await import("node:util");
    expect(inspect(gong, { depth: 10, showHidden: true })).not.toContain("app-secret");
  });

  it("fails at connect when the workspace has no Gong connector or several", async () => {
    await expect(connect("gong", { workspaceName: "empty", env })).rejects.toBeInstanceOf(
      HostedConnectorNotFoundError,
    );
    api.connectors.push(
      { id: "a", name: "one", workspace_name: "two", connector_type: "Gong" },
      { id: "b", name: "other", workspace_name: "two", connector_type: "Gong" },
    );
    await expect(connect("gong", { workspaceName: "two", env })).rejects.toBeInstanceOf(
      HostedConnectorAmbiguousError,
    );
    expect(executions()).toHaveLength(0);
  });

  it("refuses an unknown slug and missing credentials before any request", async () => {
    await expect(connect("salesforce" as "gong", { env })).rejects.toBeInstanceOf(GongValidationError);
    await expect(connect("gong", { env: { GONG_AGENT_HOSTED_API_URL: api.url } })).rejects.toThrow(
      /AIRBYTE_CLIENT_ID/,
    );
    expect(api.requests).toHaveLength(0);
  });
});

describe("GongConnector({ hosted })", () => {
  it("paginates with inputs resolved once, so every page repeats them with the cursor", async () => {
    let page = 0;
    api.handler = (request: RecordedRequest) => {
      if (!request.path.endsWith("/execute")) return undefined;
      page += 1;
      return {
        status: 200,
        body: {
          status: "success",
          result: [{ id: `call-${page}` }],
          connector_metadata: page < 3 ? { hasMore: true, cursor: `cursor-${page}` } : { hasMore: false },
          execution_metadata: { connector_instance_id: "c", execution_time_ms: 1 },
        },
      };
    };
    const gong = new GongConnector({
      hosted: { clientId: "app-id", clientSecret: "app-secret", apiUrl: api.url, connectorId: "c" },
    });
    const ids: string[] = [];
    for await (const call of gong.paginate("calls", "list")) ids.push(call.id);
    expect(ids).toEqual(["call-1", "call-2", "call-3"]);
    const bodies = executions().map((r) => r.body as { params: Record<string, unknown> });
    const withoutCursor = bodies.map(({ params: { cursor: _cursor, ...rest } }) => rest);
    // Default date range resolved locally, once: identical on every page.
    expect(withoutCursor[0]).toHaveProperty("fromDateTime");
    expect(withoutCursor[1]).toEqual(withoutCursor[0]);
    expect(withoutCursor[2]).toEqual(withoutCursor[0]);
    expect(bodies.map((b) => b.params["cursor"])).toEqual([undefined, "cursor-1", "cursor-2"]);
    expect(lookups()).toHaveLength(0);
  });
});
