import {
  GongAuthenticationError,
  GongNotFoundError,
  GongValidationError,
  HostedApiClient,
} from "@gong-agent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewOrganization } from "../src/index.js";
import { applicationToken, type Harness, requestJson, startHarness } from "./support/harness.js";

const ACCESS_KEY = "TENANCY-ACCESS-KEY-0001";
const ACCESS_KEY_SECRET = "tenancy-access-key-secret-value-0001";

let h: Harness;
let orgA: NewOrganization;
let orgB: NewOrganization;
let tokenA: string;
let tokenB: string;
let connectorA: string;

beforeAll(async () => {
  h = await startHarness({ gongBaseUrl: "http://127.0.0.1:9" });
  orgA = await h.server.createOrganization("Org A");
  orgB = await h.server.createOrganization("Org B");
  tokenA = await applicationToken(h.server.url, orgA.clientId, orgA.clientSecret);
  tokenB = await applicationToken(h.server.url, orgB.clientId, orgB.clientSecret);
  const created = await requestJson(`${h.server.url}/api/v1/integrations/connectors`, {
    method: "POST",
    token: tokenA,
    body: {
      workspace_name: "sales",
      connector_type: "Gong",
      name: "Gong A",
      credentials: { access_key: ACCESS_KEY, access_key_secret: ACCESS_KEY_SECRET },
    },
  });
  expect(created.status).toBe(201);
  connectorA = created.body.id;
});

afterAll(async () => {
  await h?.close();
});

/** Every authenticated route, aimed at organization A's resources. */
function routes(): Array<{ method: string; path: string; body?: unknown }> {
  const c = `/api/v1/integrations/connectors/${connectorA}`;
  return [
    { method: "GET", path: c },
    { method: "DELETE", path: c },
    { method: "POST", path: `${c}/execute`, body: { entity: "users", action: "list", params: {} } },
  ];
}

describe("tenancy", () => {
  it("answers 404 to another organization's token on every route of a connector", async () => {
    for (const route of routes()) {
      const answer = await requestJson(`${h.server.url}${route.path}`, {
        method: route.method,
        token: tokenB,
        body: route.body,
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(404);
      expect(answer.body.error.message).toContain("not found");
    }
    const list = await requestJson(`${h.server.url}/api/v1/integrations/connectors?workspace_name=sales`, {
      token: tokenB,
    });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    // Still there for its owner.
    const own = await requestJson(`${h.server.url}/api/v1/integrations/connectors/${connectorA}`, {
      token: tokenA,
    });
    expect(own.status).toBe(200);
  });

  it("shows each organization only itself and its own workspaces", async () => {
    const orgs = await requestJson(`${h.server.url}/api/v1/organizations`, { token: tokenB });
    expect(orgs.body.data.map((o: { id: string }) => o.id)).toEqual([orgB.organizationId]);
    const own = await requestJson(`${h.server.url}/api/v1/workspaces?name_contains=SAL`, { token: tokenA });
    expect(own.body.data.map((w: { name: string }) => w.name)).toEqual(["sales"]);
    const foreign = await requestJson(`${h.server.url}/api/v1/workspaces?name_contains=sal`, {
      token: tokenB,
    });
    expect(foreign.status).toBe(200);
    expect(foreign.body.data).toEqual([]);
  });

  it("answers 404 when X-Organization-Id names an organization the token does not belong to", async () => {
    const all = [
      ...routes(),
      { method: "GET", path: "/api/v1/integrations/connectors" },
      { method: "GET", path: "/api/v1/organizations" },
      { method: "GET", path: "/api/v1/workspaces" },
      {
        method: "POST",
        path: "/api/v1/integrations/connectors",
        body: { workspace_name: "w", name: "n", credentials: { access_key: "a", access_key_secret: "b" } },
      },
      {
        method: "POST",
        path: "/api/v1/integrations/connectors/oauth/initiate",
        body: { workspace_name: "w", connector_type: "Gong", redirect_url: "http://127.0.0.1/done" },
      },
    ];
    for (const route of all) {
      const answer = await requestJson(`${h.server.url}${route.path}`, {
        method: route.method,
        token: tokenB,
        body: route.body,
        headers: { "x-organization-id": orgA.organizationId },
      });
      expect(answer.status, `${route.method} ${route.path}`).toBe(404);
    }
  });

  it("answers 401 to a missing, unknown or expired token", async () => {
    const all = [
      ...routes(),
      { method: "GET", path: "/api/v1/integrations/connectors" },
      { method: "GET", path: "/api/v1/organizations" },
      { method: "GET", path: "/api/v1/workspaces" },
    ];
    for (const route of all) {
      for (const token of [undefined, "gat_not-a-real-token"]) {
        const answer = await requestJson(`${h.server.url}${route.path}`, {
          method: route.method,
          ...(token ? { token } : {}),
          body: route.body,
        });
        expect(answer.status, `${route.method} ${route.path}`).toBe(401);
        expect(answer.body.error.source).toBe("server");
      }
    }
    const short = await startHarness({ tokenTtlSeconds: 1 });
    try {
      const org = await short.server.createOrganization("Short");
      const token = await applicationToken(short.server.url, org.clientId, org.clientSecret);
      expect(
        (await requestJson(`${short.server.url}/api/v1/integrations/connectors`, { token })).status,
      ).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const expired = await requestJson(`${short.server.url}/api/v1/integrations/connectors`, { token });
      expect(expired.status).toBe(401);
      expect(expired.body.error.message).toContain("expired");
    } finally {
      await short.close();
    }
  });

  it("answers 429 after repeated wrong secrets for one client, without locking out other clients", async () => {
    const victim = await h.server.createOrganization("Guessed");
    const guess = () =>
      requestJson(`${h.server.url}/api/v1/account/applications/token`, {
        method: "POST",
        body: { client_id: victim.clientId, client_secret: "gas_guess" },
      });
    for (let i = 0; i < 10; i++) expect((await guess()).status).toBe(401);
    const limited = await guess();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right secret waits for the window to pass...
    const right = await requestJson(`${h.server.url}/api/v1/account/applications/token`, {
      method: "POST",
      body: { client_id: victim.clientId, client_secret: victim.clientSecret },
    });
    expect(right.status).toBe(429);
    // ...while other clients are unaffected.
    expect(await applicationToken(h.server.url, orgA.clientId, orgA.clientSecret)).toMatch(/^gat_/);
  });

  it("refuses wrong application credentials with 401", async () => {
    const wrong = await requestJson(`${h.server.url}/api/v1/account/applications/token`, {
      method: "POST",
      body: { client_id: orgA.clientId, client_secret: orgB.clientSecret },
    });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain(orgB.clientSecret);
  });
});

describe("request validation", () => {
  const cases: Array<{
    name: string;
    path: string;
    body?: unknown;
    raw?: string;
    message: RegExp;
    token?: boolean;
  }> = [
    {
      name: "token: not JSON",
      path: "/api/v1/account/applications/token",
      raw: "{client_id:",
      message: /not valid JSON/,
    },
    { name: "token: array", path: "/api/v1/account/applications/token", raw: "[1]", message: /JSON object/ },
    {
      name: "token: no secret",
      path: "/api/v1/account/applications/token",
      body: { client_id: "x" },
      message: /"client_secret" is required/,
    },
    {
      name: "create: no workspace",
      path: "/api/v1/integrations/connectors",
      body: { name: "n", credentials: { access_key: "a", access_key_secret: "b" } },
      message: /"workspace_name" is required/,
      token: true,
    },
    {
      name: "create: other connector type",
      path: "/api/v1/integrations/connectors",
      body: { workspace_name: "w", name: "n", connector_type: "Salesforce", credentials: {} },
      message: /Unknown connector_type "Salesforce"/,
      token: true,
    },
    {
      name: "create: half an access key",
      path: "/api/v1/integrations/connectors",
      body: { workspace_name: "w", name: "n", credentials: { access_key: "a" } },
      message: /needs both "access_key" and "access_key_secret"/,
      token: true,
    },
    {
      name: "create: unknown credential field",
      path: "/api/v1/integrations/connectors",
      body: { workspace_name: "w", name: "n", credentials: { password: "p" } },
      message: /Unknown credential field\(s\): password/,
      token: true,
    },
    {
      name: "create: http base url outside dev mode",
      path: "/api/v1/integrations/connectors",
      body: {
        workspace_name: "w",
        name: "n",
        credentials: { access_key: "a", access_key_secret: "b", base_url: "http://10.0.0.1" },
      },
      message: /must use https/,
      token: true,
    },
    {
      name: "create: unknown setting",
      path: "/api/v1/integrations/connectors",
      body: {
        workspace_name: "w",
        name: "n",
        credentials: { access_key: "a", access_key_secret: "b" },
        settings: { private: true },
      },
      message: /Unknown setting "private"/,
      token: true,
    },
    {
      name: "create: setting not a boolean",
      path: "/api/v1/integrations/connectors",
      body: {
        workspace_name: "w",
        name: "n",
        credentials: { access_key: "a", access_key_secret: "b" },
        settings: { include_private: "yes" },
      },
      message: /"settings.include_private" must be true or false/,
      token: true,
    },
    {
      name: "execute: no entity",
      path: "/api/v1/integrations/connectors/CONNECTOR/execute",
      body: { action: "list" },
      message: /"entity" is required/,
      token: true,
    },
    {
      name: "execute: params not an object",
      path: "/api/v1/integrations/connectors/CONNECTOR/execute",
      body: { entity: "users", action: "list", params: [1, 2] },
      message: /"params" must be a JSON object/,
      token: true,
    },
    {
      name: "execute: unknown field",
      path: "/api/v1/integrations/connectors/CONNECTOR/execute",
      body: { entity: "users", action: "list", parameters: {} },
      message: /Unknown field\(s\) parameters/,
      token: true,
    },
    {
      name: "initiate: bad redirect",
      path: "/api/v1/integrations/connectors/oauth/initiate",
      body: { workspace_name: "w", connector_type: "Gong", redirect_url: "javascript:alert(1)" },
      message: /"redirect_url" must be an http\(s\) URL/,
      token: true,
    },
  ];

  for (const c of cases) {
    it(`answers 400 with a message: ${c.name}`, async () => {
      const answer = await requestJson(`${h.server.url}${c.path.replace("CONNECTOR", connectorA)}`, {
        method: "POST",
        ...(c.token ? { token: tokenA } : {}),
        ...(c.raw === undefined ? { body: c.body } : { rawBody: c.raw }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.type).toBe("validation_error");
      expect(answer.body.error.message).toMatch(c.message);
      expect(answer.body.detail).toBe(answer.body.error.message);
    });
  }

  it("answers 404 for unknown paths and 405 for a wrong method", async () => {
    expect((await requestJson(`${h.server.url}/api/v1/nothing`)).status).toBe(404);
    expect((await requestJson(`${h.server.url}/api/v1/account/applications/token`)).status).toBe(405);
  });
});

describe("connector lifecycle through HostedApiClient", () => {
  it("creates, lists, describes and deletes without ever returning credentials", async () => {
    const client = new HostedApiClient({
      clientId: orgB.clientId,
      clientSecret: orgB.clientSecret,
      apiUrl: h.server.url,
      organizationId: orgB.organizationId,
    });
    const created = await client.createConnector({
      workspaceName: "support",
      name: "Gong B",
      credentials: { accessKey: "B-KEY", accessKeySecret: "b-secret-never-returned" },
    });
    expect(created).toMatchObject({
      name: "Gong B",
      workspaceName: "support",
      connectorType: "Gong",
      authType: "access_key",
    });
    await expect(
      client.createConnector({
        workspaceName: "support",
        name: "Gong B",
        credentials: { access_key: "x", access_key_secret: "y" },
      }),
    ).rejects.toThrow(/already exists/);
    expect(await client.resolveConnectorId("support")).toBe(created.id);
    const described = await client.getConnector(created.id);
    expect(described.id).toBe(created.id);
    expect((await client.listWorkspaces({ nameContains: "supp" })).map((w) => w.name)).toEqual(["support"]);
    expect(await client.listOrganizations()).toEqual([{ id: orgB.organizationId, name: "Org B" }]);
    const raw = await requestJson(`${h.server.url}/api/v1/integrations/connectors/${created.id}`, {
      token: await client.getAccessToken(),
    });
    expect(JSON.stringify(raw.body)).not.toContain("b-secret-never-returned");
    expect(Object.keys(raw.body).sort()).toEqual(
      [
        "auth_type",
        "connector_type",
        "created_at",
        "definition_id",
        "id",
        "name",
        "settings",
        "updated_at",
        "workspace_name",
      ].sort(),
    );
    await client.deleteConnector(created.id);
    await expect(client.getConnector(created.id)).rejects.toBeInstanceOf(GongNotFoundError);
    await expect(client.resolveConnectorId("support")).rejects.toThrow(/No Gong connector/);
  });

  it("says OAuth connect is not configured when the server has no Gong OAuth app", async () => {
    const client = new HostedApiClient({
      clientId: orgA.clientId,
      clientSecret: orgA.clientSecret,
      apiUrl: h.server.url,
    });
    const error = await client
      .initiateOAuth({ workspaceName: "w", redirectUrl: "http://127.0.0.1/done" })
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("OAuth connect is not configured");
  });

  it("maps refused application credentials to GongAuthenticationError", async () => {
    const client = new HostedApiClient({
      clientId: orgA.clientId,
      clientSecret: "gas_wrong",
      apiUrl: h.server.url,
    });
    await expect(client.listConnectors()).rejects.toBeInstanceOf(GongAuthenticationError);
    const bad = new HostedApiClient({
      clientId: orgA.clientId,
      clientSecret: orgA.clientSecret,
      apiUrl: h.server.url,
    });
    await expect(bad.execute(connectorA, { entity: "", action: "list" })).rejects.toBeInstanceOf(
      GongValidationError,
    );
  });
});
