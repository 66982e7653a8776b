/**
 * The OAuth connect flow in a real browser: initiate → the sandbox's consent page → Approve →
 * the server's callback exchanges the code → the browser lands on the app's redirect_url with
 * connector_id → that connector executes in hosted mode with the same results as local mode.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, GongConnector } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewOrganization } from "../src/index.js";
import { type Harness, startHarness } from "./support/harness.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);

let sandbox: Sandbox;
let h: Harness;
let org: NewOrganization;
let app: Server;
let appUrl: string;
const landed: URL[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, rateLimit: false, dataSize: "small" });
  h = await startHarness({
    gongBaseUrl: sandbox.url,
    gongAuthorizeUrl: sandbox.oauth.authorizeUrl,
    gongTokenUrl: sandbox.oauth.tokenUrl,
    gongOAuth: {
      clientId: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
      scope: sandbox.oauth.scopes,
    },
    gongClient: { rateLimit: false },
  });
  org = await h.server.createOrganization("Browser");
  // The integrating application's page that the browser is sent back to.
  app = createServer((req, res) => {
    landed.push(new URL(req.url ?? "/", "http://127.0.0.1"));
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Connected</title><p>Connected</p>");
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  await h?.close();
  await sandbox?.close();
});

describe("OAuth connect flow", () => {
  it.skipIf(!hasChromium)(
    `approving in headless Chromium creates a working connector${hasChromium ? "" : ` (skipped: ${CHROMIUM} is not installed; apt-get install -y chromium)`}`,
    async (context) => {
      const { chromium } = await import("playwright-core");
      const { HostedApiClient } = await import("@gong-agent/core");
      const client = new HostedApiClient({
        clientId: org.clientId,
        clientSecret: org.clientSecret,
        apiUrl: h.server.url,
      });
      const { consentUrl } = await client.initiateOAuth({
        workspaceName: "browser",
        redirectUrl: `${appUrl}/gong/connected?tab=integrations`,
        name: "Gong via OAuth",
      });
      expect(consentUrl.startsWith(sandbox.oauth.authorizeUrl)).toBe(true);

      let browser: Awaited<ReturnType<typeof chromium.launch>>;
      try {
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        });
      } catch (error) {
        // The machine cannot run a browser at all; the flow itself is still covered without one below.
        context.skip(`Chromium is installed but could not start: ${(error as Error).message.split("\n")[0]}`);
        return;
      }
      try {
        const page = await browser.newPage();
        await page.goto(consentUrl);
        await page.click("#approve");
        await page.waitForURL((url) => url.pathname === "/gong/connected", { timeout: 30_000 });
        expect(await page.textContent("p")).toBe("Connected");
      } finally {
        await browser.close();
      }

      const back = landed.filter((u) => u.pathname === "/gong/connected").at(-1)!;
      expect(back.searchParams.get("tab")).toBe("integrations");
      expect(back.searchParams.get("error")).toBeNull();
      const connectorId = back.searchParams.get("connector_id");
      expect(connectorId).toMatch(/^[0-9a-f-]{36}$/);
      const described = await client.getConnector(connectorId!);
      expect(described).toMatchObject({
        name: "Gong via OAuth",
        workspaceName: "browser",
        authType: "oauth",
      });

      // The code was exchanged once, at the token endpoint, by the server.
      const exchanges = sandbox.requests.filter((r) => r.path === "/oauth2/generate-customer-token");
      expect(exchanges).toHaveLength(1);
      expect(exchanges[0]!.query["grant_type"]).toBe("authorization_code");

      const hosted = await connect("gong", {
        workspaceName: "browser",
        clientId: org.clientId,
        clientSecret: org.clientSecret,
        apiUrl: h.server.url,
        env: {},
      });
      const local = new GongConnector({
        auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
        baseUrl: sandbox.url,
        rateLimit: false,
      });
      const [viaOAuth, viaKey] = await Promise.all([
        hosted.execute("users", "list", {}),
        local.execute("users", "list", {}),
      ]);
      expect(viaOAuth.data.map((u) => u.id)).toEqual(viaKey.data.map((u) => u.id));
      // The tenant host from the code exchange was adopted.
      expect(
        sandbox.requests.filter((r) => r.path === "/v2/users").some((r) => r.listener === "tenant"),
      ).toBe(true);
      // A state can be used once: replaying the callback is refused.
      const replay = await fetch(
        `${h.server.url}/api/v1/integrations/connectors/oauth/callback?code=x&state=${new URL(consentUrl).searchParams.get("state")}`,
        { redirect: "manual" },
      );
      expect(replay.status).toBe(400);
    },
  );

  it("keeps a just-exchanged grant when its name got taken meanwhile, and refuses a taken name up front", async () => {
    const { HostedApiClient } = await import("@gong-agent/core");
    const client = new HostedApiClient({
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      apiUrl: h.server.url,
    });
    // Two connect flows started under one name before either finished.
    const first = await client.initiateOAuth({
      workspaceName: "twice",
      redirectUrl: `${appUrl}/twice`,
      name: "Dup",
    });
    const second = await client.initiateOAuth({
      workspaceName: "twice",
      redirectUrl: `${appUrl}/twice`,
      name: "Dup",
    });
    const ids: string[] = [];
    for (const { consentUrl } of [first, second]) {
      // The consent form's Approve button, posted without a browser.
      const consent = new URL(consentUrl);
      const approved = await fetch(`${sandbox.url}/oauth2/authorize`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...Object.fromEntries(consent.searchParams), decision: "approve" }),
        redirect: "manual",
      });
      const callback = approved.headers.get("location")!;
      expect(callback.startsWith(`${h.server.url}/api/v1/integrations/connectors/oauth/callback`)).toBe(true);
      const finished = await fetch(callback, { redirect: "manual" });
      expect(finished.status).toBe(302);
      ids.push(new URL(finished.headers.get("location")!).searchParams.get("connector_id")!);
    }
    const names = await Promise.all(ids.map(async (id) => (await client.getConnector(id)).name));
    expect(names).toEqual(["Dup", "Dup (2)"]);
    await expect(
      client.initiateOAuth({ workspaceName: "twice", redirectUrl: `${appUrl}/twice`, name: "Dup" }),
    ).rejects.toThrow(/already exists/);
  });

  it("sends the browser back with error=access_denied when consent is refused", async () => {
    const { HostedApiClient } = await import("@gong-agent/core");
    const client = new HostedApiClient({
      clientId: org.clientId,
      clientSecret: org.clientSecret,
      apiUrl: h.server.url,
    });
    const { consentUrl } = await client.initiateOAuth({
      workspaceName: "browser",
      redirectUrl: `${appUrl}/denied`,
    });
    const state = new URL(consentUrl).searchParams.get("state")!;
    const answer = await fetch(
      `${h.server.url}/api/v1/integrations/connectors/oauth/callback?error=access_denied&state=${state}`,
      { redirect: "manual" },
    );
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(location.pathname).toBe("/denied");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("connector_id")).toBeNull();
  });
});
