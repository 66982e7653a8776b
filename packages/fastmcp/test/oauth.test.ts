/**
 * OAuth through the `gong-mcp` server: Gong refresh tokens are single-use, so the server must save the
 * rotated pair to its token file before using it, and a restart with the (now spent) refresh token from
 * the client's config must keep working from that file.
 */
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStdio, textOf } from "./helpers/stdio-server.js";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, rateLimit: false });
});
afterAll(async () => {
  await sandbox?.close();
});

describe("OAuth credentials from the environment", () => {
  it("rotates the single-use refresh token into the token file and survives a restart", async () => {
    const home = mkdtempSync(join(tmpdir(), "gong-mcp-oauth-"));
    const tokenFile = join(home, "tokens.json");
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      GONG_REFRESH_TOKEN: sandbox.oauth.refreshToken,
      GONG_CLIENT_ID: sandbox.oauth.clientId,
      GONG_CLIENT_SECRET: sandbox.oauth.clientSecret,
      GONG_TOKEN_URL: sandbox.oauth.tokenUrl,
      GONG_TOKEN_FILE: tokenFile,
    };

    const listUsers = async () => {
      const session = await connectStdio(env);
      try {
        const result = await session.client.callTool({
          name: "gong_execute",
          arguments: { entity: "users", action: "list" },
        });
        return { result, stderr: session.stderr() };
      } finally {
        await session.close();
      }
    };

    const first = await listUsers();
    expect(first.result.isError, textOf(first.result)).not.toBe(true);
    expect((JSON.parse(textOf(first.result)) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    const saved = readFileSync(tokenFile, "utf8");
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    // The token in the environment is spent; the file holds its successor.
    expect(saved).not.toContain(sandbox.oauth.refreshToken);

    // A restart with the same (spent) environment works from the file.
    const second = await listUsers();
    expect(second.result.isError, textOf(second.result)).not.toBe(true);

    for (const text of [textOf(first.result), textOf(second.result), first.stderr, second.stderr]) {
      expect(text).not.toContain(sandbox.oauth.refreshToken);
      expect(text).not.toContain(sandbox.oauth.clientSecret);
    }
  });
});
