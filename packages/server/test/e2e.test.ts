/**
 * SDK hosted mode → server → sandbox, compared with local mode against the same sandbox:
 * the same records, the same pages, the same error classes.
 */
import { connect, GongConnector, GongNotFoundError, GongValidationError } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewOrganization } from "../src/index.js";
import { applicationToken, type Harness, requestJson, startHarness } from "./support/harness.js";

let sandbox: Sandbox;
let h: Harness;
let org: NewOrganization;
let local: GongConnector;
let hosted: GongConnector;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, rateLimit: false, dataSize: "small" });
  h = await startHarness({ gongBaseUrl: sandbox.url, gongClient: { rateLimit: false } });
  org = await h.server.createOrganization("E2E");
  const token = await applicationToken(h.server.url, org.clientId, org.clientSecret);
  const created = await requestJson(`${h.server.url}/api/v1/integrations/connectors`, {
    method: "POST",
    token,
    body: {
      workspace_name: "revenue",
      connector_type: "Gong",
      name: "Gong (access key)",
      credentials: { access_key: sandbox.accessKey, access_key_secret: sandbox.accessKeySecret },
    },
  });
  expect(created.status).toBe(201);
  local = new GongConnector({
    auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
    baseUrl: sandbox.url,
    rateLimit: false,
  });
  hosted = await connect("gong", {
    workspaceName: "revenue",
    env: {
      AIRBYTE_CLIENT_ID: org.clientId,
      AIRBYTE_CLIENT_SECRET: org.clientSecret,
      AIRBYTE_ORGANIZATION_ID: org.organizationId,
      GONG_AGENT_HOSTED_API_URL: h.server.url,
    },
  });
});

afterAll(async () => {
  await h?.close();
  await sandbox?.close();
});

/** Gong gives every answer its own request id; everything else must match exactly. */
function withoutRequestIds<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "requestId" ? "<request-id>" : v))) as T;
}
const messageWithoutRequestId = (message: string) => message.replace(/requestId \w+/g, "requestId <id>");

const range = () => ({
  fromDateTime: new Date(Date.now() - 180 * 86_400_000).toISOString(),
  toDateTime: new Date(Date.now() + 86_400_000).toISOString(),
});

describe("hosted mode answers what local mode answers", () => {
  it("lists users", async () => {
    const [a, b] = await Promise.all([
      local.execute("users", "list", {}),
      hosted.execute("users", "list", {}),
    ]);
    expect(a.data.length).toBeGreaterThan(0);
    expect(withoutRequestIds(b)).toEqual(withoutRequestIds(a));
  });

  it("gets one user and one call", async () => {
    const users = await local.execute("users", "list", {});
    const id = users.data[0]!.id;
    expect(withoutRequestIds(await hosted.execute("users", "get", { id }))).toEqual(
      withoutRequestIds(await local.execute("users", "get", { id })),
    );
    const calls = await local.execute("calls", "list", range());
    const callId = calls.data[0]!.id;
    expect(withoutRequestIds(await hosted.execute("calls", "get", { id: callId }))).toEqual(
      withoutRequestIds(await local.execute("calls", "get", { id: callId })),
    );
  });

  it("pages through every call with the same cursors and records", async () => {
    const params = range();
    const first = await hosted.execute("calls", "list", params);
    expect(first.meta.hasMore).toBe(true);
    expect(withoutRequestIds(first)).toEqual(withoutRequestIds(await local.execute("calls", "list", params)));
    const hostedIds: string[] = [];
    for await (const call of hosted.paginate("calls", "list", params)) hostedIds.push(call.id);
    const localIds: string[] = [];
    for await (const call of local.paginate("calls", "list", params)) localIds.push(call.id);
    expect(hostedIds.length).toBeGreaterThan(100);
    expect(new Set(hostedIds).size).toBe(hostedIds.length);
    expect(hostedIds).toEqual(localIds);
  });

  it("honours the connector's include_private setting like local mode's includePrivate", async () => {
    const env = {
      AIRBYTE_CLIENT_ID: org.clientId,
      AIRBYTE_CLIENT_SECRET: org.clientSecret,
      GONG_AGENT_HOSTED_API_URL: h.server.url,
    };
    const { HostedApiClient } = await import("@gong-agent/core");
    const created = await HostedApiClient.fromEnv({}, env).createConnector({
      workspaceName: "private",
      name: "Gong with private calls",
      credentials: { access_key: sandbox.accessKey, access_key_secret: sandbox.accessKeySecret },
      settings: { includePrivate: true },
    });
    expect(created.settings).toEqual({ includePrivate: true, allowCreditSpend: false });
    const hostedPrivate = await connect("gong", { workspaceName: "private", env });
    const localPrivate = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      rateLimit: false,
      includePrivate: true,
    });
    const params = range();
    const [withPrivate, withoutPrivate, expected] = await Promise.all([
      hostedPrivate.execute("calls", "list", params),
      hosted.execute("calls", "list", params),
      localPrivate.execute("calls", "list", params),
    ]);
    expect(withoutPrivate.data.some((c) => c.isPrivate === true)).toBe(false);
    expect(withPrivate.data.some((c) => c.isPrivate === true)).toBe(true);
    expect(withoutRequestIds(withPrivate)).toEqual(withoutRequestIds(expected));
  });

  it("downloads call media as a stream with the same bytes", async () => {
    const calls = await local.execute("calls", "list", range());
    const callId = calls.data[0]!.id;
    const read = async (connector: GongConnector, params: Record<string, unknown>) => {
      const media = (await connector.execute("call_audio", "download", { callId, ...params } as never)) as {
        data: { status: number; contentType?: string; stream: ReadableStream<Uint8Array> };
      };
      const bytes = Buffer.from(await new Response(media.data.stream).arrayBuffer());
      return { status: media.data.status, contentType: media.data.contentType, bytes };
    };
    const [viaHosted, viaLocal] = [await read(hosted, {}), await read(local, {})];
    expect(viaHosted.bytes.length).toBeGreaterThan(0);
    expect(viaHosted.bytes.equals(viaLocal.bytes)).toBe(true);
    expect(viaHosted.contentType).toBe(viaLocal.contentType);
    const part = await read(hosted, { range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(viaLocal.bytes.subarray(0, 10))).toBe(true);
  });

  it("raises the same error classes with the same messages", async () => {
    const failures = async (connector: GongConnector) => {
      const results: unknown[] = [];
      for (const run of [
        () => connector.execute("cals" as never, "list" as never, {} as never),
        () => connector.execute("calls", "get", { id: "999999999999999" }),
        () => connector.execute("calls", "list", { fromDateTime: "yesterday" }),
      ]) {
        results.push(
          await run().then(
            () => undefined,
            (e: unknown) => e,
          ),
        );
      }
      return results;
    };
    const [localErrors, hostedErrors] = [await failures(local), await failures(hosted)];
    for (let i = 0; i < localErrors.length; i++) {
      const a = localErrors[i] as Error;
      const b = hostedErrors[i] as Error;
      expect(a, `case ${i}`).toBeInstanceOf(Error);
      expect(b.constructor, `case ${i}`).toBe(a.constructor);
      expect(messageWithoutRequestId(b.message), `case ${i}`).toBe(messageWithoutRequestId(a.message));
    }
    expect(hostedErrors[0]).toBeInstanceOf(GongValidationError);
    expect((hostedErrors[0] as GongValidationError).validValues).toContain("calls");
    expect(hostedErrors[1]).toBeInstanceOf(GongNotFoundError);
  });

  it("keeps the access key out of the database files and the server's logs", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const files = readdirSync(h.dir).filter((f) => f.startsWith("server.db"));
    expect(files).toContain("server.db");
    expect(h.logs.length).toBeGreaterThan(10);
    // The scan sees plaintext where there is some: the connector's (non-secret) name is stored as is.
    const all = Buffer.concat(files.map((f) => readFileSync(`${h.dir}/${f}`)));
    expect(all.includes(Buffer.from("Gong (access key)"))).toBe(true);
    for (const secret of [sandbox.accessKeySecret, sandbox.accessKey, org.clientSecret]) {
      for (const file of files) {
        expect(readFileSync(`${h.dir}/${file}`).includes(Buffer.from(secret)), file).toBe(false);
      }
      expect(h.logs.join("\n").includes(secret)).toBe(false);
    }
  });

  it("refuses at connect when the workspace has no connector, or the id is wrong", async () => {
    const env = {
      AIRBYTE_CLIENT_ID: org.clientId,
      AIRBYTE_CLIENT_SECRET: org.clientSecret,
      GONG_AGENT_HOSTED_API_URL: h.server.url,
    };
    await expect(connect("gong", { workspaceName: "nobody", env })).rejects.toThrow(
      /No Gong connector was found/,
    );
    await expect(
      connect("gong", { connectorId: "00000000-0000-0000-0000-000000000000", env }),
    ).rejects.toBeInstanceOf(GongNotFoundError);
  });
});
