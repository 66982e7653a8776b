import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { GongAbortError, GongRateLimitError, GongTimeoutError } from "../../src/errors.js";
import { createGongClient, SlidingWindowRateLimiter } from "../../src/transport/index.js";
import { json, startTestServer, type TestServer } from "../support/http-server.js";
import { SecretWatch } from "../support/secret-watch.js";

const watch = new SecretWatch();
const auth = { accessKey: "AK-limit-5d1c", accessKeySecret: "SK-limit-e09a77c3" };
watch.add(auth.accessKeySecret, auth.accessKey);

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer((_req, res) => json(res, 200, { requestId: "r", users: [] }));
});
afterEach(async () => {
  await server.close();
});
afterAll(() => {
  expect(watch.leaks()).toEqual([]);
});

/** The largest number of arrivals inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[i]! < windowMs) j++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}

describe("client-side rate limiter", () => {
  it("keeps 30 back-to-back calls to at most 3 in any second, measured at the server", {
    timeout: 40_000,
  }, async () => {
    const client = createGongClient({ auth, baseUrl: server.url, logger: watch.logger });
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => client.request({ method: "GET", path: "/v2/users" })),
    );
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.status === 200)).toBe(true);
    const arrivals = server.requests.map((r) => r.at);
    expect(arrivals).toHaveLength(30);
    // Gong's window is one second; the limiter spaces by 1050 ms, and the test allows 100 ms of scheduling jitter on a loaded machine.
    expect(maxInWindow(arrivals, 1000 - 100)).toBeLessThanOrEqual(3);
    // Not slower than needed either: 30 calls at 3/s take about 9.5 s.
    expect(elapsed).toBeGreaterThan(9000);
    expect(elapsed).toBeLessThan(25_000);
  });

  it("is shared by every client of the same tenant in the process", { timeout: 20_000 }, async () => {
    const a = createGongClient({ auth, baseUrl: server.url, logger: watch.logger });
    const b = createGongClient({ auth, baseUrl: server.url, logger: watch.logger });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).request({ method: "GET", path: "/v2/users" })),
    );
    expect(
      maxInWindow(
        server.requests.map((r) => r.at),
        900,
      ),
    ).toBeLessThanOrEqual(3);
    // One shared budget: 8 calls need at least two full windows.
    expect(server.requests.at(-1)!.at - server.requests[0]!.at).toBeGreaterThan(1900);
  });

  it("fails fast with GongRateLimitError when the daily budget is spent, saying when it resets", async () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 100, perDay: 5 });
    const client = createGongClient({ auth, baseUrl: server.url, rateLimit: limiter, logger: watch.logger });
    for (let i = 0; i < 5; i++) await client.request({ method: "GET", path: "/v2/users" });
    const error = await watch.catch(() => client.request({ method: "GET", path: "/v2/users" }));
    expect(error).toBeInstanceOf(GongRateLimitError);
    const retryAfterMs = (error as GongRateLimitError).retryAfterMs!;
    expect(retryAfterMs).toBeGreaterThan(23 * 60 * 60 * 1000);
    expect(retryAfterMs).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(error.message).toMatch(/daily budget of 5 .* resets at \d{4}-\d\d-\d\dT/);
    expect(server.requests).toHaveLength(5);
  });

  it("keys tenants apart: another credential has its own budget", async () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 100, perDay: 1 });
    const first = createGongClient({ auth, baseUrl: server.url, rateLimit: limiter, logger: watch.logger });
    const second = createGongClient({
      auth: { accessKey: "AK-other-91", accessKeySecret: "SK-other-2b7f" },
      baseUrl: server.url,
      rateLimit: limiter,
      logger: watch.logger,
    });
    watch.add("SK-other-2b7f");
    await first.request({ method: "GET", path: "/v2/users" });
    await second.request({ method: "GET", path: "/v2/users" });
    await expect(first.request({ method: "GET", path: "/v2/users" })).rejects.toBeInstanceOf(
      GongRateLimitError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it("lets a waiting call be aborted and gives its slot back", async () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 1, perDay: 10 });
    const answered = await limiter.acquire("k");
    answered(); // The first request got its answer; the window counts from here.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(limiter.acquire("k", controller.signal)).rejects.toBeInstanceOf(GongAbortError);
    const started = performance.now();
    await limiter.acquire("k");
    // The aborted reservation was returned, so this one waits for the first window only (~1 s), not two.
    expect(performance.now() - started).toBeLessThan(1900);
  });

  it("counts a request whose answer is never reported as in flight until release + sendAllowanceMs", async () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 1, sendAllowanceMs: 300, marginMs: 0 });
    await limiter.acquire("slow-send");
    const started = performance.now();
    await limiter.acquire("slow-send");
    // In flight at first (counts from now), then from release + 300 ms: 1300 ms in all (timers never fire early).
    expect(performance.now() - started).toBeGreaterThanOrEqual(1250);
  });

  it("does not wait past the call's deadline", async () => {
    const limiter = new SlidingWindowRateLimiter({ perSecond: 1, perDay: 100 });
    const client = createGongClient({
      auth,
      baseUrl: server.url,
      rateLimit: limiter,
      deadlineMs: 300,
      logger: watch.logger,
    });
    await client.request({ method: "GET", path: "/v2/users" });
    const started = performance.now();
    const error = await watch.catch(() => client.request({ method: "GET", path: "/v2/users" }));
    expect(error).toBeInstanceOf(GongTimeoutError);
    expect(error.message).toMatch(/deadline while waiting for the client-side rate limiter/);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(server.requests).toHaveLength(1);
  });

  it("after a long Retry-After, fails the tenant's next calls fast instead of queueing them", async () => {
    server.handle((_req, res) => json(res, 429, { errors: ["daily quota"] }, { "retry-after": "7200" }));
    const limiter = new SlidingWindowRateLimiter({ perSecond: 100 });
    const client = createGongClient({ auth, baseUrl: server.url, rateLimit: limiter, logger: watch.logger });
    const first = await watch.catch(() => client.request({ method: "GET", path: "/v2/users" }));
    expect(first).toBeInstanceOf(GongRateLimitError);
    expect((first as GongRateLimitError).retryAfterMs).toBe(7_200_000);
    const started = performance.now();
    const second = await watch.catch(() => client.request({ method: "GET", path: "/v2/users" }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(second).toBeInstanceOf(GongRateLimitError);
    expect((second as GongRateLimitError).retryAfterMs).toBeGreaterThan(7_000_000);
    expect(second.message).toMatch(/asked to wait until/);
    expect(server.requests).toHaveLength(1);
  });

  it("can be turned off", async () => {
    const client = createGongClient({ auth, baseUrl: server.url, rateLimit: false, logger: watch.logger });
    const started = performance.now();
    await Promise.all(Array.from({ length: 8 }, () => client.request({ method: "GET", path: "/v2/users" })));
    expect(server.requests).toHaveLength(8);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
