/**
 * The connector over real HTTP against the local Gong sandbox: pagination with the cursor where Gong
 * reads it, private calls, media downloads without Gong credentials, batched transcripts, empty results.
 */
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Call } from "../../src/catalog/records.js";
import { GongConnector } from "../../src/connector.js";

let sandbox: Sandbox;
let gong: GongConnector;
/** The whole generated range: every call of the sandbox. */
let range: { fromDateTime: string; toDateTime: string };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, rateLimit: false, dataSize: { calls: 320, users: 12 } });
  gong = new GongConnector({
    auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
    baseUrl: sandbox.url,
    rateLimit: false,
  });
  const to = new Date(Date.parse(sandbox.data.callsTo!) + 1000).toISOString();
  range = { fromDateTime: sandbox.data.callsFrom!, toDateTime: to };
});

afterAll(async () => {
  await sandbox?.close();
});

describe("pagination against the sandbox", () => {
  it("pages a GET list with the cursor in the query and identical other inputs", async () => {
    sandbox.requests.clear();
    const calls: Call[] = [];
    for await (const call of gong.paginate("calls", "list", range)) calls.push(call);
    const sent = sandbox.requests.forPath("/v2/calls", "GET");
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent[0]!.query["cursor"]).toBeUndefined();
    for (const request of sent.slice(1)) {
      expect(typeof request.query["cursor"]).toBe("string");
      expect(request.body).toBeUndefined();
    }
    for (const request of sent) {
      expect(request.query["fromDateTime"]).toBe(sent[0]!.query["fromDateTime"]);
      expect(request.query["toDateTime"]).toBe(sent[0]!.query["toDateTime"]);
      expect(request.status).toBe(200);
    }
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
    expect(calls.length).toBeGreaterThan(200);
  });

  it("pages a POST list with the cursor in the body and nothing in the query", async () => {
    sandbox.requests.clear();
    const ids: string[] = [];
    for await (const call of gong.paginate("calls_extensive", "list", { filter: range }))
      ids.push(call.metaData.id);
    const sent = sandbox.requests.forPath("/v2/calls/extensive", "POST");
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const [index, request] of sent.entries()) {
      expect(request.query).toEqual({});
      const body = request.body as { cursor?: string; filter: unknown; contentSelector: unknown };
      expect(body.cursor === undefined).toBe(index === 0);
      expect(body.filter).toEqual((sent[0]!.body as { filter: unknown }).filter);
      expect(body.contentSelector).toEqual({ exposedFields: { parties: true } });
      expect(request.status).toBe(200);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("stops at the limit without fetching further pages", async () => {
    sandbox.requests.clear();
    const first: Call[] = [];
    for await (const call of gong.paginate("calls", "list", range, { limit: 150 })) first.push(call);
    expect(first).toHaveLength(150);
    expect(sandbox.requests.forPath("/v2/calls", "GET")).toHaveLength(2);
  });
});

describe("private calls", () => {
  it("are left out unless includePrivate", async () => {
    const open: Call[] = [];
    for await (const call of gong.paginate("calls", "list", range)) open.push(call);
    const everything = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      rateLimit: false,
      includePrivate: true,
    });
    const all: Call[] = [];
    for await (const call of everything.paginate("calls", "list", range)) all.push(call);
    const privateCount = all.filter((c) => c.isPrivate === true).length;
    expect(privateCount).toBeGreaterThan(0);
    expect(open.some((c) => c.isPrivate === true)).toBe(false);
    expect(open.length).toBe(all.length - privateCount);

    const privateIds = new Set(all.filter((c) => c.isPrivate === true).map((c) => c.id));
    const transcriptIds: string[] = [];
    for await (const transcript of gong.paginate("call_transcripts", "list", { filter: range })) {
      transcriptIds.push(transcript.callId);
    }
    expect(transcriptIds.length).toBeGreaterThan(0);
    expect(transcriptIds.filter((id) => privateIds.has(id))).toEqual([]);
    const withPrivate: string[] = [];
    for await (const transcript of everything.paginate("call_transcripts", "list", { filter: range })) {
      withPrivate.push(transcript.callId);
    }
    expect(withPrivate.some((id) => privateIds.has(id))).toBe(true);
  });
});

describe("private calls selected by id", () => {
  it("keeps a private call's transcript out even when asked for by its id, unless includePrivate", async () => {
    const everything = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      rateLimit: false,
      includePrivate: true,
    });
    const all: Call[] = [];
    for await (const call of everything.paginate("calls", "list", range)) all.push(call);
    const privateIds = new Set(all.filter((c) => c.isPrivate === true).map((c) => c.id));
    const transcribed: string[] = [];
    for await (const transcript of everything.paginate("call_transcripts", "list", { filter: range })) {
      transcribed.push(transcript.callId);
    }
    const hiddenId = transcribed.find((id) => privateIds.has(id))!;
    const openId = transcribed.find((id) => !privateIds.has(id))!;
    expect(hiddenId).toBeDefined();
    expect(openId).toBeDefined();
    const ids = [hiddenId, openId];

    sandbox.requests.clear();
    const shown = await gong.execute("call_transcripts", "list", { filter: { callIds: ids } });
    expect(shown.data.map((t) => t.callId)).toEqual([openId]);
    expect(shown.meta.privateOmitted).toBe(1);
    // The flags were read in one lookup for the requested calls.
    const lookups = sandbox.requests.forPath("/v2/calls/extensive", "POST");
    expect(lookups).toHaveLength(1);
    expect((lookups[0]!.body as { filter: { callIds: string[] } }).filter.callIds.sort()).toEqual(
      [...ids].sort(),
    );
    const alone = await gong.execute("call_transcripts", "list", { filter: { callIds: [hiddenId] } });
    expect(alone.data).toEqual([]);
    // The tool an agent uses hides it the same way.
    const tool = GongConnector.toolUtils(gong);
    const text = (
      await tool.execute({
        entity: "call_transcripts",
        action: "list",
        params: { filter: { callIds: [hiddenId] } },
      })
    ).text;
    expect(JSON.parse(text).data).toEqual([]);

    const opted = await everything.execute("call_transcripts", "list", { filter: { callIds: ids } });
    expect(opted.data.map((t) => t.callId).sort()).toEqual([...ids].sort());
    expect(opted.meta.privateOmitted).toBeUndefined();
  });
});

describe("media download", () => {
  it("streams the file from the pre-signed URL without Gong credentials, passing Range through", async () => {
    const page = await gong.execute("calls", "list", range);
    const callId = page.data[0]!.id;
    sandbox.requests.clear();
    const whole = await gong.call_audio.download({ callId });
    const bytes = new Uint8Array(await new Response(whole.data.stream).arrayBuffer());
    expect(whole.data.status).toBe(200);
    expect(bytes.length).toBeGreaterThan(0);
    expect(whole.data.contentLength).toBe(bytes.length);

    const part = await gong.execute("call_audio", "download", {
      call_id: callId,
      range: "bytes=0-99",
    } as never);
    const partBytes = new Uint8Array(await new Response(part.data.stream).arrayBuffer());
    expect(part.data.status).toBe(206);
    expect(partBytes).toEqual(bytes.slice(0, 100));
    expect(part.data.contentRange).toBe(`bytes 0-99/${bytes.length}`);

    const api = sandbox.requests.forPath("/v2/calls/extensive", "POST");
    expect(api).toHaveLength(2);
    expect(api[0]!.headers["authorization"]).toMatch(/^Basic /);
    expect(api[0]!.body).toMatchObject({
      filter: { callIds: [callId] },
      contentSelector: { exposedFields: { media: true } },
    });
    const media = sandbox.requests.filter((r) => !r.path.startsWith("/v2/"));
    expect(media).toHaveLength(2);
    for (const request of media) expect(request.headers["authorization"]).toBeUndefined();
    expect(media[1]!.headers["range"]).toBe("bytes=0-99");
  });
});

describe("media link", () => {
  it("gives the pre-signed URL without opening it, and the tool uses it for downloads", async () => {
    const page = await gong.execute("calls", "list", range);
    const callId = page.data[0]!.id;
    sandbox.requests.clear();
    const link = await gong.call_audio.link({ callId });
    expect(link.data.callId).toBe(callId);
    expect(link.data.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const viaTool = await GongConnector.toolUtils(gong).execute({
      entity: "call_audio",
      action: "download",
      params: { callId },
    });
    expect(JSON.parse(viaTool.text).data.url).toBe(link.data.url);
    expect(sandbox.requests.filter((r) => !r.path.startsWith("/v2/"))).toEqual([]);
    const bytes = await fetch(link.data.url).then((response) => response.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});

describe("batched transcripts", () => {
  it("fetches transcripts of 250 calls in at most 3 requests", async () => {
    const ids: string[] = [];
    for await (const call of gong.paginate("calls", "list", range, { limit: 250 })) ids.push(call.id);
    sandbox.requests.clear();
    const transcripts = await gong.transcriptsForCalls([...ids, ...ids.slice(0, 10)]);
    const sent = sandbox.requests.forPath("/v2/calls/transcript", "POST");
    expect(sent.length).toBeLessThanOrEqual(3);
    for (const request of sent) {
      expect((request.body as { filter: { callIds: string[] } }).filter.callIds.length).toBeLessThanOrEqual(
        100,
      );
    }
    expect(transcripts.length).toBeGreaterThan(0);
    for (const transcript of transcripts) expect(ids).toContain(transcript.callId);
  });
});

describe("the tool over HTTP", () => {
  it("cuts a page to the output bound, continues it with offset, then follows the cursor", async () => {
    const pageOne = await gong.execute("calls", "list", range);
    const pageTwo = await gong.execute("calls", "list", { ...range, cursor: pageOne.meta.cursor! });
    const all = [...pageOne.data, ...pageTwo.data].map((call) => call.id);
    const tool = GongConnector.toolUtils(gong, { maxOutputChars: 8_000 });
    const first = await tool.execute({ entity: "calls", action: "list", params: range });
    expect(first.ok).toBe(true);
    expect(first.text.length).toBeLessThanOrEqual(8_000);
    const page = JSON.parse(first.text);
    const { returned, omitted, nextOffset } = page.meta.truncated;
    expect(returned + omitted).toBe(pageOne.data.length);
    expect(page.data.map((c: Call) => c.id)).toEqual(all.slice(0, returned));

    const rest = JSON.parse(
      (await tool.execute({ entity: "calls", action: "list", params: { ...range, offset: nextOffset } }))
        .text,
    );
    expect(rest.data[0].id).toBe(all[nextOffset]);

    const second = JSON.parse(
      (
        await tool.execute({
          entity: "calls",
          action: "list",
          params: { ...range, cursor: page.meta.cursor },
        })
      ).text,
    );
    expect(second.data[0].id).toBe(pageTwo.data[0]!.id);
  });

  it("gives Gong's own 400 back as text the model can act on", async () => {
    const tool = GongConnector.toolUtils(gong);
    const result = await tool.execute({
      entity: "calls",
      action: "list",
      params: { ...range, cursor: "not-a-cursor" },
    });
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/^Error \(Gong\w+Error\): /);
    expect(result.text).toContain("HTTP 400");
  });
});

describe("other behaviour over HTTP", () => {
  it("defaults to the last 30 days up to now, which Gong accepts", async () => {
    sandbox.requests.clear();
    const page = await gong.execute("calls", "list");
    const sent = sandbox.requests.forPath("/v2/calls", "GET")[0]!;
    expect(sent.status).toBe(200);
    const from = Date.parse(sent.query["fromDateTime"] as string);
    const to = Date.parse(sent.query["toDateTime"] as string);
    expect(to).toBeGreaterThan(Date.now());
    expect(Math.round((to - from) / 86_400_000)).toBe(31);
    for (const call of page.data) expect(Date.parse(call.started!)).toBeGreaterThanOrEqual(from);
  });

  it("answers an empty range with an empty list and a note", async () => {
    const page = await gong.execute("calls", "list", {
      fromDateTime: "2001-01-01T00:00:00Z",
      toDateTime: "2001-01-02T00:00:00Z",
    });
    expect(page.data).toEqual([]);
    expect(page.meta.hasMore).toBe(false);
    expect(page.meta.note).toContain("cannot see");
  });

  it("passes OAuth settings through to the client: rotated tokens persisted, tenant host adopted", async () => {
    const saved: { refreshToken?: string }[] = [];
    const oauth = new GongConnector({
      auth: {
        refreshToken: sandbox.oauth.refreshToken,
        clientId: sandbox.oauth.clientId,
        clientSecret: sandbox.oauth.clientSecret,
        tokenUrl: sandbox.oauth.tokenUrl,
      },
      onTokenRefresh: (tokens) => {
        saved.push(tokens);
      },
      rateLimit: false,
    });
    sandbox.requests.clear();
    const users = await oauth.users.list();
    expect(users.data.length).toBeGreaterThan(0);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.refreshToken).not.toBe(sandbox.oauth.refreshToken);
    const api = sandbox.requests.forPath("/v2/users", "GET");
    expect(api.map((r) => r.listener)).toEqual(["tenant"]);
    expect(api[0]!.headers["authorization"]).toMatch(/^Bearer /);
  });

  it("accepts the Python SDK's flat config and reports health", async () => {
    const python = new GongConnector({
      access_key: sandbox.accessKey,
      access_key_secret: sandbox.accessKeySecret,
      baseUrl: sandbox.url,
      rateLimit: false,
    });
    expect((await python.check()).status).toBe("healthy");
    const users = await python.users.list();
    expect(users.data.length).toBeGreaterThan(0);
    const wrong = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: "not-the-secret" },
      baseUrl: sandbox.url,
      rateLimit: false,
      maxRetries: 0,
    });
    const health = await wrong.check();
    expect(health.status).toBe("unhealthy");
    expect(health.error).not.toContain("not-the-secret");
  });
});
