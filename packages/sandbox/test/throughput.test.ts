import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { basicAuth, NOW } from "./helpers.ts";

let sandbox: Sandbox;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 4,
    now: NOW,
    rateLimit: false,
    dataSize: "large",
    requestLogLimit: 100,
  });
});
afterAll(async () => {
  agent.destroy();
  await sandbox.close();
});

/** A lean keep-alive GET, so the client costs little next to the server. */
function get(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: basicAuth(sandbox) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("throughput (printed; asserted only very loosely)", () => {
  it("serves small requests quickly with rate limits off", async () => {
    const seconds = 1.5;
    const deadline = Date.now() + seconds * 1000;
    let count = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        const r = await get("/v2/workspaces");
        if (r.status !== 200) throw new Error(`status ${r.status}`);
        count++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const rate = Math.round(count / seconds);
    console.log(
      `sandbox throughput: ${rate} requests/s (GET /v2/workspaces, 8 connections, client in the same process)`,
    );
    expect(rate).toBeGreaterThan(100);
  });

  it("pages through 100,000 calls: every call once", async () => {
    const started = Date.now();
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await get(`/v2/calls${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(r.status).toBe(200);
      const json = JSON.parse(r.body);
      for (const c of json.calls) seen.add(c.id);
      cursor = json.records.cursor;
      pages++;
    } while (cursor);
    const ms = Date.now() - started;
    console.log(
      `paged 100,000 calls in ${pages} requests, ${ms} ms (${Math.round((pages * 1000) / ms)} pages/s)`,
    );
    expect(pages).toBe(1000);
    expect(seen.size).toBe(100_000);
  }, 120_000);
});
