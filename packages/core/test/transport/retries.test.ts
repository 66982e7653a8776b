import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  GongAbortError,
  GongApiError,
  GongAuthenticationError,
  GongConnectionError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "../../src/errors.js";
import { createGongClient, type GongClientOptions } from "../../src/transport/index.js";
import { json, startTestServer, type TestServer } from "../support/http-server.js";
import { SecretWatch } from "../support/secret-watch.js";

const watch = new SecretWatch();
const accessKey = "AK-retries-7f3a9c";
const accessKeySecret = "SK-retries-b81e5d2f0a";
watch.add(accessKeySecret, accessKey, Buffer.from(`${accessKey}:${accessKeySecret}`).toString("base64"));

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});
afterAll(() => {
  expect(watch.leaks()).toEqual([]);
  expect(watch.lines.length).toBeGreaterThan(0);
});

function client(options: Partial<GongClientOptions> = {}) {
  return createGongClient({
    auth: { accessKey, accessKeySecret },
    baseUrl: server.url,
    rateLimit: false,
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 80,
    logger: watch.logger,
    ...options,
  });
}

/** Answers each request with the next scripted step; the last step repeats. */
function script(...steps: ((res: import("node:http").ServerResponse) => void)[]) {
  let i = 0;
  server.handle((_req, res) => {
    const step = steps[Math.min(i++, steps.length - 1)]!;
    step(res);
  });
}
const ok =
  (body: unknown = { requestId: "r-ok", users: [] }) =>
  (res: import("node:http").ServerResponse) =>
    json(res, 200, body);

describe("Retry-After on 429", () => {
  it("waits the seconds given, then succeeds", async () => {
    script(
      (res) => json(res, 429, { requestId: "r1", errors: ["Too many requests"] }, { "retry-after": "1" }),
      ok(),
    );
    const response = await client().request({ method: "GET", path: "/v2/users" });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(5000);
  });

  it("waits until an HTTP date, then succeeds", async () => {
    script(
      (res) =>
        json(
          res,
          429,
          { errors: ["slow down"] },
          { "retry-after": new Date(Date.now() + 2000).toUTCString() },
        ),
      ok(),
    );
    const response = await client().request({ method: "GET", path: "/v2/users" });
    expect(response.status).toBe(200);
    const gap = server.requests[1]!.at - server.requests[0]!.at;
    // HTTP dates have one-second resolution: the wait is between ~1 and ~2 seconds.
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(5000);
  });

  it("throws GongRateLimitError at once when the wait is absurdly large", async () => {
    script(
      (res) => json(res, 429, { requestId: "r-big", errors: ["quota"] }, { "retry-after": "999999999" }),
      ok(),
    );
    const started = performance.now();
    const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/users" }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(GongRateLimitError);
    const rate = error as GongRateLimitError;
    expect(rate.retryAfterMs).toBeGreaterThan(60_000);
    expect(rate.retryAfterMs).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(rate.requestId).toBe("r-big");
    expect(rate.retryable).toBe(true);
    expect(rate.message).toMatch(/Not retrying automatically/);
    expect(server.requests).toHaveLength(1);
  });

  it("throws at once when the wait is past the caller's deadline", async () => {
    script((res) => json(res, 429, { errors: ["slow"] }, { "retry-after": "5" }), ok());
    const error = await watch.catch(() =>
      client({ deadlineMs: 2000 }).request({ method: "GET", path: "/v2/users" }),
    );
    expect(error).toBeInstanceOf(GongRateLimitError);
    expect((error as GongRateLimitError).retryAfterMs).toBe(5000);
    expect(error.message).toMatch(/deadline/);
    expect(server.requests).toHaveLength(1);
  });

  it("waits at least one second on a 429 without Retry-After", async () => {
    script((res) => json(res, 429, { errors: ["slow"] }), ok());
    const response = await client({ retryMaxDelayMs: 8000 }).request({ method: "GET", path: "/v2/users" });
    expect(response.status).toBe(200);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("retries a 429 on a write too (Gong did not process it)", async () => {
    script((res) => json(res, 429, { errors: ["slow"] }, { "retry-after": "0" }), ok({ requestId: "w" }));
    const response = await client().request({ method: "POST", path: "/v2/calls", body: { title: "x" } });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });
});

describe("server errors and broken connections", () => {
  it("rides out a burst of 503s within maxRetries", async () => {
    script(
      (res) => json(res, 503, { errors: ["unavailable"] }),
      (res) => json(res, 503, { errors: ["unavailable"] }),
      ok(),
    );
    const response = await client().request({ method: "GET", path: "/v2/users" });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });

  it("gives up after maxRetries with GongServerError", async () => {
    script((res) => json(res, 503, { requestId: "r503", errors: ["unavailable"] }));
    const error = await watch.catch(() =>
      client({ maxRetries: 2 }).request({ method: "GET", path: "/v2/users" }),
    );
    expect(error).toBeInstanceOf(GongServerError);
    expect((error as GongServerError).status).toBe(503);
    expect((error as GongServerError).retryable).toBe(true);
    expect(error.message).toContain("r503");
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a write on 503", async () => {
    script((res) => json(res, 503, { errors: ["unavailable"] }), ok());
    const error = await watch.catch(() => client().request({ method: "POST", path: "/v2/calls", body: {} }));
    expect(error).toBeInstanceOf(GongServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a read-only POST marked idempotent", async () => {
    script((res) => json(res, 502, { errors: ["bad gateway"] }), ok({ calls: [] }));
    const response = await client().request({
      method: "POST",
      path: "/v2/calls/extensive",
      body: { filter: {} },
      idempotent: true,
    });
    expect(response.data).toEqual({ calls: [] });
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ filter: {} });
  });

  const resetMidBody = (res: import("node:http").ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    res.write('{"requestId":"partial","users":[');
    setTimeout(() => res.destroy(), 20);
  };

  it("retries a GET whose socket was reset mid-body", async () => {
    script(resetMidBody, ok({ requestId: "full", users: [{ id: "1" }] }));
    const response = await client().request({ method: "GET", path: "/v2/users" });
    expect(response.data).toEqual({ requestId: "full", users: [{ id: "1" }] });
    expect(server.requests).toHaveLength(2);
  });

  it("reports a reset mid-body on a write as GongConnectionError without retrying", async () => {
    script(resetMidBody, ok());
    const error = await watch.catch(() => client().request({ method: "POST", path: "/v2/calls", body: {} }));
    expect(error).toBeInstanceOf(GongConnectionError);
    expect(error.message).toMatch(/POST \/v2\/calls failed: the connection broke/);
    expect(server.requests).toHaveLength(1);
  });

  it("times out a hanging request", async () => {
    server.handle(() => {
      /* never answers */
    });
    const started = performance.now();
    const error = await watch.catch(() =>
      client({ timeoutMs: 300, maxRetries: 1 }).request({ method: "GET", path: "/v2/users" }),
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(GongTimeoutError);
    expect((error as GongTimeoutError).timeoutMs).toBe(300);
    expect(error.message).toMatch(/within 300 ms/);
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("stops at the overall deadline across retries", async () => {
    server.handle(() => {});
    const started = performance.now();
    const error = await watch.catch(() =>
      client({ timeoutMs: 5000, deadlineMs: 400, maxRetries: 5 }).request({
        method: "GET",
        path: "/v2/users",
      }),
    );
    expect(error).toBeInstanceOf(GongTimeoutError);
    expect(error.message).toMatch(/deadline/);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("aborts during the backoff wait", async () => {
    script((res) => json(res, 503, { errors: ["unavailable"] }), ok());
    const controller = new AbortController();
    const slow = client({ retryBaseDelayMs: 10_000, retryMaxDelayMs: 10_000 });
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    const error = await watch.catch(() =>
      slow.request({ method: "GET", path: "/v2/users", signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(GongAbortError);
    expect(error.message).toMatch(/aborted while waiting to retry/);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(server.requests).toHaveLength(1);
  });

  it("aborts an in-flight request", async () => {
    server.handle(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await watch.catch(() =>
      client().request({ method: "GET", path: "/v2/users", signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(GongAbortError);
    expect(error.retryable).toBe(false);
  });

  it("reports a refused connection as GongConnectionError", async () => {
    const deadUrl = server.url;
    await server.close();
    const error = await watch.catch(() =>
      createGongClient({
        auth: { accessKey, accessKeySecret },
        baseUrl: deadUrl,
        rateLimit: false,
        maxRetries: 1,
        retryBaseDelayMs: 10,
        logger: watch.logger,
      }).request({ method: "GET", path: "/v2/users" }),
    );
    expect(error).toBeInstanceOf(GongConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    server = await startTestServer();
  });
});

describe("redirects", () => {
  it("refuses a redirect to another host with a wrong-base-URL error", async () => {
    const other = await startTestServer((_req, res) => ok()(res));
    try {
      server.handle((_req, res) => {
        res.writeHead(302, { location: `${other.url}/v2/users` });
        res.end();
      });
      const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/users" }));
      expect(error).toBeInstanceOf(GongApiError);
      expect((error as GongApiError).status).toBe(302);
      expect(error.message).toMatch(/base URL is wrong for this tenant/);
      expect(error.message).toContain(other.url);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe("responses", () => {
  it("keeps an int64 id exact", async () => {
    server.handle((_req, res) =>
      json(
        res,
        200,
        '{"requestId":"r","scorecards":[{"scorecardId":7782342274025937895,"score":3.5,"n":42}]}',
      ),
    );
    const response = await client().request<{
      scorecards: { scorecardId: unknown; score: number; n: number }[];
    }>({
      method: "GET",
      path: "/v2/settings/scorecards",
    });
    expect(response.data.scorecards[0]).toEqual({ scorecardId: "7782342274025937895", score: 3.5, n: 42 });
    expect(response.requestId).toBe("r");
  });

  it("turns Gong's 'No … found' 404 into an empty result", async () => {
    server.handle((_req, res) =>
      json(res, 404, { requestId: "r404", errors: ["No calls found corresponding to the provided filters"] }),
    );
    const response = await client().request({
      method: "GET",
      path: "/v2/calls",
      query: { fromDateTime: "2024-01-01" },
    });
    expect(response.emptyResult).toBe(true);
    expect(response.status).toBe(404);
    expect(response.requestId).toBe("r404");
    expect(server.requests).toHaveLength(1);
  });

  it("keeps a real 404 an error", async () => {
    server.handle((_req, res) => json(res, 404, { requestId: "r-nf", errors: ["Call 123 does not exist"] }));
    const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/calls/123" }));
    expect(error).toBeInstanceOf(GongNotFoundError);
    expect((error as GongNotFoundError).errors).toEqual(["Call 123 does not exist"]);
    expect(error.message).toContain("GET /v2/calls/123 failed with HTTP 404");
    expect(error.message).toContain("r-nf");
    expect(server.requests).toHaveLength(1);
  });

  it("maps 400 to GongValidationError with Gong's errors[] and requestId", async () => {
    server.handle((_req, res) =>
      json(res, 400, { requestId: "r400", errors: ["callIds must not be empty"] }),
    );
    const error = await watch.catch(() =>
      client().request({ method: "POST", path: "/v2/calls/transcript", body: { filter: { callIds: [] } } }),
    );
    expect(error).toBeInstanceOf(GongValidationError);
    expect((error as GongValidationError).status).toBe(400);
    expect(error.message).toContain("callIds must not be empty");
    expect(error.message).toContain("r400");
    expect(error.retryable).toBe(false);
  });

  it("maps an access-key 401 to GongAuthenticationError with a base URL hint", async () => {
    server.handle((_req, res) => json(res, 401, { requestId: "r401", errors: ["access denied"] }));
    const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/users" }));
    expect(error).toBeInstanceOf(GongAuthenticationError);
    expect(error.message).toMatch(/accessKeySecret/);
    expect(error.message).toMatch(/base URL may be wrong/);
    expect(server.requests).toHaveLength(1);
  });

  it("maps 403 to GongPermissionError", async () => {
    server.handle((_req, res) => json(res, 403, { requestId: "r403", errors: ["missing scope"] }));
    const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/users" }));
    expect(error).toBeInstanceOf(GongPermissionError);
    expect((error as GongPermissionError).status).toBe(403);
  });

  it("sends Basic auth, query arrays and a JSON body", async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await client().request({
      method: "POST",
      path: "/v2/things",
      query: { a: "1", ids: ["x", 2], skip: undefined, none: null, flag: true },
      body: { filter: { callIds: ["123"] } },
      idempotent: true,
    });
    const received = server.requests[0]!;
    expect(received.headers.authorization).toBe(
      `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString("base64")}`,
    );
    expect(received.url.search).toBe("?a=1&ids=x&ids=2&flag=true");
    expect(received.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(received.body)).toEqual({ filter: { callIds: ["123"] } });
  });

  it("reuses keep-alive connections for sequential calls", async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    const c = client();
    for (let i = 0; i < 5; i++) await c.request({ method: "GET", path: "/v2/users" });
    expect(server.requests).toHaveLength(5);
    // fetch's pool may open a second socket, but connections are reused rather than one per call.
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBeLessThanOrEqual(2);
  });

  it("never lets a caller header replace or join the credentials", async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await client().request({
      method: "GET",
      path: "/v2/users",
      headers: { Authorization: "Bearer injected-0000", "X-Trace": "t1" },
    });
    const received = server.requests[0]!;
    expect(received.headers.authorization).toBe(
      `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString("base64")}`,
    );
    expect(received.headers["x-trace"]).toBe("t1");
  });

  it("accepts the Python SDK's snake_case access key config", async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await client({ auth: { access_key: accessKey, access_key_secret: accessKeySecret } }).request({
      method: "GET",
      path: "/v2/users",
    });
    expect(server.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${accessKey}:${accessKeySecret}`).toString("base64")}`,
    );
  });

  it("says so when a 200 is not JSON (not a Gong API host)", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login page</html>");
    });
    const error = await watch.catch(() => client().request({ method: "GET", path: "/v2/users" }));
    expect(error).toBeInstanceOf(GongApiError);
    expect(error.message).toMatch(/not JSON; is baseUrl .* really a Gong API host/);
  });

  it("refuses a path that is not under the base URL", async () => {
    const error = await watch.catch(() =>
      client().request({ method: "GET", path: "https://evil.example/v2/users" }),
    );
    expect(error).toBeInstanceOf(GongValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("download", () => {
  it("streams without Gong credentials and passes Range through", async () => {
    const media = await startTestServer((_req, res) => {
      res.writeHead(206, { "content-type": "audio/mpeg", "content-range": "bytes 0-9/100" });
      res.end(Buffer.alloc(10, 7));
    });
    try {
      const response = await client().download({
        url: `${media.url}/media/a.mp3?X-Amz-Signature=abc123`,
        range: "bytes=0-9",
      });
      expect(response.status).toBe(206);
      expect(response.body).not.toBeNull();
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes).toEqual(new Uint8Array(10).fill(7));
      const received = media.requests[0]!;
      expect(received.headers.authorization).toBeUndefined();
      expect(received.headers.range).toBe("bytes=0-9");
    } finally {
      await media.close();
    }
  });

  it("explains an expired media URL", async () => {
    const media = await startTestServer((_req, res) => {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error>Request has expired</Error>");
    });
    try {
      const error = await watch.catch(() => client().download({ url: `${media.url}/media/a.mp3` }));
      expect(error).toBeInstanceOf(GongPermissionError);
      expect(error.message).toMatch(/expire after 8 hours/);
    } finally {
      await media.close();
    }
  });
});
