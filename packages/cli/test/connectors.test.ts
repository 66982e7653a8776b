import { readFileSync } from "node:fs";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { type RunningServer, startServer } from "@gong-agent/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, parseJson, type RunResult, runCli, spawnCli, tempDir, waitForOutput } from "./helpers.js";

let sandbox: Sandbox;
let server: RunningServer;
const tmp = tempDir();
let acme: { organizationId: string; clientId: string; clientSecret: string };
let globex: { organizationId: string; clientId: string; clientSecret: string };
const outputs: RunResult[] = [];

function hostedEnv(org: typeof acme, extra: Record<string, string> = {}) {
  return {
    GONG_AGENT_CONFIG: `${tmp.dir}/config.json`,
    GONG_AGENT_HOSTED_API_URL: server.url,
    AIRBYTE_CLIENT_ID: org.clientId,
    AIRBYTE_CLIENT_SECRET: org.clientSecret,
    ...extra,
  };
}

async function cli(args: string[], env: Record<string, string>) {
  const r = await runCli(args, { env });
  outputs.push(r);
  return r;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, dataSize: "small", rateLimit: false });
  server = await startServer({
    port: 0,
    dbPath: ":memory:",
    dev: true,
    gongBaseUrl: sandbox.url,
    gongTokenUrl: sandbox.oauth.tokenUrl,
    gongAuthorizeUrl: sandbox.oauth.authorizeUrl,
    gongOAuth: { clientId: sandbox.oauth.clientId, clientSecret: sandbox.oauth.clientSecret },
    logLevel: "error",
  });
  acme = await server.createOrganization("acme");
  globex = await server.createOrganization("globex");
});

afterAll(async () => {
  for (const r of outputs) {
    for (const secret of [acme.clientSecret, globex.clientSecret, sandbox.accessKeySecret]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  }
  await server.close();
  await sandbox.close();
  tmp.cleanup();
});

describe("gong-agent connectors against gong-agent's server", () => {
  let connectorId = "";

  it("creates, lists and describes a connector without ever printing its credentials", async () => {
    const body = {
      workspace_name: "default",
      name: "gong-main",
      credentials: {
        access_key: sandbox.accessKey,
        access_key_secret: sandbox.accessKeySecret,
        base_url: sandbox.url,
      },
    };
    const created = await cli(["connectors", "create", "--json", JSON.stringify(body)], hostedEnv(acme));
    expect(created.code, created.stderr).toBe(0);
    const connector = parseJson<{ id: string; name: string; workspace_name: string }>(created.stdout);
    expect(connector).toMatchObject({ name: "gong-main", workspace_name: "default" });
    connectorId = connector.id;

    const list = await cli(["connectors", "list"], hostedEnv(acme));
    expect(list.code, list.stderr).toBe(0);
    expect(parseJson<{ data: { id: string }[] }>(list.stdout).data.map((c) => c.id)).toEqual([connectorId]);

    const described = await cli(["connectors", "describe", connectorId], hostedEnv(acme));
    expect(described.code, described.stderr).toBe(0);
    expect(parseJson(described.stdout)).toMatchObject({ id: connectorId, name: "gong-main" });
    expect(described.stdout).not.toContain(sandbox.accessKey);
  });

  it("executes through the hosted connector with the same result as local mode", async () => {
    const hosted = await cli(
      [
        "connectors",
        "execute",
        "--json",
        JSON.stringify({ entity: "users", action: "list", select_fields: ["id", "emailAddress"] }),
      ],
      hostedEnv(acme),
    );
    expect(hosted.code, hosted.stderr).toBe(0);
    const local = await cli(["execute", "users", "list", "--fields", "id,emailAddress"], {
      GONG_AGENT_CONFIG: `${tmp.dir}/local.json`,
      GONG_BASE_URL: sandbox.url,
      GONG_ACCESS_KEY: sandbox.accessKey,
      GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
    });
    expect(local.code, local.stderr).toBe(0);
    const hostedData = parseJson<{ data: unknown[] }>(hosted.stdout).data;
    expect(hostedData.length).toBeGreaterThan(0);
    expect(hostedData).toEqual(parseJson<{ data: unknown[] }>(local.stdout).data);
  });

  it("maps hosted errors to exit codes: 4 validation, 3 other organization's connector, 2 bad secret", async () => {
    const invalid = await cli(
      [
        "connectors",
        "execute",
        connectorId,
        "--json",
        JSON.stringify({ entity: "cals", action: "list" }),
        "--json-errors",
      ],
      hostedEnv(acme),
    );
    expect(invalid.code).toBe(4);
    expect(invalid.stderr).toContain("calls");

    const foreign = await cli(["connectors", "describe", connectorId, "--json-errors"], hostedEnv(globex));
    expect(foreign.code).toBe(3);
    expect(parseJson(foreign.stderr.trim())).toMatchObject({ type: "not_found" });

    const badSecret = await cli(
      ["connectors", "list"],
      hostedEnv(acme, { AIRBYTE_CLIENT_SECRET: "wrong-application-secret" }),
    );
    expect(badSecret.code).toBe(2);
    expect(badSecret.stderr).not.toContain("wrong-application-secret");

    const noCreds = await cli(["connectors", "list"], { GONG_AGENT_CONFIG: `${tmp.dir}/empty.json` });
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toContain("gong-agent login --hosted");
  });

  it("stores hosted credentials with login --hosted and the organization with organizations use", async () => {
    const config = `${tmp.dir}/hosted-login.json`;
    const login = await cli(["login", "--hosted", "--api-url", server.url, "--client-id", acme.clientId], {
      GONG_AGENT_CONFIG: config,
    });
    // stdin is empty here: the secret must come from somewhere, so this is a usage error…
    expect(login.code).toBe(4);
    const withSecret = await runCli(
      ["login", "--hosted", "--api-url", server.url, "--client-id", acme.clientId],
      {
        env: { GONG_AGENT_CONFIG: config },
        input: `${acme.clientSecret}\n`,
      },
    );
    outputs.push(withSecret);
    expect(withSecret.code, withSecret.stderr).toBe(0);
    const use = await cli(["organizations", "use", acme.organizationId], { GONG_AGENT_CONFIG: config });
    expect(use.code).toBe(0);
    expect(JSON.parse(readFileSync(config, "utf8")).hosted).toMatchObject({
      apiUrl: server.url,
      clientId: acme.clientId,
      organizationId: acme.organizationId,
    });
    const list = await cli(["connectors", "list"], { GONG_AGENT_CONFIG: config });
    expect(list.code, list.stderr).toBe(0);
    expect(parseJson<{ data: { id: string }[] }>(list.stdout).data.map((c) => c.id)).toEqual([connectorId]);
  });

  it("starts the OAuth connect flow and prints Gong's consent URL", async () => {
    const r = await cli(
      ["connectors", "connect", "--json", JSON.stringify({ redirect_url: "http://127.0.0.1:9/done" })],
      hostedEnv(acme),
    );
    expect(r.code, r.stderr).toBe(0);
    const { consent_url } = parseJson<{ consent_url: string }>(r.stdout);
    const url = new URL(consent_url);
    expect(`${url.origin}${url.pathname}`).toBe(sandbox.oauth.authorizeUrl);
    expect(url.searchParams.get("client_id")).toBe(sandbox.oauth.clientId);
    expect(url.searchParams.get("state")).toBeTruthy();
  });

  it("deletes the connector; afterwards it is not found", async () => {
    const deleted = await cli(
      ["connectors", "delete", "--json", JSON.stringify({ id: connectorId })],
      hostedEnv(acme),
    );
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(parseJson(deleted.stdout)).toMatchObject({ id: connectorId, deleted: true });
    const gone = await cli(["connectors", "describe", connectorId], hostedEnv(acme));
    expect(gone.code).toBe(3);
  });
});

describe("gong-agent server", () => {
  it("bootstraps an organization, serves the hosted API until SIGINT", async () => {
    const db = `${tmp.dir}/hosted.db`;
    const boot = await runCli(["server", "--db", db, "--create-organization", "initech"], { env: {} });
    expect(boot.code, boot.stderr).toBe(0);
    const creds = parseJson<{ organization_id: string; client_id: string; client_secret: string }>(
      boot.stdout,
    );
    expect(creds.client_secret).toBeTruthy();

    const child = spawnCli(["server", "--db", db, "--port", "0", "--dev"], { env: {} });
    const done = collect(child, { timeoutMs: 40_000 });
    const url = (await waitForOutput(child, "stderr", /listening on (http:\/\/\S+?) /))[1]!;
    const list = await runCli(["connectors", "list"], {
      env: {
        GONG_AGENT_CONFIG: `${tmp.dir}/none.json`,
        GONG_AGENT_HOSTED_API_URL: url,
        AIRBYTE_CLIENT_ID: creds.client_id,
        AIRBYTE_CLIENT_SECRET: creds.client_secret,
      },
    });
    expect(list.code, list.stderr).toBe(0);
    expect(parseJson(list.stdout)).toEqual({ data: [] });
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
  });
});
