/**
 * Two server processes on one database, one OAuth connector with an expired access token, executions
 * arriving at both at once: the database lease lets exactly one process spend the refresh token.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HostedApiClient } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../src/index.js";

const BIN = resolve(import.meta.dirname, "../dist/bin.js");
const dir = mkdtempSync(join(tmpdir(), "gong-agent-multi-"));
const db = join(dir, "shared.db");
const children: ChildProcess[] = [];
let sandbox: Sandbox;

function startProcess(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--db", db], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  return new Promise((resolveUrl, reject) => {
    let text = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolveUrl(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, rateLimit: false, dataSize: "small" });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("several server processes sharing one database", () => {
  it("refresh an expired OAuth connector once between them, and every execution succeeds", async () => {
    const org = await createOrganization({ name: "Shared", dbPath: db });
    const env = {
      PATH: process.env["PATH"] ?? "",
      GONG_AGENT_SERVER_KEY: randomBytes(32).toString("base64"),
      GONG_BASE_URL: sandbox.url,
      GONG_OAUTH_TOKEN_URL: sandbox.oauth.tokenUrl,
    };
    const [urlA, urlB] = await Promise.all([startProcess(env), startProcess(env)]);
    const clientA = new HostedApiClient({
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      apiUrl: urlA!,
    });
    const clientB = new HostedApiClient({
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      apiUrl: urlB!,
    });
    const connector = await clientA.createConnector({
      workspaceName: "default",
      name: "Gong OAuth",
      credentials: {
        refresh_token: sandbox.oauth.refreshToken,
        client_id: sandbox.oauth.clientId,
        client_secret: sandbox.oauth.clientSecret,
      },
    });
    // Gong rotates at once but answers slowly, so the other process asks while the new pair is in flight.
    sandbox.faults.next({
      kind: "slowBody",
      match: { path: "/oauth2/generate-customer-token" },
      times: 2,
      delayMs: 1500,
    });
    const runs = Array.from({ length: 16 }, (_, i) =>
      (i % 2 === 0 ? clientA : clientB).execute(connector.id, { entity: "users", action: "list" }),
    );
    const results = await Promise.allSettled(runs);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const refreshes = sandbox.requests.filter((r) => r.path === "/oauth2/generate-customer-token");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.status).toBe(200);
  });
});
