/**
 * An OAuth connector whose access token has expired, hit by 20 concurrent executions: the server
 * refreshes once at Gong (the sandbox), saves the rotated pair to the database before using it, and
 * no execution ever replays a spent refresh token. A restarted server continues with the saved pair.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HostedApiClient, type TokenSet } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseTokenStore } from "../src/execution/database-token-store.js";
import { SecretBox } from "../src/index.js";
import { type Harness, restartHarness, startHarness } from "./support/harness.js";

const TOKEN_PATH = "/oauth2/generate-customer-token";

let sandbox: Sandbox;
let h: Harness;
let client: HostedApiClient;
let connectorId: string;
let credentials: { clientId: string; clientSecret: string };
const secrets: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, rateLimit: false, dataSize: "small" });
  h = await startHarness({
    gongBaseUrl: sandbox.url,
    gongTokenUrl: sandbox.oauth.tokenUrl,
    gongClient: { rateLimit: false },
  });
  const org = await h.server.createOrganization("Rotation");
  credentials = { clientId: org.clientId, clientSecret: org.clientSecret };
  client = new HostedApiClient({
    clientId: org.clientId,
    clientSecret: org.clientSecret,
    apiUrl: h.server.url,
  });
  const created = await client.createConnector({
    workspaceName: "default",
    name: "Gong OAuth",
    credentials: {
      refresh_token: sandbox.oauth.refreshToken,
      client_id: sandbox.oauth.clientId,
      client_secret: sandbox.oauth.clientSecret,
      access_token: "an-access-token-that-expired-long-ago",
      expires_at: Math.floor(Date.now() / 1000) - 3600,
    },
  });
  connectorId = created.id;
  secrets.push(
    sandbox.oauth.refreshToken,
    sandbox.oauth.clientSecret,
    "an-access-token-that-expired-long-ago",
    org.clientSecret,
  );
});

afterAll(async () => {
  await h?.close();
  await sandbox?.close();
});

function tokenRequests() {
  return sandbox.requests.filter((r) => r.path === TOKEN_PATH);
}

async function storedTokens(): Promise<{ tokens: TokenSet; generation: number }> {
  const store = new DatabaseTokenStore(
    h.server.storage,
    new SecretBox(Buffer.from(h.key, "base64")),
    connectorId,
  );
  const stored = await store.get();
  if (!stored) throw new Error("no tokens stored");
  return stored;
}

describe("OAuth rotation through the server", () => {
  it("20 concurrent executions with an expired access token → 1 refresh, 0 invalid_grant", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => client.execute(connectorId, { entity: "users", action: "list" })),
    );
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    for (const result of results) {
      expect((result as PromiseFulfilledResult<{ result: unknown[] }>).value.result.length).toBeGreaterThan(
        0,
      );
    }
    const refreshes = tokenRequests();
    expect(refreshes).toHaveLength(1);
    expect(refreshes.filter((r) => r.status !== 200)).toEqual([]);
    // Calls went to the tenant host Gong named in api_base_url_for_customer.
    const apiCalls = sandbox.requests.filter((r) => r.path === "/v2/users");
    expect(apiCalls.length).toBeGreaterThanOrEqual(20);
    expect(apiCalls.every((r) => r.listener === "tenant")).toBe(true);

    const stored = await storedTokens();
    expect(stored.generation).toBe(2); // 1 = the pair given at creation, 2 = the rotated pair
    expect(stored.tokens.refreshToken).not.toBe(sandbox.oauth.refreshToken);
    secrets.push(stored.tokens.refreshToken, stored.tokens.accessToken);
  });

  it("a restarted server uses the saved pair instead of the spent one", async () => {
    const { clientId, clientSecret } = credentials;
    await restartHarness(h, {
      gongBaseUrl: sandbox.url,
      gongTokenUrl: sandbox.oauth.tokenUrl,
      gongClient: { rateLimit: false },
    });
    const again = new HostedApiClient({ clientId, clientSecret, apiUrl: h.server.url });
    const answer = await again.execute(connectorId, { entity: "users", action: "list" });
    expect((answer.result as unknown[]).length).toBeGreaterThan(0);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("leaves no plaintext Gong secret in the database files or the server's logs", async () => {
    const dir = h.dbPath.replace(/\/[^/]+$/, "");
    const files = readdirSync(dir).filter((f) => f.startsWith("server.db"));
    expect(files).toContain("server.db");
    const blobs = files.map((f) => ({ file: f, bytes: readFileSync(join(dir, f)) }));
    const logText = h.logs.join("\n");
    expect(h.logs.length).toBeGreaterThan(20);
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    // The scan sees plaintext where there is some: the connector's (non-secret) name is stored as is.
    expect(Buffer.concat(blobs.map((b) => b.bytes)).includes(Buffer.from("Gong OAuth"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of blobs) expect(blob.bytes.includes(Buffer.from(secret)), `${blob.file}`).toBe(false);
      expect(logText.includes(secret)).toBe(false);
    }
  });
});
