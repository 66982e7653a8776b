import { spawn } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileTokenStore } from "../../src/auth/file-token-store.js";
import type { TokenSet } from "../../src/auth/token-store.js";
import { GongError } from "../../src/errors.js";
import { type FakeGong, startFakeGong } from "../support/fake-gong.js";
import { SecretWatch } from "../support/secret-watch.js";

const here = dirname(fileURLToPath(import.meta.url));
const watch = new SecretWatch();
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), "gong-tokens-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
afterAll(() => {
  expect(watch.leaks()).toEqual([]);
});

const pair = (n: number): TokenSet => ({
  accessToken: `at-file-${n}-aaaa`,
  refreshToken: `rt-file-${n}-bbbb`,
  expiresAt: 1_900_000_000_000 + n,
  apiBaseUrl: "https://us-1.api.gong.io",
});

describe("FileTokenStore", () => {
  it("round-trips a pair in a 0600 file and counts generations", async () => {
    const path = join(dir, "nested", "tokens.json");
    const store = new FileTokenStore(path);
    expect(await store.get()).toBeUndefined();
    expect(await store.set(pair(1), 0)).toEqual({ ok: true, generation: 1 });
    expect(await store.set(pair(2), 1)).toEqual({ ok: true, generation: 2 });
    expect(await new FileTokenStore(path).get()).toEqual({ generation: 2, tokens: pair(2) });
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600);
    // Written through a temporary file and a rename: nothing else is left behind.
    expect(await fs.readdir(join(dir, "nested"))).toEqual(["tokens.json"]);
  });

  it("refuses a write based on a stale generation (compare-and-swap)", async () => {
    const store = new FileTokenStore(join(dir, "t.json"));
    await store.set(pair(1), 0);
    const result = await store.set(pair(9), 0);
    expect(result).toEqual({ ok: false, current: { generation: 1, tokens: pair(1) } });
    expect((await store.get())?.tokens).toEqual(pair(1));
  });

  it("reports a corrupt file instead of treating it as empty", async () => {
    const path = join(dir, "t.json");
    await fs.writeFile(path, "{not json");
    const error = await watch.catch(() => new FileTokenStore(path).get());
    expect(error).toBeInstanceOf(GongError);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("reports a write it cannot make", async () => {
    const blocker = join(dir, "file");
    await fs.writeFile(blocker, "x");
    const store = new FileTokenStore(join(blocker, "t.json"));
    const error = await watch.catch(() => store.set(pair(1), 0));
    expect(error).toBeInstanceOf(GongError);
  });

  it("serializes lock holders, also across store instances", async () => {
    const path = join(dir, "t.json");
    const a = new FileTokenStore(path);
    const b = new FileTokenStore(path);
    const log: string[] = [];
    const hold = (store: FileTokenStore, name: string) =>
      store.lock(async () => {
        log.push(`${name}:in`);
        await new Promise((r) => setTimeout(r, 50));
        // A set inside the lock does not deadlock on the lock itself.
        const current = await store.get();
        await store.set(pair((current?.generation ?? 0) + 1), current?.generation ?? 0);
        log.push(`${name}:out`);
      });
    await Promise.all([hold(a, "a"), hold(b, "b"), hold(a, "c")]);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace(":in", ":out"));
    expect((await a.get())?.generation).toBe(3);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("takes over a lock left by a process that died", async () => {
    const path = join(dir, "t.json");
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => dead.on("exit", r));
    await fs.writeFile(
      `${path}.lock`,
      JSON.stringify({ pid: dead.pid, host: (await import("node:os")).hostname(), token: "x", since: 0 }),
    );
    const store = new FileTokenStore(path, { lockTimeoutMs: 5000 });
    const started = performance.now();
    expect(await store.lock(async () => "got it")).toBe("got it");
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("takes over a lock nobody has touched for staleLockMs", async () => {
    const path = join(dir, "t.json");
    await fs.writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, host: "elsewhere", token: "old" }));
    const old = new Date(Date.now() - 10_000);
    await fs.utimes(`${path}.lock`, old, old);
    const store = new FileTokenStore(path, { staleLockMs: 2000, lockTimeoutMs: 5000 });
    expect(await store.lock(async () => "taken over")).toBe("taken over");
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("times out with a clear message when a live process holds the lock", async () => {
    const path = join(dir, "t.json");
    await fs.writeFile(
      `${path}.lock`,
      JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), token: "other" }),
    );
    const store = new FileTokenStore(path, { lockTimeoutMs: 300 });
    const error = await watch.catch(() => store.lock(async () => "never"));
    expect(error.message).toMatch(/Timed out after 300 ms waiting for the token-file lock/);
  });
});

describe("three processes sharing one FileTokenStore", () => {
  let gong: FakeGong;
  beforeEach(async () => {
    gong = await startFakeGong();
  });
  afterEach(async () => {
    watch.add(...gong.oauth.issued);
    await gong.close();
  });

  it("rotate the single-use refresh token exactly once", { timeout: 60_000 }, async () => {
    const built = join(here, "../../dist/index.js");
    expect(existsSync(built), "packages/core must be built (pnpm build) before this test").toBe(true);
    gong.oauth.delayMs = 150; // a slow token endpoint widens the race window
    const storePath = join(dir, "shared-tokens.json");
    const config = {
      refreshToken: gong.oauth.newRefreshToken(),
      accessToken: gong.oauth.newAccessToken(-1000),
      expiresAt: Date.now() - 1000,
      clientId: gong.oauth.clientId,
      clientSecret: gong.oauth.clientSecret,
      tokenUrl: gong.tokenUrl,
      baseUrl: gong.url,
      storePath,
      startAt: Date.now() + 1500,
    };
    const runChild = () =>
      new Promise<{ ok: number; failures: string[] }>((resolve, reject) => {
        const child = spawn(process.execPath, [join(here, "../support/refresh-child.mjs")], {
          env: { ...process.env, GONG_TEST_CHILD_CONFIG: JSON.stringify(config), GONG_AGENT_LOG: "debug" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d;
        });
        child.stderr.on("data", (d: Buffer) => {
          err += d;
        });
        child.on("error", reject);
        child.on("exit", (code) => {
          watch.lines.push(...err.split("\n").filter(Boolean));
          if (code !== 0) reject(new Error(`child exited with ${code}: ${err.slice(0, 500)}`));
          else resolve(JSON.parse(out.trim()) as { ok: number; failures: string[] });
        });
      });
    const results = await Promise.all([runChild(), runChild(), runChild()]);
    for (const result of results) watch.errors.push(...result.failures);

    expect(results.map((r) => r.failures)).toEqual([[], [], []]);
    expect(results.map((r) => r.ok)).toEqual([10, 10, 10]);
    expect(gong.oauth.refreshCount).toBe(1);
    expect(gong.oauth.invalidGrantCount).toBe(0);
    expect(gong.apiAuthorizations).toHaveLength(30);
    const stored = await new FileTokenStore(storePath).get();
    expect(stored?.generation).toBe(1);
    // The file holds the newest pair: its refresh token is the one Gong still accepts.
    expect(gong.oauth.validRefreshTokens.has(stored!.tokens.refreshToken)).toBe(true);
    expect(new Set(gong.apiAuthorizations)).toEqual(new Set([`Bearer ${stored!.tokens.accessToken}`]));
    expect(watch.lines.some((l) => l.includes("OAuth access token refreshed"))).toBe(true);
  });
});
