import { inspect } from "node:util";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { GongTokenPersistenceError } from "../../src/auth/oauth-session.js";
import { MemoryTokenStore, type TokenSet, type TokenStore } from "../../src/auth/token-store.js";
import { GongAuthenticationError, GongReauthRequiredError, GongValidationError } from "../../src/errors.js";
import { createGongClient, type GongClientOptions } from "../../src/transport/index.js";
import { type FakeGong, startFakeGong } from "../support/fake-gong.js";
import { TOKEN_PATH } from "../support/fake-oauth.js";
import { SecretWatch } from "../support/secret-watch.js";

const watch = new SecretWatch();
let gong: FakeGong;

beforeEach(async () => {
  gong = await startFakeGong();
});
afterEach(async () => {
  watch.add(...gong.oauth.issued);
  await gong.close();
});
afterAll(() => {
  expect(watch.leaks()).toEqual([]);
  expect(watch.lines.some((line) => line.includes("OAuth access token refreshed"))).toBe(true);
});

const PAST = Date.now() - 60_000;

function oauthClient(auth: Record<string, unknown>, options: Partial<GongClientOptions> = {}) {
  return createGongClient({
    auth: {
      clientId: gong.oauth.clientId,
      clientSecret: gong.oauth.clientSecret,
      tokenUrl: gong.tokenUrl,
      ...auth,
    } as GongClientOptions["auth"],
    baseUrl: gong.url,
    rateLimit: false,
    logger: watch.logger,
    ...options,
  });
}
const tokenRequests = () => gong.server.requests.filter((r) => r.url.pathname === TOKEN_PATH);
const get = (client: ReturnType<typeof oauthClient>) => client.request({ method: "GET", path: "/v2/users" });

describe("OAuth refresh", () => {
  it("refreshes proactively when there is no access token, the way Gong expects", async () => {
    const refreshToken = gong.oauth.newRefreshToken();
    const saved: TokenSet[] = [];
    const before = Date.now();
    const client = oauthClient({ refreshToken }, { onTokenRefresh: (t) => void saved.push(t) });
    const response = await get(client);
    expect(response.status).toBe(200);

    const [tokenRequest] = tokenRequests();
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequest!.method).toBe("POST");
    expect(tokenRequest!.url.searchParams.get("grant_type")).toBe("refresh_token");
    expect(tokenRequest!.url.searchParams.get("refresh_token")).toBe(refreshToken);
    expect(tokenRequest!.body).toBe("");
    expect(tokenRequest!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${gong.oauth.clientId}:${gong.oauth.clientSecret}`).toString("base64")}`,
    );

    expect(gong.apiAuthorizations).toEqual([`Bearer ${saved[0]!.accessToken}`]);
    expect(gong.apiAuthorizations.some((h) => /undefined|None|null/.test(h))).toBe(false);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.refreshToken).not.toBe(refreshToken);
    expect(saved[0]!.expiresAt).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(saved[0]!.expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(saved[0]!.scope).toMatch(/api:users:read/);
  });

  it("does a single refresh for 20 concurrent calls with an expired token", async () => {
    gong.oauth.delayMs = 100;
    const client = oauthClient({
      refreshToken: gong.oauth.newRefreshToken(),
      accessToken: gong.oauth.newAccessToken(-1000),
      expiresAt: PAST,
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => get(client)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(gong.oauth.refreshCount).toBe(1);
    expect(gong.oauth.invalidGrantCount).toBe(0);
    expect(tokenRequests()).toHaveLength(1);
    expect(new Set(gong.apiAuthorizations).size).toBe(1);
  });

  it("shares one rotation between clients created from the same config in a process", async () => {
    gong.oauth.delayMs = 100;
    const config = {
      refreshToken: gong.oauth.newRefreshToken(),
      accessToken: gong.oauth.newAccessToken(-1000),
      expiresAt: PAST,
    };
    const a = oauthClient(config);
    const b = oauthClient(config);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => get(i % 2 ? a : b)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    // A client made later from the same (now stale) config picks up the rotated pair instead of replaying it.
    await get(oauthClient(config));
    expect(gong.oauth.refreshCount).toBe(1);
    expect(gong.oauth.invalidGrantCount).toBe(0);
    expect(new Set(gong.apiAuthorizations).size).toBe(1);
  });

  it("uses a short-lived token at least once instead of refreshing it at once", async () => {
    gong.oauth.expiresInSeconds = 20; // shorter than the default 60 s refresh margin
    const client = oauthClient({ refreshToken: gong.oauth.newRefreshToken() });
    await get(client);
    await get(client);
    await get(client);
    expect(gong.oauth.refreshCount).toBe(1);
    expect(gong.apiAuthorizations).toHaveLength(3);
  });

  it("uses an access token that is still valid without refreshing", async () => {
    const accessToken = gong.oauth.newAccessToken();
    const client = oauthClient({
      refreshToken: gong.oauth.newRefreshToken(),
      accessToken,
      expiresAt: Date.now() + 3600_000,
    });
    await get(client);
    expect(tokenRequests()).toHaveLength(0);
    expect(gong.apiAuthorizations).toEqual([`Bearer ${accessToken}`]);
  });

  it("adopts api_base_url_for_customer as the base URL", async () => {
    const tenant = await startFakeGong(gong.oauth);
    try {
      gong.oauth.apiBaseUrl = tenant.url;
      const saved: TokenSet[] = [];
      const client = oauthClient(
        { refreshToken: gong.oauth.newRefreshToken() },
        { onTokenRefresh: (t) => void saved.push(t) },
      );
      expect(client.baseUrl).toBe(gong.url);
      await get(client);
      expect(client.baseUrl).toBe(tenant.url);
      expect(tenant.apiAuthorizations).toHaveLength(1);
      expect(gong.apiAuthorizations).toHaveLength(0);
      expect(saved[0]!.apiBaseUrl).toBe(tenant.url);
    } finally {
      await tenant.close();
    }
  });

  it("saves the new pair BEFORE the new access token is used", async () => {
    const events: string[] = [];
    const store = new MemoryTokenStore();
    const recordingStore: TokenStore = {
      get: () => store.get(),
      set: async (tokens, generation) => {
        events.push(`store:${gong.apiAuthorizations.includes(`Bearer ${tokens.accessToken}`)}`);
        return store.set(tokens, generation);
      },
    };
    const client = oauthClient(
      { refreshToken: gong.oauth.newRefreshToken() },
      {
        tokenStore: recordingStore,
        onTokenRefresh: (tokens) => {
          events.push(`callback:${gong.apiAuthorizations.includes(`Bearer ${tokens.accessToken}`)}`);
        },
      },
    );
    await get(client);
    // Neither the store nor the callback saw the new token already in use.
    expect(events).toEqual(["store:false", "callback:false"]);
    expect((await store.get())?.generation).toBe(1);
  });

  it("surfaces a throwing onTokenRefresh, keeps the pair in memory and retries the save", async () => {
    let calls = 0;
    const seen: TokenSet[] = [];
    const client = oauthClient(
      { refreshToken: gong.oauth.newRefreshToken() },
      {
        onTokenRefresh: (tokens) => {
          seen.push(tokens);
          calls++;
          if (calls === 1) throw new Error(`database is down (wanted to save ${tokens.refreshToken})`);
        },
      },
    );
    const error = await watch.catch(() => get(client));
    expect(error).toBeInstanceOf(GongTokenPersistenceError);
    expect(error.message).toMatch(/onTokenRefresh callback failed: database is down/);
    expect(error.message).toMatch(/kept in memory/);
    expect(gong.apiAuthorizations).toHaveLength(0); // the unsaved token was not used

    const response = await get(client);
    expect(response.status).toBe(200);
    expect(gong.oauth.refreshCount).toBe(1); // no second refresh: the in-memory pair was kept
    expect(calls).toBe(2);
    expect(seen[1]).toEqual(seen[0]);
    expect(gong.apiAuthorizations).toEqual([`Bearer ${seen[0]!.accessToken}`]);
  });

  it("surfaces a failing token store", async () => {
    const failing: TokenStore = {
      get: async () => undefined,
      set: async () => {
        throw new Error("disk full");
      },
    };
    const error = await watch.catch(() =>
      get(oauthClient({ refreshToken: gong.oauth.newRefreshToken() }, { tokenStore: failing })),
    );
    expect(error).toBeInstanceOf(GongTokenPersistenceError);
    expect(error.message).toMatch(/through the token store failed: disk full/);
  });

  it("hands the unsaved pair to the caller on the error, without ever serializing it", async () => {
    let offered: TokenSet | undefined;
    const failing: TokenStore = {
      get: async () => undefined,
      set: async (tokens) => {
        offered = tokens;
        throw new Error("read-only file system");
      },
    };
    const error = (await watch.catch(() =>
      get(oauthClient({ refreshToken: gong.oauth.newRefreshToken() }, { tokenStore: failing })),
    )) as GongTokenPersistenceError;
    expect(error).toBeInstanceOf(GongTokenPersistenceError);
    expect(offered).toBeDefined();
    expect(error.tokens).toEqual(offered);
    expect(error.tokens!.refreshToken.length).toBeGreaterThan(0);
    // A caller that logs or prints the error must not leak the pair.
    const { accessToken, refreshToken } = error.tokens!;
    expect(Object.keys(error)).not.toContain("tokens");
    for (const text of [JSON.stringify(error), JSON.stringify({ ...error }), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(refreshToken);
      expect(text).not.toContain(accessToken);
    }
    expect(error.message).not.toContain(refreshToken);
  });

  it("answers a 401 with one forced refresh and one retry", async () => {
    const client = oauthClient({
      refreshToken: gong.oauth.newRefreshToken(),
      accessToken: "at-revoked-by-gong-0001",
      expiresAt: Date.now() + 3600_000,
    });
    watch.add("at-revoked-by-gong-0001");
    const response = await get(client);
    expect(response.status).toBe(200);
    expect(gong.oauth.refreshCount).toBe(1);
    expect(gong.apiAuthorizations).toHaveLength(2);
    expect(gong.apiAuthorizations[0]).toBe("Bearer at-revoked-by-gong-0001");
  });

  it("gives up after the one forced refresh when Gong keeps refusing", async () => {
    gong.oauth.isAuthorized = () => false;
    const client = oauthClient({ refreshToken: gong.oauth.newRefreshToken() });
    const error = await watch.catch(() => get(client));
    expect(error).toBeInstanceOf(GongAuthenticationError);
    expect(error.message).toMatch(/refused even after a refresh/);
    expect(gong.oauth.refreshCount).toBe(2); // the proactive one, then the single forced one
    expect(gong.apiAuthorizations).toHaveLength(2);
  });

  it("recovers from invalid_grant when a sibling rotated the token first", async () => {
    const store = new MemoryTokenStore();
    const refreshToken = gong.oauth.newRefreshToken();
    let siblingTokens: TokenSet | undefined;
    gong.oauth.beforeAnswer = async (used) => {
      if (siblingTokens) return;
      // Another process wins the race: it rotates the same refresh token and saves the new pair.
      const body = gong.oauth.rotate(used)!;
      siblingTokens = {
        accessToken: body["access_token"] as string,
        refreshToken: body["refresh_token"] as string,
        expiresAt: Date.now() + 3600_000,
      };
      await store.set(siblingTokens, 0);
    };
    const client = oauthClient({ refreshToken }, { tokenStore: store });
    const response = await get(client);
    expect(response.status).toBe(200);
    expect(gong.oauth.invalidGrantCount).toBe(1);
    expect(gong.apiAuthorizations).toEqual([`Bearer ${siblingTokens!.accessToken}`]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("falls back to the configured refresh token when the stored one is dead", async () => {
    const store = new MemoryTokenStore({
      accessToken: "at-stale-file-0001",
      refreshToken: "rt-stale-file-0001",
      expiresAt: PAST,
    });
    watch.add("at-stale-file-0001", "rt-stale-file-0001");
    const fresh = gong.oauth.newRefreshToken();
    const response = await get(oauthClient({ refreshToken: fresh }, { tokenStore: store }));
    expect(response.status).toBe(200);
    expect(tokenRequests().map((r) => r.url.searchParams.get("refresh_token"))).toEqual([
      "rt-stale-file-0001",
      fresh,
    ]);
    expect((await store.get())?.generation).toBe(2);
  });

  it("throws GongReauthRequiredError for a truly dead refresh token", async () => {
    const client = oauthClient({ refreshToken: "rt-dead-0123456789" });
    watch.add("rt-dead-0123456789");
    const error = await watch.catch(() => get(client));
    expect(error).toBeInstanceOf(GongReauthRequiredError);
    expect(error.message).toMatch(/invalid_grant/);
    expect(error.message).toMatch(/new authorization/);
    expect(error.retryable).toBe(false);
    expect(gong.oauth.invalidGrantCount).toBe(1);
    expect(gong.apiAuthorizations).toHaveLength(0);
  });

  it("says what is missing when it cannot refresh without client credentials", async () => {
    const client = createGongClient({
      auth: { refreshToken: gong.oauth.newRefreshToken(), tokenUrl: gong.tokenUrl },
      baseUrl: gong.url,
      rateLimit: false,
      logger: watch.logger,
    });
    const error = await watch.catch(() => get(client));
    expect(error).toBeInstanceOf(GongValidationError);
    expect(error.message).toMatch(/clientId\/clientSecret/);
    expect(gong.server.requests).toHaveLength(0);
  });

  it("reports a refused OAuth client as GongAuthenticationError", async () => {
    const client = oauthClient({
      refreshToken: gong.oauth.newRefreshToken(),
      clientSecret: "wrong-secret-xyz",
    });
    watch.add("wrong-secret-xyz");
    const error = await watch.catch(() => get(client));
    expect(error).toBeInstanceOf(GongAuthenticationError);
    expect(error.message).toMatch(/refused the OAuth client/);
  });
});
