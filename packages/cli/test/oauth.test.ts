import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJson, runCli, tempDir } from "./helpers.js";

let sandbox: Sandbox;
const tmp = tempDir();

interface Config {
  gong?: { type: string; refreshToken: string; accessToken?: string; baseUrl?: string; generation?: number };
  oauthFromEnv?: { supersedes: string; refreshToken: string; generation: number };
}

beforeAll(async () => {
  // Access tokens that expire at once: every command has to rotate the single-use refresh token.
  sandbox = await startSandbox({ seed: 9, dataSize: "small", rateLimit: false, tokenTtlSeconds: 1 });
});

afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

function writeOAuthConfig(path: string, refreshToken: string, sb: Sandbox = sandbox) {
  writeFileSync(
    path,
    JSON.stringify({
      version: 1,
      gong: {
        type: "oauth",
        refreshToken,
        clientId: sb.oauth.clientId,
        clientSecret: sb.oauth.clientSecret,
        tokenUrl: sb.oauth.tokenUrl,
      },
    }),
    { mode: 0o600 },
  );
}

const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Config;

function chattrWorks(): boolean {
  try {
    execFileSync("chattr", ["-i", tmp.dir], { stdio: "ignore" });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

describe("OAuth refresh-token rotation", () => {
  it("writes every rotated refresh token to the config file, so the next command can use it", async () => {
    const config = `${tmp.dir}/login.json`;
    const original = sandbox.oauth.refreshToken;
    writeOAuthConfig(config, original);
    const seen = new Set([original]);
    for (let run = 1; run <= 3; run++) {
      const r = await runCli(["execute", "users", "list", "--fields", "id"], {
        env: { GONG_AGENT_CONFIG: config },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(parseJson<{ data: unknown[] }>(r.stdout).data.length).toBeGreaterThan(0);
      const stored = read(config).gong!;
      expect(seen.has(stored.refreshToken)).toBe(false);
      seen.add(stored.refreshToken);
      expect(stored.baseUrl).toBe(sandbox.oauth.apiBaseUrl);
      expect(stored.generation).toBe(run);
      expect(statSync(config).mode & 0o777).toBe(0o600);
      for (const token of seen) expect(r.stdout + r.stderr).not.toContain(token);
    }
    // The spent original really is dead: a config still holding it cannot refresh any more.
    const stale = `${tmp.dir}/stale.json`;
    writeOAuthConfig(stale, original);
    const dead = await runCli(["check", "--json-errors"], { env: { GONG_AGENT_CONFIG: stale } });
    expect(dead.code).toBe(2);
    expect(dead.stderr).not.toContain(original);
  });

  it("keeps the successor of a GONG_REFRESH_TOKEN in the config file and uses it on the next run", async () => {
    // A fresh single-use token, obtained by rotating the login token once through the CLI.
    const config = `${tmp.dir}/env.json`;
    writeOAuthConfig(config, read(`${tmp.dir}/login.json`).gong!.refreshToken);
    expect((await runCli(["check"], { env: { GONG_AGENT_CONFIG: config } })).code).toBe(0);
    const envToken = read(config).gong!.refreshToken;
    const envConfig = `${tmp.dir}/env-only.json`;
    const env = {
      GONG_AGENT_CONFIG: envConfig,
      GONG_REFRESH_TOKEN: envToken,
      GONG_CLIENT_ID: sandbox.oauth.clientId,
      GONG_CLIENT_SECRET: sandbox.oauth.clientSecret,
      GONG_TOKEN_URL: sandbox.oauth.tokenUrl,
    };
    for (let run = 1; run <= 2; run++) {
      const r = await runCli(["check"], { env });
      expect(r.code, r.stderr).toBe(0);
      const rotated = read(envConfig).oauthFromEnv!;
      expect(rotated.refreshToken).not.toBe(envToken);
      expect(rotated.generation).toBe(run);
      expect(readFileSync(envConfig, "utf8")).not.toContain(envToken);
    }
  });

  it("lets several processes share one config file: one refresh, every command succeeds", async () => {
    const config = `${tmp.dir}/shared.json`;
    // A sandbox whose access tokens live an hour: after the first refresh nobody needs another.
    const longLived = await startSandbox({
      seed: 10,
      dataSize: "small",
      rateLimit: false,
      tokenTtlSeconds: 3600,
    });
    try {
      writeOAuthConfig(config, longLived.oauth.refreshToken, longLived);
      const runs = await Promise.all(
        [1, 2, 3, 4].map(() =>
          runCli(["execute", "users", "list", "--fields", "id"], { env: { GONG_AGENT_CONFIG: config } }),
        ),
      );
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const refreshes = [...longLived.requests].filter((q) => q.path.includes("generate-customer-token"));
      expect(refreshes).toHaveLength(1);
      expect(read(config).gong!.generation).toBe(1);
    } finally {
      await longLived.close();
    }
  });

  it.skipIf(!chattrWorks())(
    "fails the command when the rotated token cannot be saved, before using it",
    async () => {
      const config = `${tmp.dir}/readonly.json`;
      // The newest live token is the successor the previous test stored.
      writeOAuthConfig(config, read(`${tmp.dir}/env-only.json`).oauthFromEnv!.refreshToken);
      execFileSync("chattr", ["+i", config]);
      try {
        sandbox.requests.clear();
        const r = await runCli(["execute", "users", "list"], { env: { GONG_AGENT_CONFIG: config } });
        expect(r.code).not.toBe(0);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain(config);
        const tokenCalls = [...sandbox.requests].filter((q) => q.path.includes("generate-customer-token"));
        expect(tokenCalls.length).toBeGreaterThan(0);
        // The unsaved access token was never used.
        expect([...sandbox.requests].filter((q) => q.path === "/v2/users")).toHaveLength(0);
      } finally {
        execFileSync("chattr", ["-i", config]);
      }
    },
  );
});
