import { statSync } from "node:fs";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJson, type RunResult, runCli, sandboxEnv, tempDir } from "./helpers.js";

let sandbox: Sandbox;
let env: Record<string, string>;
const tmp = tempDir();
const outputs: RunResult[] = [];

async function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const r = await runCli(args, { env: { ...env, ...extraEnv } });
  outputs.push(r);
  return r;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, dataSize: { calls: 450, users: 40 }, rateLimit: false });
  env = sandboxEnv(sandbox, `${tmp.dir}/config.json`);
});

afterAll(async () => {
  // No secret may appear in anything the CLI printed during this file.
  for (const r of outputs) {
    expect(r.stdout + r.stderr).not.toContain(sandbox.accessKeySecret);
    expect(r.stdout + r.stderr).not.toContain("wrong-secret-value");
  }
  await sandbox.close();
  tmp.cleanup();
});

type Page = { data: Record<string, unknown>[]; meta: Record<string, unknown> };

describe("execute", () => {
  it("prints {data, meta} of one page on stdout", async () => {
    const r = await cli(["execute", "users", "list"]);
    expect(r.code).toBe(0);
    const page = parseJson<Page>(r.stdout);
    expect(page.data).toHaveLength(40);
    expect(page.meta).toMatchObject({ hasMore: false, totalRecords: 40 });
    expect(page.data[0]).toHaveProperty("emailAddress");
  });

  it("follows every cursor with --all: every record once, nothing missing", async () => {
    const window = [
      "--param",
      "fromDateTime=2000-01-01T00:00:00Z",
      "--param",
      `toDateTime=2100-01-01T00:00:00Z`,
    ];
    sandbox.requests.clear();
    const r = await cli(["execute", "calls", "list", ...window, "--all", "--fields", "id"]);
    expect(r.code).toBe(0);
    const page = parseJson<Page>(r.stdout);
    const ids = page.data.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Gong counts private calls too; the CLI leaves them out and says how many.
    expect(ids.length + Number(page.meta.privateOmitted ?? 0)).toBe(450);
    expect(page.meta.pages).toBeGreaterThanOrEqual(5);
    const listed = [...sandbox.requests].filter((q) => q.path === "/v2/calls" && q.method === "GET");
    expect(listed).toHaveLength(Number(page.meta.pages));
    expect(page.meta).toMatchObject({ hasMore: false, returned: ids.length });
  });

  it("stops at --limit with --all and says so", async () => {
    const r = await cli([
      "execute",
      "calls",
      "list",
      "--param",
      "fromDateTime=2000-01-01",
      "--all",
      "--limit",
      "150",
    ]);
    expect(r.code).toBe(0);
    const page = parseJson<Page>(r.stdout);
    expect(page.data).toHaveLength(150);
    expect(page.meta).toMatchObject({ hasMore: true, returned: 150 });
    expect(String(page.meta.note)).toContain("--limit 150");
  });

  it("sets dotted --param keys with JSON values and projects nested --fields", async () => {
    const list = parseJson<Page>(
      (await cli(["execute", "calls", "list", "--param", "fromDateTime=2000-01-01"])).stdout,
    );
    const ids = list.data.slice(0, 2).map((c) => String(c.id));
    sandbox.requests.clear();
    const r = await cli([
      "execute",
      "calls_extensive",
      "list",
      "--param",
      `filter.callIds=${JSON.stringify(ids)}`,
      "--params",
      '{"contentSelector":{"exposedFields":{"parties":true}}}',
      "--fields",
      "metaData.id,parties.name",
    ]);
    expect(r.code).toBe(0);
    const page = parseJson<Page>(r.stdout);
    expect(page.data.map((c) => (c.metaData as { id: string }).id).sort()).toEqual([...ids].sort());
    for (const call of page.data) {
      expect(Object.keys(call).sort()).toEqual(["metaData", "parties"]);
      expect(Object.keys(call.metaData as object)).toEqual(["id"]);
      for (const party of call.parties as object[]) expect(Object.keys(party)).toEqual(["name"]);
    }
    const sent = [...sandbox.requests].find((q) => q.path === "/v2/calls/extensive");
    expect(sent).toBeDefined();
    expect((sent!.body as { filter: { callIds: string[] } }).filter.callIds).toEqual(ids);
  });
});

describe("execute download", () => {
  it("saves call media to --out and prints what was saved, never the pre-signed URL", async () => {
    const list = parseJson<Page>(
      (await cli(["execute", "calls", "list", "--param", "fromDateTime=2000-01-01"])).stdout,
    );
    const callId = String(list.data[0]!.id);
    const out = `${tmp.dir}/call.mp3`;
    const r = await cli(["execute", "call_audio", "download", "--param", `callId=${callId}`, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const saved = parseJson<{ data: { callId: string; bytes: number; out: string } }>(r.stdout).data;
    expect(saved).toMatchObject({ callId, out });
    expect(saved.bytes).toBeGreaterThan(0);
    expect(statSync(out).size).toBe(saved.bytes);
    expect(r.stdout).not.toMatch(/https?:\/\//);
    const missing = await cli(["execute", "call_audio", "download", "--param", `callId=${callId}`]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("--out FILE");
  });
});

describe("exit codes", () => {
  it("2 for refused credentials, with no secret in the message", async () => {
    const r = await cli(["execute", "users", "list", "--json-errors"], {
      GONG_ACCESS_KEY_SECRET: "wrong-secret-value",
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const report = parseJson(r.stderr.trim());
    expect(report).toMatchObject({ type: "auth", exitCode: 2, status: 401 });
  });

  it("3 for a record that does not exist", async () => {
    const r = await cli(["execute", "users", "get", "--param", "id=999999999999999", "--json-errors"]);
    expect(r.code).toBe(3);
    expect(parseJson(r.stderr.trim())).toMatchObject({ type: "not_found", exitCode: 3, status: 404 });
  });

  it("4 for invalid parameters, before any request", async () => {
    sandbox.requests.clear();
    const r = await cli(["execute", "calls", "list", "--param", "fromDateTime=yesterday"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^Error: .*fromDateTime/);
    expect([...sandbox.requests]).toHaveLength(0);
  });

  it("4 for an unknown entity, listing the valid ones", async () => {
    const r = await cli(["execute", "cals", "list", "--json-errors"]);
    expect(r.code).toBe(4);
    const report = parseJson<{ validValues?: string[]; message: string }>(r.stderr.trim());
    expect(report.message).toContain("cals");
    expect(JSON.stringify(report)).toContain("calls");
  });

  it("4 for --params that is not JSON", async () => {
    const r = await cli(["execute", "users", "list", "--params", "{nope"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("--params is not valid JSON");
  });

  it("1 for anything else (nothing listening at the base URL)", async () => {
    const r = await cli(["check", "--json-errors"], { GONG_BASE_URL: "http://127.0.0.1:9" });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)).toMatchObject({ status: "unhealthy" });
    expect(parseJson(r.stderr.trim())).toMatchObject({ type: "error", exitCode: 1 });
  });

  it("check answers healthy with 0", async () => {
    const r = await cli(["check"]);
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)).toMatchObject({ status: "healthy", checkedEntity: "users" });
  });
});
