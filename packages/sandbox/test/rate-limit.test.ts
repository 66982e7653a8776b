import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, NOW } from "./helpers.ts";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("rate limits", () => {
  it("answers the 4th call within a second with 429 and Retry-After (Gong's default 3/s)", async () => {
    sandbox = await startSandbox({ seed: 1, now: NOW });
    const api = client(sandbox);
    // Fired together, so all four land well inside one second even on a loaded machine.
    const results = await Promise.all([1, 2, 3, 4].map(() => api.get("/v2/workspaces")));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.json.errors[0]).toMatch(/rate limit/i);
    // The log saw four arrivals, and the server-side timing of the first three is within a second.
    const arrivals = sandbox.requests.forPath("/v2/workspaces");
    expect(arrivals).toHaveLength(4);
    expect(arrivals.filter((e) => e.status === 429)).toHaveLength(1);

    // After the window passes, calls go through again.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await api.get("/v2/workspaces")).status).toBe(200);
  });

  it("enforces a daily quota with a long Retry-After", async () => {
    sandbox = await startSandbox({ seed: 1, now: NOW, rateLimit: { perSecond: 100, perDay: 5 } });
    const api = client(sandbox);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.get("/v2/workspaces")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await api.get("/v2/workspaces");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(1);
  });

  it("lets everything through when turned off", async () => {
    sandbox = await startSandbox({ seed: 1, now: NOW, rateLimit: false });
    const api = client(sandbox);
    const results = await Promise.all(Array.from({ length: 30 }, () => api.get("/v2/workspaces")));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it("does not count OAuth or unauthenticated requests against the tenant", async () => {
    sandbox = await startSandbox({ seed: 1, now: NOW, rateLimit: { perSecond: 2 } });
    const api = client(sandbox);
    for (let i = 0; i < 5; i++) await fetch(`${sandbox.url}/v2/users`);
    expect((await api.get("/v2/workspaces")).status).toBe(200);
  });
});
