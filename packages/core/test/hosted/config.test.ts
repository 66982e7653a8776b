import { describe, expect, it } from "vitest";
import { ApplicationTokenCache } from "../../src/hosted/token-cache.js";
import { GongValidationError, resolveHostedConfig } from "../../src/index.js";

describe("resolveHostedConfig", () => {
  const env = {
    AIRBYTE_CLIENT_ID: "env-id",
    AIRBYTE_CLIENT_SECRET: "env-secret",
    AIRBYTE_ORGANIZATION_ID: "env-org",
    GONG_AGENT_HOSTED_API_URL: "http://127.0.0.1:9/",
  };

  it("fills gaps from the environment and defaults the workspace", () => {
    expect(resolveHostedConfig({}, env)).toEqual({
      clientId: "env-id",
      clientSecret: "env-secret",
      organizationId: "env-org",
      apiUrl: "http://127.0.0.1:9",
      workspaceName: "default",
    });
  });

  it("prefers explicit values and accepts the Python SDK's spellings", () => {
    const resolved = resolveHostedConfig(
      { airbyte_client_id: "py-id", customer_name: "acme", connector_id: "c-1", organization_id: "o" },
      env,
    );
    expect(resolved).toMatchObject({
      clientId: "py-id",
      workspaceName: "acme",
      connectorId: "c-1",
      organizationId: "o",
    });
  });

  it("defaults the API URL to the Python SDK's hosted API", () => {
    expect(resolveHostedConfig({ clientId: "a", clientSecret: "b" }, {}).apiUrl).toBe(
      "https://api.airbyte.ai",
    );
  });

  it("names the missing credential and the variable that provides it", () => {
    const error = (() => {
      try {
        resolveHostedConfig({ clientSecret: "s" }, {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GongValidationError);
    expect((error as Error).message).toContain("AIRBYTE_CLIENT_ID");
    expect(() => resolveHostedConfig({ clientId: "a", clientSecret: "b", apiUrl: "ftp://x" }, {})).toThrow(
      /http/,
    );
  });
});

describe("ApplicationTokenCache", () => {
  it("renews from expires_in, not from a fixed lifetime", async () => {
    let clock = 1_000_000;
    let issued = 0;
    const cache = new ApplicationTokenCache(
      async () => ({ accessToken: `t${++issued}`, expiresInSeconds: 3600 }),
      () => clock,
    );
    expect(await cache.get()).toBe("t1");
    clock += 3_000_000; // 50 minutes: still inside the announced hour minus the margin
    expect(await cache.get()).toBe("t1");
    clock += 545_000; // within the last minute
    expect(await cache.get()).toBe("t2");
  });

  it("shares one token request between concurrent callers and keeps a lifetime-less token until refused", async () => {
    let issued = 0;
    const cache = new ApplicationTokenCache(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { accessToken: `t${++issued}` };
    });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get()));
    expect(new Set(tokens)).toEqual(new Set(["t1"]));
    cache.invalidate("other");
    expect(await cache.get()).toBe("t1");
    cache.invalidate("t1");
    expect(await cache.get()).toBe("t2");
  });
});
