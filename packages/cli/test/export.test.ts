import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, runCli, sandboxEnv, spawnCli, tempDir } from "./helpers.js";

let sandbox: Sandbox;
let env: Record<string, string>;
const tmp = tempDir();
// A fixed window, so every run asks for exactly the same records.
const window = ["--since", "2000-01-01", "--until", "2100-01-01"];

beforeAll(async () => {
  // Gong's 3 requests/second stays on: it keeps the export slow enough to be killed mid-way.
  sandbox = await startSandbox({ seed: 5, dataSize: { calls: 600, users: 30 } });
  env = sandboxEnv(sandbox, `${tmp.dir}/config.json`);
});

afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

function lines(path: string): string[] {
  return readFileSync(path, "utf8").trimEnd().split("\n");
}

async function waitForCheckpointPages(path: string, pages: number, timeoutMs = 40_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const cp = JSON.parse(readFileSync(path, "utf8")) as { pages: number };
      if (cp.pages >= pages) return;
    } catch {
      // Not written yet.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`checkpoint ${path} never reached ${pages} pages`);
}

async function exportOnce(entity: string, out: string, extra: string[] = []) {
  return runCli(["export", entity, ...window, "--out", out, ...extra], { env, timeoutMs: 90_000 });
}

describe.each([
  { entity: "calls", killAfterPages: 3 },
  { entity: "call_transcripts", killAfterPages: 4 },
])("export $entity", ({ entity, killAfterPages }) => {
  it("killed mid-way (SIGKILL) and resumed equals an uninterrupted export byte for byte", async () => {
    const full = `${tmp.dir}/${entity}-full.jsonl`;
    const r = await exportOnce(entity, full);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(`${full}.checkpoint.json`)).toBe(false);
    const expected = readFileSync(full);
    const records = lines(full).map((l) => JSON.parse(l) as Record<string, unknown>);
    const ids = records.map((rec) => String(rec.id ?? rec.callId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(records.length).toBeGreaterThan(200);

    const out = `${tmp.dir}/${entity}-killed.jsonl`;
    const child = spawnCli(["export", entity, ...window, "--out", out], { env });
    const done = collect(child, { timeoutMs: 90_000 });
    await waitForCheckpointPages(`${out}.checkpoint.json`, killAfterPages);
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");
    const partial = statSync(out).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected.length);
    // Bytes written after the last checkpoint (a torn record) must be discarded on resume.
    await appendFile(out, '{"torn":');

    const resumed = await exportOnce(entity, out);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain("Resuming export");
    expect(readFileSync(out).equals(expected)).toBe(true);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(false);
  });
});

describe("export interrupted with Ctrl+C", () => {
  it("stops with exit 1, keeps the checkpoint, and resumes to the same bytes", async () => {
    const full = `${tmp.dir}/calls-full.jsonl`;
    const expected = readFileSync(full);
    const out = `${tmp.dir}/calls-sigint.jsonl`;
    const child = spawnCli(["export", "calls", ...window, "--out", out], { env });
    const done = collect(child, { timeoutMs: 90_000 });
    await waitForCheckpointPages(`${out}.checkpoint.json`, 2);
    child.kill("SIGINT");
    const stopped = await done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("Export interrupted; the checkpoint is saved");
    expect(existsSync(`${out}.checkpoint.json`)).toBe(true);
    const resumed = await exportOnce("calls", out);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(out).equals(expected)).toBe(true);
  });
});

describe("export", () => {
  it("asks for transcripts in batches of many call ids, not one request per call", async () => {
    sandbox.requests.clear();
    const out = `${tmp.dir}/batched.jsonl`;
    // The last 60 days (about a third of the calls) are plenty to see batching.
    const since = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const r = await runCli(
      ["export", "call_transcripts", "--since", since, "--out", out, "--batch-size", "50"],
      {
        env,
        timeoutMs: 90_000,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const transcriptRequests = [...sandbox.requests].filter(
      (q) => q.path === "/v2/calls/transcript" && q.status === 200,
    );
    const callIds = transcriptRequests.flatMap(
      (q) => (q.body as { filter: { callIds: string[] } }).filter.callIds,
    );
    expect(transcriptRequests.length).toBeGreaterThan(1);
    expect(
      Math.max(
        ...transcriptRequests.map((q) => (q.body as { filter: { callIds: string[] } }).filter.callIds.length),
      ),
    ).toBe(50);
    // Each call id is asked for once (a batch is only repeated with a cursor for its next page).
    const firstPages = transcriptRequests.filter((q) => !(q.body as { cursor?: string }).cursor);
    const asked = firstPages.flatMap((q) => (q.body as { filter: { callIds: string[] } }).filter.callIds);
    expect(new Set(asked).size).toBe(asked.length);
    expect(callIds.length).toBeGreaterThanOrEqual(asked.length);
    const transcripts = lines(out).map((l) => JSON.parse(l) as { callId: string });
    for (const t of transcripts) expect(asked).toContain(t.callId);
  });

  it("writes plain progress lines to a non-terminal stderr, JSONL to stdout without --out", async () => {
    const r = await runCli(["export", "users"], { env });
    expect(r.code, r.stderr).toBe(0);
    const records = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string });
    expect(records).toHaveLength(30);
    expect(r.stderr).toMatch(/done users: 30 records, 1 pages, [\d.]+ rec\/s, in \d+s/);
    expect(r.stderr).not.toContain("\r");
  });

  it("refuses to overwrite a finished export without --force, and to resume a different one", async () => {
    const out = `${tmp.dir}/users.jsonl`;
    expect((await runCli(["export", "users", "--out", out], { env })).code).toBe(0);
    const again = await runCli(["export", "users", "--out", out], { env });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("already exists");
    writeFileSync(
      `${out}.checkpoint.json`,
      JSON.stringify({
        format: "gong-agent-export",
        version: 1,
        request: { entity: "calls", action: "list", params: {} },
        params: {},
        state: { kind: "pages", finished: false },
        offset: 0,
        records: 0,
        pages: 0,
        startedAt: new Date().toISOString(),
      }),
    );
    const other = await runCli(["export", "users", "--out", out], { env });
    expect(other.code).toBe(4);
    expect(other.stderr).toContain("belongs to a different export");
    expect((await runCli(["export", "users", "--out", out, "--force"], { env })).code).toBe(0);
    expect(lines(out)).toHaveLength(30);
  });

  it("keeps stderr to the one error object with --json-errors", async () => {
    const ok = await runCli(["export", "users", "--json-errors"], { env });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("");
    const bad = await runCli(
      ["export", "calls", "--since", "2100-01-01", "--until", "2000-01-01", "--json-errors"],
      { env },
    );
    expect(bad.code).toBe(4);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ type: "validation", exitCode: 4 });
  });

  it("refuses --since on an operation without a date window", async () => {
    const r = await runCli(["export", "users", "--since", "2024-01-01"], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("no date window");
  });
});
