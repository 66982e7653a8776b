import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRescueFile, rescueFolders, writeRescueFile } from "../src/config/rescue.js";
import { parseJson, type RunResult, runCli, tempDir } from "./helpers.js";

let sandbox: Sandbox;
const tmp = tempDir();

beforeAll(async () => {
  // Access tokens that expire at once: every command rotates the single-use refresh token.
  sandbox = await startSandbox({ seed: 11, dataSize: "small", rateLimit: false, tokenTtlSeconds: 1 });
});

afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

interface Config {
  gong?: { type: string; refreshToken: string; accessToken?: string; generation?: number };
  oauthFromEnv?: { supersedes: string; refreshToken: string; generation: number };
  notes?: string;
}
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Config;

/** A config file larger than the write limit used below, so rewriting it fails while small files still work. */
const PADDING = "x".repeat(8000);
const FILE_LIMIT_BLOCKS = 8; // 4 KiB: the lock file and a rescue file fit, the padded config does not

function tokenRequests(): number {
  return [...sandbox.requests].filter((q) => q.path.includes("generate-customer-token")).length;
}

function rescuePathIn(r: RunResult): string {
  const match = /gong-agent login --from-rescue (\S+)/.exec(r.stderr);
  if (!match) throw new Error(`no rescue command in stderr: ${r.stderr}`);
  return match[1]!;
}

function expectNoSecret(r: RunResult, secrets: string[]) {
  for (const secret of secrets) {
    expect(r.stdout).not.toContain(secret);
    expect(r.stderr).not.toContain(secret);
  }
}

describe("rotated OAuth tokens that cannot be saved", () => {
  it("rescues the new pair to a 0600 file that `login --from-rescue` restores for the next run", async () => {
    const folder = join(tmp.dir, "login");
    mkdirSync(folder);
    const config = join(folder, "config.json");
    const original = sandbox.oauth.refreshToken;
    writeFileSync(
      config,
      JSON.stringify({
        version: 1,
        notes: PADDING,
        gong: {
          type: "oauth",
          refreshToken: original,
          clientId: sandbox.oauth.clientId,
          clientSecret: sandbox.oauth.clientSecret,
          tokenUrl: sandbox.oauth.tokenUrl,
        },
      }),
      { mode: 0o600 },
    );
    const env = { GONG_AGENT_CONFIG: config };
    sandbox.requests.clear();

    const failed = await runCli(["execute", "users", "list", "--fields", "id"], {
      env,
      maxFileBlocks: FILE_LIMIT_BLOCKS,
    });
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/Gong issued new OAuth tokens, but saving them failed/);
    expect(failed.stderr).toContain("EFBIG");
    // Gong rotated once; the unsaved access token was never used for data.
    expect(tokenRequests()).toBe(1);
    expect([...sandbox.requests].filter((q) => q.path === "/v2/users")).toHaveLength(0);
    // The config file is untouched (it still holds the spent token) ...
    expect(read(config).gong!.refreshToken).toBe(original);
    // ... and the live pair is in a private rescue file beside it, named on stderr but never printed.
    const rescuePath = rescuePathIn(failed);
    expect(dirname(rescuePath)).toBe(folder);
    expect(statSync(rescuePath).mode & 0o777).toBe(0o600);
    const rescued = await readRescueFile(rescuePath);
    expect(rescued.lineage).toEqual({ kind: "login" });
    expect(rescued.tokens.refreshToken).not.toBe(original);
    expectNoSecret(failed, [original, rescued.tokens.refreshToken, rescued.tokens.accessToken]);

    const restored = await runCli(["login", "--from-rescue", rescuePath], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toContain("Restored the rescued OAuth tokens");
    expectNoSecret(restored, [rescued.tokens.refreshToken, rescued.tokens.accessToken]);
    expect(readdirSync(folder).filter((f) => f.includes("rescue"))).toEqual([]); // the live token is not left behind
    const afterRestore = read(config);
    expect(afterRestore.gong!.refreshToken).toBe(rescued.tokens.refreshToken);
    expect(afterRestore.notes).toBe(PADDING); // the rest of the config is kept
    expect(statSync(config).mode & 0o777).toBe(0o600);

    // The next run spends the rescued refresh token: the sandbox accepts it and rotates again.
    sandbox.requests.clear();
    const next = await runCli(["execute", "users", "list", "--fields", "id"], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(parseJson<{ data: unknown[] }>(next.stdout).data.length).toBeGreaterThan(0);
    expect(tokenRequests()).toBe(1);
    const rotated = read(config).gong!;
    expect(rotated.refreshToken).not.toBe(rescued.tokens.refreshToken);
    expect(rotated.generation).toBe((afterRestore.gong!.generation ?? 0) + 1);
    expectNoSecret(next, [rescued.tokens.refreshToken, rotated.refreshToken]);
  });

  it("rescues the successor of a GONG_REFRESH_TOKEN and restores it for the same environment", async () => {
    // A live token to start from: rotate the previous test's token once through the CLI.
    const seedConfig = join(tmp.dir, "login", "config.json");
    expect((await runCli(["check"], { env: { GONG_AGENT_CONFIG: seedConfig } })).code).toBe(0);
    const envToken = read(seedConfig).gong!.refreshToken;

    const folder = join(tmp.dir, "env");
    mkdirSync(folder);
    const config = join(folder, "config.json");
    writeFileSync(config, JSON.stringify({ version: 1, notes: PADDING }), { mode: 0o600 });
    const env = {
      GONG_AGENT_CONFIG: config,
      GONG_REFRESH_TOKEN: envToken,
      GONG_CLIENT_ID: sandbox.oauth.clientId,
      GONG_CLIENT_SECRET: sandbox.oauth.clientSecret,
      GONG_TOKEN_URL: sandbox.oauth.tokenUrl,
    };
    const failed = await runCli(["check", "--json-errors"], { env, maxFileBlocks: FILE_LIMIT_BLOCKS });
    expect(failed.code).toBe(1);
    const report = parseJson<{ message: string; hint: string }>(failed.stderr);
    expect(report.message).toMatch(/written to .*gong-agent-oauth-rescue-.*\.json \(mode 0600\)/);
    const rescuePath = /--from-rescue (\S+)/.exec(report.hint)![1]!;
    const rescued = await readRescueFile(rescuePath);
    expect(rescued.lineage.kind).toBe("environment");
    expectNoSecret(failed, [envToken, rescued.tokens.refreshToken, rescued.tokens.accessToken]);

    expect((await runCli(["login", "--from-rescue", rescuePath], { env })).code).toBe(0);
    expect(read(config).oauthFromEnv!.refreshToken).toBe(rescued.tokens.refreshToken);
    // The environment still names the spent token; the restored successor is what the next run uses.
    const next = await runCli(["check"], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(read(config).oauthFromEnv!.refreshToken).not.toBe(rescued.tokens.refreshToken);
  });
});

describe("rescue files", () => {
  const pair = { accessToken: "at-123456", refreshToken: "rt-123456", expiresAt: 1 };

  it("go to the OS temp folder when the config folder cannot take them", async () => {
    const notAFolder = join(tmp.dir, "plain-file");
    writeFileSync(notAFolder, "");
    const fallback = join(tmp.dir, "fallback");
    mkdirSync(fallback);
    const configPath = join(notAFolder, "config.json");
    const folders = rescueFolders(configPath, fallback);
    expect(folders).toEqual([notAFolder, fallback]);
    const path = await writeRescueFile(
      { configPath, lineage: { kind: "login" }, tokens: pair, client: {} },
      folders,
    );
    expect(dirname(path)).toBe(fallback);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await readRescueFile(path)).tokens).toEqual(pair);
  });

  it("fail with a message free of tokens when no folder takes them", async () => {
    const notAFolder = join(tmp.dir, "plain-file-2");
    writeFileSync(notAFolder, "");
    const error = await writeRescueFile(
      { configPath: join(notAFolder, "c.json"), lineage: { kind: "login" }, tokens: pair, client: {} },
      [notAFolder],
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Could not write a rescue file in .*ENOTDIR/);
    expect((error as Error).message).not.toContain(pair.refreshToken);
  });

  it("are refused by `login --from-rescue` when the file is not one", async () => {
    const bogus = join(tmp.dir, "bogus.json");
    writeFileSync(bogus, JSON.stringify({ refreshToken: "x" }));
    const r = await runCli(["login", "--from-rescue", bogus], {
      env: { GONG_AGENT_CONFIG: join(tmp.dir, "unused.json") },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("is not a gong-agent OAuth rescue file");
  });
});
