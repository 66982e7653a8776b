import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_URL, normalizeAuth } from "../../src/auth/config.js";
import { GongValidationError } from "../../src/errors.js";

function refusal(input: unknown): GongValidationError {
  try {
    normalizeAuth(input);
  } catch (error) {
    expect(error).toBeInstanceOf(GongValidationError);
    return error as GongValidationError;
  }
  throw new Error("expected normalizeAuth to refuse the config");
}

describe("normalizeAuth", () => {
  it("accepts an access key in camelCase and snake_case", () => {
    const expected = { kind: "accessKey", accessKey: "ak1", accessKeySecret: "sk1" };
    expect(normalizeAuth({ accessKey: "ak1", accessKeySecret: "sk1" })).toEqual(expected);
    expect(normalizeAuth({ access_key: "ak1", access_key_secret: "sk1" })).toEqual(expected);
  });

  it("accepts OAuth in both spellings, with defaults", () => {
    const camel = normalizeAuth({ refreshToken: "rt", clientId: "cid", clientSecret: "cs" });
    expect(camel).toEqual({
      kind: "oauth",
      refreshToken: "rt",
      accessToken: undefined,
      clientId: "cid",
      clientSecret: "cs",
      expiresAt: undefined,
      tokenUrl: DEFAULT_TOKEN_URL,
    });
    const snake = normalizeAuth({
      refresh_token: "rt",
      access_token: "at",
      client_id: "cid",
      client_secret: "cs",
      expires_at: 1_900_000_000,
      token_url: "http://127.0.0.1:9/token",
    });
    expect(snake).toMatchObject({ kind: "oauth", accessToken: "at", expiresAt: 1_900_000_000_000 });
    expect(snake.kind === "oauth" && snake.tokenUrl).toBe("http://127.0.0.1:9/token");
  });

  it("reads expiresAt as epoch ms, epoch seconds, Date or ISO string", () => {
    const ms = Date.UTC(2030, 0, 1);
    for (const value of [ms, ms / 1000, new Date(ms), new Date(ms).toISOString()]) {
      const auth = normalizeAuth({ refreshToken: "rt", expiresAt: value });
      expect(auth.kind === "oauth" && auth.expiresAt).toBe(ms);
    }
    expect(refusal({ refreshToken: "rt", expiresAt: "soon" }).field).toBe("auth.expiresAt");
  });

  it("treats empty strings and null as missing (never 'Bearer None')", () => {
    const auth = normalizeAuth({ refresh_token: "rt", access_token: null, accessToken: "" });
    expect(auth.kind === "oauth" && auth.accessToken).toBeUndefined();
  });

  it("refuses an incomplete access key", () => {
    const error = refusal({ accessKey: "ak" });
    expect(error.message).toMatch(/"accessKeySecret" is missing/);
    expect(error.field).toBe("auth.accessKeySecret");
    expect(error.status).toBe(0);
  });

  it("refuses OAuth without a refresh token", () => {
    expect(refusal({ accessToken: "at" }).message).toMatch(/OAuth needs "refreshToken"/);
  });

  it("refuses a mix of both modes", () => {
    expect(refusal({ accessKey: "ak", accessKeySecret: "sk", refreshToken: "rt" }).message).toMatch(
      /mixes access key/,
    );
  });

  it("refuses unknown keys and names the valid ones", () => {
    const error = refusal({ accessKey: "ak", accessKeySecret: "sk", acessToken: "x" });
    expect(error.message).toMatch(/unknown key "acessToken"/);
    expect(error.message).toMatch(/Valid keys: accessKey, accessKeySecret, refreshToken/);
  });

  it("refuses conflicting spellings, half a client pair, bad types and non-objects", () => {
    expect(refusal({ refreshToken: "a", refresh_token: "b" }).message).toMatch(
      /both "refreshToken" and "refresh_token"/,
    );
    expect(refusal({ refreshToken: "rt", clientId: "cid" }).message).toMatch(/go together/);
    expect(refusal({ accessKey: 5, accessKeySecret: "sk" }).message).toMatch(/must be a string/);
    expect(refusal(null).message).toMatch(/expected an object, got null/);
    expect(refusal({}).message).toMatch(/no credentials/);
  });

  it("refuses a plain-http token URL that is not local", () => {
    expect(refusal({ refreshToken: "rt", tokenUrl: "http://app.gong.io/oauth2/token" }).message).toMatch(
      /must use https/,
    );
  });

  it("never puts a secret value in its messages", () => {
    const error = refusal({ accessKey: "ak", accessKeySecret: "super-secret-value", extra: 1 });
    expect(error.message).not.toContain("super-secret-value");
  });
});
