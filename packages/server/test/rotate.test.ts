/** Rotating the at-rest key: re-seal everything under a new key, then run with the new key alone. */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { HostedApiClient } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "../src/index.js";
import { type Harness, restartHarness, startHarness } from "./support/harness.js";

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, "../dist/bin.js");

let sandbox: Sandbox;
let h: Harness;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, rateLimit: false, dataSize: "small" });
  h = await startHarness({
    gongBaseUrl: sandbox.url,
    gongTokenUrl: sandbox.oauth.tokenUrl,
    gongClient: { rateLimit: false },
  });
});

afterAll(async () => {
  await h?.close();
  await sandbox?.close();
});

describe("SecretBox with previous keys", () => {
  it("reads values sealed with a previous key and tells them apart from current ones", () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const sealedOld = new SecretBox(oldKey).seal("secret", "ad");
    const rotated = new SecretBox(newKey, [oldKey]);
    expect(rotated.open(sealedOld, "ad")).toBe("secret");
    expect(rotated.isCurrent(sealedOld, "ad")).toBe(false);
    expect(rotated.isCurrent(rotated.seal("secret", "ad"), "ad")).toBe(true);
    expect(() => new SecretBox(newKey).open(sealedOld, "ad")).toThrow(/server key differs/);
  });
});

describe("rotate-key", () => {
  it("re-seals every credential so the server runs on the new key alone", async () => {
    const org = await h.server.createOrganization("Rotate");
    const settings = { clientId: org.clientId, clientSecret: org.clientSecret };
    let client = new HostedApiClient({ ...settings, apiUrl: h.server.url });
    const byKey = await client.createConnector({
      workspaceName: "keys",
      name: "Gong key",
      credentials: { access_key: sandbox.accessKey, access_key_secret: sandbox.accessKeySecret },
    });
    const byOAuth = await client.createConnector({
      workspaceName: "oauth",
      name: "Gong OAuth",
      credentials: {
        refresh_token: sandbox.oauth.refreshToken,
        client_id: sandbox.oauth.clientId,
        client_secret: sandbox.oauth.clientSecret,
      },
    });
    // The OAuth connector rotates once, so it has a token pair to re-seal too.
    await client.execute(byOAuth.id, { entity: "users", action: "list" });
    await h.server.close();

    const oldKey = h.key;
    const newKey = randomBytes(32).toString("base64");
    const env = { PATH: process.env["PATH"] ?? "", GONG_AGENT_SERVER_KEY: newKey };
    const refused = await run(process.execPath, [BIN, "rotate-key", "--db", h.dbPath], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toContain("GONG_AGENT_SERVER_PREVIOUS_KEYS");

    const rotated = await run(process.execPath, [BIN, "rotate-key", "--db", h.dbPath], {
      env: { ...env, GONG_AGENT_SERVER_PREVIOUS_KEYS: oldKey },
    });
    expect(JSON.parse(rotated.stdout)).toEqual({ connectors: 2, resealed: 3, skipped: 0 });
    const again = await run(process.execPath, [BIN, "rotate-key", "--db", h.dbPath], {
      env: { ...env, GONG_AGENT_SERVER_PREVIOUS_KEYS: oldKey },
    });
    expect(JSON.parse(again.stdout)).toEqual({ connectors: 2, resealed: 0, skipped: 0 });

    h.key = newKey;
    await restartHarness(h, {
      gongBaseUrl: sandbox.url,
      gongTokenUrl: sandbox.oauth.tokenUrl,
      gongClient: { rateLimit: false },
    });
    client = new HostedApiClient({ ...settings, apiUrl: h.server.url });
    for (const id of [byKey.id, byOAuth.id]) {
      const answer = await client.execute(id, { entity: "users", action: "list" });
      expect((answer.result as unknown[]).length).toBeGreaterThan(0);
    }
    // The old key alone can no longer read anything.
    h.key = oldKey;
    await restartHarness(h, { gongBaseUrl: sandbox.url, gongClient: { rateLimit: false } });
    const stale = new HostedApiClient({ ...settings, apiUrl: h.server.url, maxRetries: 0 });
    await expect(stale.execute(byKey.id, { entity: "users", action: "list" })).rejects.toThrow(/hosted API/);
    h.key = newKey;
  });
});
