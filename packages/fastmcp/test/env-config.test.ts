/** Reading the connector configuration from the environment variables MCP clients pass to the server. */
import { join } from "node:path";
import { FileTokenStore, GongValidationError } from "@gong-agent/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_FILE, gongConfigFromEnv, hasGongCredentials } from "../src/index.js";

describe("gongConfigFromEnv", () => {
  it("reads an access key pair and the tenant's base URL", () => {
    const config = gongConfigFromEnv({
      GONG_ACCESS_KEY: "key",
      GONG_ACCESS_KEY_SECRET: "secret",
      GONG_BASE_URL: "https://us-4242.api.gong.io",
    });
    expect(config).toEqual({
      auth: { accessKey: "key", accessKeySecret: "secret" },
      baseUrl: "https://us-4242.api.gong.io",
    });
  });

  it("reads OAuth variables and persists rotated tokens in a file store", () => {
    const config = gongConfigFromEnv({
      GONG_REFRESH_TOKEN: "refresh",
      GONG_CLIENT_ID: "client",
      GONG_CLIENT_SECRET: "client-secret",
      GONG_TOKEN_FILE: "/tmp/gong-tokens.json",
    });
    expect(config.auth).toEqual({
      refreshToken: "refresh",
      clientId: "client",
      clientSecret: "client-secret",
    });
    expect(config.tokenStore).toBeInstanceOf(FileTokenStore);
    expect((config.tokenStore as FileTokenStore).path).toBe("/tmp/gong-tokens.json");
  });

  it("keeps OAuth tokens under the home folder by default", () => {
    const config = gongConfigFromEnv({ GONG_REFRESH_TOKEN: "refresh" });
    expect((config.tokenStore as FileTokenStore).path).toBe(DEFAULT_TOKEN_FILE);
    expect(DEFAULT_TOKEN_FILE.endsWith(join(".gong-agent", "mcp-tokens.json"))).toBe(true);
  });

  it("treats blank variables (common in client configs) as unset", () => {
    expect(hasGongCredentials({ GONG_ACCESS_KEY: "  ", GONG_REFRESH_TOKEN: "" })).toBe(false);
    expect(() => gongConfigFromEnv({ GONG_ACCESS_KEY: "", GONG_ACCESS_KEY_SECRET: "" })).toThrow(
      /No Gong credentials/,
    );
  });

  it("refuses an incomplete or ambiguous configuration with a typed error naming the variable", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ GONG_ACCESS_KEY: "val-ak-1" }, "GONG_ACCESS_KEY_SECRET"],
      [{ GONG_ACCESS_KEY_SECRET: "val-sk-2" }, "GONG_ACCESS_KEY"],
      [
        { GONG_ACCESS_KEY: "val-ak-3", GONG_ACCESS_KEY_SECRET: "val-sk-4", GONG_REFRESH_TOKEN: "val-rt-5" },
        "GONG_REFRESH_TOKEN",
      ],
      [{ GONG_REFRESH_TOKEN: "val-rt-6", GONG_CLIENT_ID: "val-ci-7" }, "GONG_CLIENT_SECRET"],
    ];
    for (const [env, field] of cases) {
      let error: unknown;
      try {
        gongConfigFromEnv(env);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(GongValidationError);
      expect((error as GongValidationError).field).toBe(field);
      expect((error as Error).message).toContain(field);
      for (const value of Object.values(env)) {
        expect((error as Error).message).not.toContain(value);
      }
    }
  });
});
