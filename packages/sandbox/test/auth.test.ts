import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { basicAuth, call, NOW } from "./helpers.ts";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, now: NOW, rateLimit: false, tokenTtlSeconds: 600 });
});
afterAll(() => sandbox.close());

function clientAuth(s: Sandbox, secret = s.oauth.clientSecret): string {
  return `Basic ${Buffer.from(`${s.oauth.clientId}:${secret}`).toString("base64")}`;
}

async function refresh(s: Sandbox, refreshToken: string, secret?: string) {
  const query = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken });
  const url = new URL(s.oauth.tokenUrl);
  return call(url.origin, "POST", `${url.pathname}?${query}`, { authorization: clientAuth(s, secret) });
}

describe("access keys", () => {
  it("accepts the access key on both hosts", async () => {
    for (const base of [sandbox.url, sandbox.oauth.apiBaseUrl]) {
      const result = await call(base, "GET", "/v2/workspaces", { authorization: basicAuth(sandbox) });
      expect(result.status).toBe(200);
    }
  });

  it("answers 401 in Gong's shape for missing, wrong or unsupported credentials", async () => {
    const wrong = `Basic ${Buffer.from(`${sandbox.accessKey}:nope`).toString("base64")}`;
    for (const authorization of [null, wrong, "Token abc", "Basic !!!"]) {
      const result = await call(sandbox.url, "GET", "/v2/users", { authorization });
      expect(result.status).toBe(401);
      expect(Object.keys(result.json)).toEqual(["requestId", "errors"]);
      expect(result.text).not.toContain(sandbox.accessKeySecret);
    }
  });

  it("answers 404 in Gong's shape for a path it does not serve", async () => {
    const result = await call(sandbox.url, "GET", "/v2/nothing-here", { authorization: basicAuth(sandbox) });
    expect(result.status).toBe(404);
    expect(Object.keys(result.json)).toEqual(["requestId", "errors"]);
    const wrongMethod = await call(sandbox.url, "DELETE", "/v2/users", { authorization: basicAuth(sandbox) });
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.json.errors[0]).toMatch(/GET/);
  });
});

describe("OAuth", () => {
  it("rotates single-use refresh tokens: a reused refresh token fails with invalid_grant", async () => {
    const first = await refresh(sandbox, sandbox.oauth.refreshToken);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      token_type: "bearer",
      expires_in: 600,
      api_base_url_for_customer: sandbox.oauth.apiBaseUrl,
    });
    expect(first.json.refresh_token).not.toBe(sandbox.oauth.refreshToken);
    expect(first.json.scope).toContain("api:calls:read:basic");

    const replay = await refresh(sandbox, sandbox.oauth.refreshToken);
    expect(replay.status).toBe(400);
    expect(replay.json.error).toBe("invalid_grant");

    const second = await refresh(sandbox, first.json.refresh_token);
    expect(second.status).toBe(200);
    expect((await refresh(sandbox, first.json.refresh_token)).json.error).toBe("invalid_grant");

    // The access token works on the tenant host only; elsewhere it fails like an invalid token.
    const bearer = `Bearer ${second.json.access_token}`;
    const tenant = await call(second.json.api_base_url_for_customer, "GET", "/v2/users", {
      authorization: bearer,
    });
    expect(tenant.status).toBe(200);
    const wrongHost = await call(sandbox.url, "GET", "/v2/users", { authorization: bearer });
    expect(wrongHost.status).toBe(401);
    expect(wrongHost.json.errors).toHaveLength(1);
    const bogus = await call(sandbox.oauth.apiBaseUrl, "GET", "/v2/users", {
      authorization: "Bearer at.nothing",
    });
    expect(bogus.status).toBe(401);
  });

  it("refuses bad client credentials and unknown grants", async () => {
    const badClient = await refresh(sandbox, "rt.whatever", "wrong-secret");
    expect(badClient.status).toBe(401);
    expect(badClient.json.error).toBe("invalid_client");
    const url = new URL(sandbox.oauth.tokenUrl);
    const noAuth = await call(url.origin, "POST", `${url.pathname}?grant_type=refresh_token&refresh_token=x`);
    expect(noAuth.status).toBe(401);
    const grant = await call(url.origin, "POST", `${url.pathname}?grant_type=password`, {
      authorization: clientAuth(sandbox),
    });
    expect(grant.status).toBe(400);
    expect(grant.json.error).toBe("unsupported_grant_type");
  });

  it("accepts the grant in a form body as well", async () => {
    const url = new URL(sandbox.oauth.tokenUrl);
    const response = await fetch(sandbox.oauth.tokenUrl, {
      method: "POST",
      headers: { authorization: clientAuth(sandbox), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: "rt.unknown" }),
    });
    expect(url.pathname).toBe("/oauth2/generate-customer-token");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("runs the authorization-code flow: consent page, approve, redirect with code and state, exchange", async () => {
    const redirectUri = "http://127.0.0.1:9/callback";
    const params = new URLSearchParams({
      client_id: sandbox.oauth.clientId,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: "api:users:read api:calls:read:basic",
      state: "xyz-123",
    });
    const page = await fetch(`${sandbox.oauth.authorizeUrl}?${params}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('id="approve"');
    expect(html).toContain("api:users:read");

    const approve = await fetch(sandbox.oauth.authorizeUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...Object.fromEntries(params), decision: "approve" }),
      redirect: "manual",
    });
    expect(approve.status).toBe(302);
    const location = new URL(approve.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("xyz-123");
    const code = location.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const url = new URL(sandbox.oauth.tokenUrl);
    const exchange = (c: string) =>
      call(
        url.origin,
        "POST",
        `${url.pathname}?${new URLSearchParams({ grant_type: "authorization_code", code: c, redirect_uri: redirectUri })}`,
        { authorization: clientAuth(sandbox) },
      );
    const tokens = await exchange(code);
    expect(tokens.status).toBe(200);
    expect(tokens.json.scope).toBe("api:users:read api:calls:read:basic");
    expect((await exchange(code)).json.error).toBe("invalid_grant");

    // The grant's scopes are enforced: users yes, transcripts no.
    const bearer = `Bearer ${tokens.json.access_token}`;
    expect((await call(sandbox.oauth.apiBaseUrl, "GET", "/v2/users", { authorization: bearer })).status).toBe(
      200,
    );
    const denied = await call(sandbox.oauth.apiBaseUrl, "POST", "/v2/calls/transcript", {
      authorization: bearer,
      body: { filter: {} },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.errors[0]).toMatch(/api:calls:read:transcript/);

    const deny = await fetch(sandbox.oauth.authorizeUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...Object.fromEntries(params), decision: "deny" }),
      redirect: "manual",
    });
    expect(new URL(deny.headers.get("location")!).searchParams.get("error")).toBe("access_denied");
  });

  it("restricts redirect URIs when they are registered", async () => {
    const strict = await startSandbox({
      seed: 3,
      now: NOW,
      rateLimit: false,
      redirectUris: ["http://127.0.0.1:9/ok"],
    });
    try {
      expect(strict.oauth.redirectUris).toEqual(["http://127.0.0.1:9/ok"]);
      const base = `${strict.oauth.authorizeUrl}?client_id=${strict.oauth.clientId}&response_type=code&state=s`;
      expect(
        (await fetch(`${base}&redirect_uri=${encodeURIComponent("http://127.0.0.1:9/ok")}`)).status,
      ).toBe(200);
      const refused = await fetch(`${base}&redirect_uri=${encodeURIComponent("http://evil.example/cb")}`);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("not registered");
    } finally {
      await strict.close();
    }
  });

  it("refuses an unknown client on the consent page", async () => {
    const page = await fetch(
      `${sandbox.oauth.authorizeUrl}?client_id=nope&response_type=code&redirect_uri=http://x/cb`,
    );
    expect(page.status).toBe(400);
  });

  it("expires access tokens after tokenTtlSeconds", async () => {
    const short = await startSandbox({ seed: 3, now: NOW, rateLimit: false, tokenTtlSeconds: 2 });
    try {
      const grant = await refresh(short, short.oauth.refreshToken);
      expect(grant.json.expires_in).toBe(2);
      const bearer = `Bearer ${grant.json.access_token}`;
      expect(
        (await call(short.oauth.apiBaseUrl, "GET", "/v2/workspaces", { authorization: bearer })).status,
      ).toBe(200);
      await new Promise((r) => setTimeout(r, 2100));
      const expired = await call(short.oauth.apiBaseUrl, "GET", "/v2/workspaces", { authorization: bearer });
      expect(expired.status).toBe(401);
      expect(expired.json.errors[0]).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });
});
