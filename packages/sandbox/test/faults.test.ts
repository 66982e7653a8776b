import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { basicAuth, client, NOW } from "./helpers.ts";
import { validateResponse } from "./openapi.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 2, now: NOW, rateLimit: false });
  api = client(sandbox);
});
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requests.clear();
});
afterAll(() => sandbox.close());

describe("faults", () => {
  it("answers a status with Gong's error body and Retry-After, for the number of times asked", async () => {
    const handle = sandbox.faults.next({ status: 429, retryAfter: 7, times: 2 });
    expect(sandbox.faults.pending).toBe(2);
    const first = await api.get("/v2/users");
    const second = await api.get("/v2/users");
    const third = await api.get("/v2/users");
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(validateResponse("/v2/users", "GET", 429, first.json)).toEqual([]);
    expect(handle.remaining).toBe(0);
    expect(sandbox.requests.all.map((e) => e.fault)).toEqual(["status", "status", undefined]);
  });

  it("matches on method and path, and can be cancelled", async () => {
    sandbox.faults.next({ status: 503, match: { method: "POST", path: /extensive$/ } });
    expect((await api.get("/v2/users")).status).toBe(200);
    expect((await api.post("/v2/calls/extensive", { filter: {} })).status).toBe(503);
    const handle = sandbox.faults.next({ status: 500, match: { path: "/v2/workspaces" } });
    handle.cancel();
    expect((await api.get("/v2/workspaces")).status).toBe(200);
  });

  it("sends a custom body", async () => {
    sandbox.faults.next({ status: 502, body: "<html>bad gateway</html>" });
    const result = await api.get("/v2/users");
    expect(result.status).toBe(502);
    expect(result.text).toBe("<html>bad gateway</html>");
  });

  it("resets the connection", async () => {
    sandbox.faults.next({ kind: "reset" });
    await expect(
      fetch(`${sandbox.url}/v2/users`, { headers: { authorization: basicAuth(sandbox) } }),
    ).rejects.toThrow();
    expect((await api.get("/v2/users")).status).toBe(200);
    expect(sandbox.requests.all[0]!.status).toBeUndefined();
  });

  it("hangs until the client gives up", async () => {
    sandbox.faults.next({ kind: "hang" });
    const started = Date.now();
    await expect(
      fetch(`${sandbox.url}/v2/users`, {
        headers: { authorization: basicAuth(sandbox) },
        signal: AbortSignal.timeout(400),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect((await api.get("/v2/users")).status).toBe(200);
  });

  it("hangs then drops the connection after delayMs", async () => {
    sandbox.faults.next({ kind: "hang", delayMs: 200 });
    await expect(
      fetch(`${sandbox.url}/v2/users`, { headers: { authorization: basicAuth(sandbox) } }),
    ).rejects.toThrow();
  });

  it("delivers a slow body: headers first, the rest after delayMs", async () => {
    sandbox.faults.next({ kind: "slowBody", delayMs: 1000 });
    const started = Date.now();
    const response = await fetch(`${sandbox.url}/v2/workspaces`, {
      headers: { authorization: basicAuth(sandbox) },
    });
    const headersAt = Date.now() - started;
    const body = (await response.json()) as { workspaces: unknown[] };
    const bodyAt = Date.now() - started;
    expect(response.status).toBe(200);
    expect(body.workspaces).toHaveLength(3);
    expect(bodyAt).toBeGreaterThanOrEqual(950);
    expect(bodyAt - headersAt).toBeGreaterThanOrEqual(500);
  });

  it("delays a normal answer, or a status answer, by delayMs", async () => {
    sandbox.faults.next({ kind: "delay", delayMs: 500 });
    let started = Date.now();
    const late = await api.get("/v2/workspaces");
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(late.status).toBe(200);
    expect(late.json.workspaces).toHaveLength(3);

    sandbox.faults.next({ status: 504, delayMs: 400 });
    started = Date.now();
    const timedOut = await api.get("/v2/workspaces");
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(timedOut.status).toBe(504);
  });

  it("answers malformed JSON", async () => {
    sandbox.faults.next({ kind: "malformedJson" });
    const result = await api.get("/v2/users");
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/json");
    expect(() => JSON.parse(result.text)).toThrow();
    expect(result.text.startsWith('{"requestId"')).toBe(true);
  });

  it("rejects a status fault without a valid status", () => {
    expect(() => sandbox.faults.next({})).toThrow(/status/);
    expect(() => sandbox.faults.next({ status: 500, times: 0 })).toThrow(/times/);
  });
});

describe("request log", () => {
  it("records method, path, query, body, listener and status with secrets masked", async () => {
    await api.post("/v2/calls/extensive?x=1", { filter: { fromDateTime: "2026-10-01T00:00:00Z" } });
    await fetch(
      `${sandbox.oauth.tokenUrl}?grant_type=refresh_token&refresh_token=${sandbox.oauth.refreshToken}`,
      {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${sandbox.oauth.clientId}:${sandbox.oauth.clientSecret}`).toString("base64")}`,
        },
      },
    );
    const [first, second] = sandbox.requests.all;
    expect(first).toMatchObject({
      method: "POST",
      path: "/v2/calls/extensive",
      query: { x: "1" },
      body: { filter: { fromDateTime: "2026-10-01T00:00:00Z" } },
      listener: "default",
      status: 200,
    });
    expect(first!.headers.authorization).toBe("Basic ***");
    expect(first!.requestId).toMatch(/^[a-z0-9]{19}$/);
    expect(second!.query.refresh_token).toBe("***");
    const everything = JSON.stringify(sandbox.requests.all);
    expect(everything).not.toContain(sandbox.accessKeySecret);
    expect(everything).not.toContain(sandbox.oauth.clientSecret);
    expect(everything).not.toContain(sandbox.oauth.refreshToken);
    sandbox.requests.clear();
    expect(sandbox.requests.length).toBe(0);
  });
});

describe("close()", () => {
  it("ends hanging requests and stops listening", async () => {
    const other = await startSandbox({ seed: 2, now: NOW, rateLimit: false, requestLogLimit: 3 });
    other.faults.next({ kind: "hang" });
    const pending = fetch(`${other.url}/v2/users`, { headers: { authorization: basicAuth(other) } });
    // Wait until the hanging request has arrived before closing.
    for (let i = 0; i < 100 && other.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(pending).rejects.toThrow();
    await expect(fetch(`${other.url}/v2/users`)).rejects.toThrow();
  });

  it("keeps only the newest requests past requestLogLimit", async () => {
    const other = await startSandbox({ seed: 2, now: NOW, rateLimit: false, requestLogLimit: 3 });
    try {
      const api2 = client(other);
      for (const path of ["/v2/users", "/v2/workspaces", "/v2/call-outcomes", "/v2/settings/scorecards"])
        await api2.get(path);
      expect(other.requests.all.map((e) => e.path)).toEqual([
        "/v2/workspaces",
        "/v2/call-outcomes",
        "/v2/settings/scorecards",
      ]);
      expect(other.requests.all.map((e) => e.seq)).toEqual([2, 3, 4]);
    } finally {
      await other.close();
    }
  });
});
