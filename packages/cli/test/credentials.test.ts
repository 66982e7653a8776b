import { describe, expect, it } from "vitest";
import { resolveCredentials, tokenFingerprint } from "../src/config/credentials.js";
import type { ConfigFile } from "../src/config/file.js";

const loginKey: ConfigFile = {
  version: 1,
  gong: {
    type: "access_key",
    accessKey: "stored-key",
    accessKeySecret: "stored-secret",
    baseUrl: "https://us-1.api.gong.io",
  },
};
const loginOAuth: ConfigFile = {
  version: 1,
  gong: {
    type: "oauth",
    refreshToken: "rt-stored",
    clientId: "cid",
    clientSecret: "cs",
    baseUrl: "https://us-2.api.gong.io",
  },
};

describe("which credentials a command uses", () => {
  it("uses the config file when the environment has none", () => {
    expect(resolveCredentials({}, loginKey)).toMatchObject({
      type: "access_key",
      accessKey: "stored-key",
      source: "config file",
    });
    expect(resolveCredentials({}, { version: 1 })).toBeUndefined();
  });

  it("lets environment variables win, field by field", () => {
    expect(resolveCredentials({ GONG_ACCESS_KEY_SECRET: "env-secret" }, loginKey)).toMatchObject({
      accessKey: "stored-key",
      accessKeySecret: "env-secret",
      baseUrl: "https://us-1.api.gong.io",
      source: "environment",
    });
    expect(resolveCredentials({ GONG_BASE_URL: "https://us-9.api.gong.io" }, loginKey)).toMatchObject({
      baseUrl: "https://us-9.api.gong.io",
    });
    expect(resolveCredentials({ GONG_CLIENT_SECRET: "env-cs" }, loginOAuth)).toMatchObject({
      type: "oauth",
      refreshToken: "rt-stored",
      clientSecret: "env-cs",
      lineage: { kind: "login" },
    });
  });

  it("does not lend an OAuth login's tenant host to an access key from the environment", () => {
    const creds = resolveCredentials({ GONG_ACCESS_KEY: "k", GONG_ACCESS_KEY_SECRET: "s" }, loginOAuth);
    expect(creds).toMatchObject({ type: "access_key", accessKey: "k" });
    expect(creds).not.toHaveProperty("baseUrl");
  });

  it("refuses half an access key pair", () => {
    expect(() => resolveCredentials({ GONG_ACCESS_KEY: "k" }, { version: 1 })).toThrow(
      /GONG_ACCESS_KEY_SECRET is not set/,
    );
  });

  it("uses the stored successor of a spent GONG_REFRESH_TOKEN", () => {
    const config: ConfigFile = {
      ...loginOAuth,
      oauthFromEnv: {
        supersedes: tokenFingerprint("rt-env"),
        refreshToken: "rt-next",
        accessToken: "at",
        expiresAt: 123,
        generation: 2,
      },
    };
    expect(resolveCredentials({ GONG_REFRESH_TOKEN: "rt-env" }, config)).toMatchObject({
      refreshToken: "rt-next",
      accessToken: "at",
      lineage: { kind: "environment", fingerprint: tokenFingerprint("rt-env") },
    });
    // A different env token starts its own lineage.
    expect(resolveCredentials({ GONG_REFRESH_TOKEN: "rt-other" }, config)).toMatchObject({
      refreshToken: "rt-other",
    });
  });
});
