import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";

describe("public surface of the HTTP layer", () => {
  it("exports the client, auth, token stores, limiter, JSON and logging helpers", () => {
    for (const name of [
      "createGongClient",
      "normalizeAuth",
      "MemoryTokenStore",
      "FileTokenStore",
      "SlidingWindowRateLimiter",
      "sharedRateLimiter",
      "parseJsonLossless",
      "parseRetryAfter",
      "redact",
      "redactUrl",
      "createConsoleLogger",
      "GongTokenPersistenceError",
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(core.DEFAULT_BASE_URL).toBe("https://api.gong.io");
    expect(core.DEFAULT_TOKEN_URL).toBe("https://app.gong.io/oauth2/generate-customer-token");
  });

  it("reads Retry-After defensively", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(core.parseRetryAfter("3", now)).toBe(3000);
    expect(core.parseRetryAfter("1.5", now)).toBe(1500);
    expect(core.parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(core.parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    // More than a day in seconds but plausible as milliseconds: read as milliseconds.
    expect(core.parseRetryAfter("3000000", now)).toBe(3_000_000);
    expect(core.parseRetryAfter("90000000", now)).toBe(24 * 60 * 60 * 1000);
    expect(core.parseRetryAfter("999999999999", now)).toBe(24 * 60 * 60 * 1000);
    expect(core.parseRetryAfter("-5", now)).toBeUndefined();
    expect(core.parseRetryAfter("soon", now)).toBeUndefined();
    expect(core.parseRetryAfter(null, now)).toBeUndefined();
  });
});
