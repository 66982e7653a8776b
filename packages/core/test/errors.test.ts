import { describe, expect, it } from "vitest";
import {
  GongApiError,
  GongAuthenticationError,
  GongConnectionError,
  GongError,
  GongRateLimitError,
  GongServerError,
  GongValidationError,
} from "../src/index.js";

describe("error family", () => {
  it("keeps the hierarchy so callers can catch broadly or narrowly", () => {
    const err = new GongAuthenticationError("refused", { status: 401, requestId: "r1", errors: ["bad"] });
    expect(err).toBeInstanceOf(GongApiError);
    expect(err).toBeInstanceOf(GongError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("GongAuthenticationError");
    expect(err.status).toBe(401);
    expect(err.requestId).toBe("r1");
    expect(err.errors).toEqual(["bad"]);
    expect(err.retryable).toBe(false);
  });

  it("marks transient failures retryable by default", () => {
    expect(new GongRateLimitError("slow down", { status: 429, retryAfterMs: 1500 }).retryable).toBe(true);
    expect(new GongRateLimitError("slow down", { status: 429, retryAfterMs: 1500 }).retryAfterMs).toBe(1500);
    expect(new GongServerError("boom", { status: 503 }).retryable).toBe(true);
    expect(new GongConnectionError("reset").retryable).toBe(true);
  });

  it("reports local validation with status 0 and the valid choices", () => {
    const err = new GongValidationError("unknown entity", {
      field: "entity",
      validValues: ["calls", "users"],
    });
    expect(err.status).toBe(0);
    expect(err.validValues).toEqual(["calls", "users"]);
    expect(err.retryable).toBe(false);
  });
});
