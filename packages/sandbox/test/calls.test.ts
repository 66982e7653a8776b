// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, collect, NOW } from "./helpers.ts";
import { validateResponse } from "./openapi.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, now: NOW, rateLimit: false });
  api = client(sandbox);
});
afterAll(() => sandbox.close());

const expectValid = (template: string, method: string, result: { status: number; json: unknown }) =>
  expect(validateResponse(template, method, result.status, result.json)).toEqual([]);

describe("GET /v2/calls", () => {
  it("pages through every call of six months, 100 at a time, without duplicates", async () => {
    const { records, pages } = await collect(api, "GET", "/v2/calls", "calls");
    expect(records).toHaveLength(2000);
    expect(new Set(records.map((c) => c.id)).size).toBe(2000);
    expect(pages).toHaveLength(20);
    pages.forEach((p, i) => {
      expectValid("/v2/calls", "GET", p);
      expect(p.json.records.currentPageNumber).toBe(i);
      expect(p.json.records.totalRecords).toBe(2000);
      expect(p.json.records.currentPageSize).toBe(100);
    });
    expect(pages.at(-1)!.json.records.cursor).toBeUndefined();
    const starts = records.map((c) => Date.parse(c.started));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const sixMonthsAgo = Date.parse(NOW) - 183 * 86_400_000;
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(sixMonthsAgo);
    expect(Math.max(...starts)).toBeLessThan(Date.parse(NOW));
    expect(records.some((c) => c.isPrivate)).toBe(true);
  });

  it("filters on start time with an inclusive from and an exclusive to", async () => {
    const all = (await collect(api, "GET", "/v2/calls", "calls")).records;
    const pivot = all[500];
    const to = all[700].started;
    const { records } = await collect(
      api,
      "GET",
      `/v2/calls?fromDateTime=${encodeURIComponent(pivot.started)}&toDateTime=${encodeURIComponent(to)}`,
      "calls",
    );
    expect(records.map((c) => c.id)).toEqual(all.slice(500, 700).map((c) => c.id));
  });

  it("filters by workspace", async () => {
    const workspaceId = sandbox.data.workspaces[1]!.id;
    const { records } = await collect(api, "GET", `/v2/calls?workspaceId=${workspaceId}`, "calls");
    expect(records.length).toBeGreaterThan(100);
    expect(records.every((c) => c.workspaceId === workspaceId)).toBe(true);
  });

  it("answers 404 with Gong's message for an empty range", async () => {
    const result = await api.get(
      "/v2/calls?fromDateTime=2020-01-01T00:00:00Z&toDateTime=2020-02-01T00:00:00Z",
    );
    expect(result.status).toBe(404);
    expect(result.json.errors).toEqual(["No calls found corresponding to the provided filters"]);
    expect(typeof result.json.requestId).toBe("string");
    expectValid("/v2/calls", "GET", result);
  });

  it("refuses malformed dates and reversed ranges with 400", async () => {
    for (const query of [
      "fromDateTime=2026-01-01",
      "fromDateTime=yesterday",
      "toDateTime=2026-13-01T00:00:00Z",
      "fromDateTime=2026-02-01T00:00:00Z&toDateTime=2026-01-01T00:00:00Z",
    ]) {
      const result = await api.get(`/v2/calls?${query}`);
      expect(result.status, query).toBe(400);
      expect(result.json.errors[0]).toMatch(/DateTime/);
      expectValid("/v2/calls", "GET", result);
    }
  });

  it("refuses a cursor replayed with other filters", async () => {
    const first = await api.get("/v2/calls");
    const result = await api.get(
      `/v2/calls?workspaceId=${sandbox.data.workspaces[0]!.id}&cursor=${first.json.records.cursor}`,
    );
    expect(result.status).toBe(400);
    expect(result.json.errors[0]).toMatch(/cursor/);
  });
});

describe("GET /v2/calls/{id}", () => {
  it("returns one call, the same as in the list", async () => {
    const list = await api.get("/v2/calls");
    const call = list.json.calls[42];
    const result = await api.get(`/v2/calls/${call.id}`);
    expect(result.status).toBe(200);
    expect(result.json.call).toEqual(call);
    expectValid("/v2/calls/{id}", "GET", result);
  });

  it("answers 404 for an unknown id and 400 for a non-numeric one", async () => {
    const missing = await api.get("/v2/calls/1234567890123");
    expect(missing.status).toBe(404);
    expectValid("/v2/calls/{id}", "GET", missing);
    const bad = await api.get("/v2/calls/abc");
    expect(bad.status).toBe(400);
    expectValid("/v2/calls/{id}", "GET", bad);
  });
});

describe("POST /v2/calls/extensive", () => {
  const everything = {
    context: "Extended",
    contextTiming: ["Now", "TimeOfCall"],
    exposedFields: {
      parties: true,
      media: true,
      content: {
        structure: true,
        topics: true,
        trackers: true,
        trackerOccurrences: true,
        brief: true,
        outline: true,
        highlights: true,
        callOutcome: true,
        keyPoints: true,
      },
      interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
      collaboration: { publicComments: true },
    },
  };

  it("returns only metaData when nothing is selected", async () => {
    const result = await api.post("/v2/calls/extensive", { filter: {} });
    expect(result.status).toBe(200);
    expectValid("/v2/calls/extensive", "POST", result);
    expect(Object.keys(result.json.calls[0])).toEqual(["metaData"]);
  });

  it("returns exactly the selected parts, valid against the spec", async () => {
    const { records, pages } = await collect(api, "POST", "/v2/calls/extensive", "calls", {
      filter: { fromDateTime: "2026-10-01T00:00:00Z", toDateTime: "2026-10-20T00:00:00Z" },
      contentSelector: everything,
    });
    for (const p of pages) expectValid("/v2/calls/extensive", "POST", p);
    expect(records.length).toBeGreaterThan(100);
    const external = records.find((c) => c.metaData.scope === "External" && c.metaData.media === "Video");
    expect(Object.keys(external).sort()).toEqual([
      "collaboration",
      "content",
      "context",
      "interaction",
      "media",
      "metaData",
      "parties",
    ]);
    expect(external.context[0].objects.map((o: any) => o.timing)).toEqual([
      "Now",
      "Now",
      "TimeOfCall",
      "TimeOfCall",
    ]);
    expect(external.context[0].objects[0].fields.find((f: any) => f.name === "Name").value).toBeTruthy();
    expect(external.media.audioUrl).toMatch(/\/media\/\d+\.mp3\?expires=\d+&sig=/);
    // Speakers in the interaction stats are parties of the call.
    const partyIds = new Set(external.parties.map((p: any) => p.id));
    expect(external.interaction.speakers.every((s: any) => partyIds.has(s.id))).toBe(true);
    // Tracker occurrences point at speakers of the call.
    const speakerIds = new Set(external.parties.map((p: any) => p.speakerId).filter(Boolean));
    for (const tracker of external.content.trackers) {
      expect(tracker.count).toBe(tracker.occurrences.length);
      for (const o of tracker.occurrences) expect(speakerIds.has(o.speakerId)).toBe(true);
    }
  });

  it("honours a partial selector", async () => {
    const result = await api.post("/v2/calls/extensive", {
      filter: {},
      contentSelector: { exposedFields: { content: { brief: true }, interaction: { questions: true } } },
    });
    expectValid("/v2/calls/extensive", "POST", result);
    const call = result.json.calls[0];
    expect(Object.keys(call).sort()).toEqual(["content", "interaction", "metaData"]);
    expect(Object.keys(call.content)).toEqual(["brief"]);
    expect(Object.keys(call.interaction)).toEqual(["questions"]);
  });

  it("filters by callIds and primaryUserIds", async () => {
    const list = (await api.get("/v2/calls")).json.calls;
    const ids = [list[3].id, list[7].id, list[9].id];
    const byIds = await api.post("/v2/calls/extensive", { filter: { callIds: ids } });
    expect(byIds.json.calls.map((c: any) => c.metaData.id).sort()).toEqual([...ids].sort());

    const host = list[0].primaryUserId;
    const { records } = await collect(api, "POST", "/v2/calls/extensive", "calls", {
      filter: { primaryUserIds: [host] },
    });
    expect(records.length).toBeGreaterThan(5);
    expect(records.every((c) => c.metaData.primaryUserId === host)).toBe(true);
  });

  it("keeps the cursor in the body; a cursor in the query returns page 1 again", async () => {
    const body = { filter: {} };
    const first = await api.post("/v2/calls/extensive", body);
    const cursor = first.json.records.cursor;
    const second = await api.post("/v2/calls/extensive", { ...body, cursor });
    expect(second.json.records.currentPageNumber).toBe(1);
    expect(second.json.calls[0].metaData.id).not.toBe(first.json.calls[0].metaData.id);
    const again = await api.post(`/v2/calls/extensive?cursor=${cursor}`, body);
    expect(again.json.records.currentPageNumber).toBe(0);
    expect(again.json.calls[0].metaData.id).toBe(first.json.calls[0].metaData.id);
  });

  it("answers Gong's 400s for the classic mistakes", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ filter: { callIds: [] } }, /callIds must not be empty/],
      [{ filter: { callIds: ["1"], workspaceId: sandbox.data.workspaces[0]!.id } }, /cannot be combined/],
      [{ filter: { fromDateTime: "2026-01-01" } }, /fromDateTime has an invalid format/],
      [{ filter: { primaryUserIds: [] } }, /primaryUserIds must not be empty/],
      [{}, /filter is required/],
    ];
    for (const [body, message] of cases) {
      const result = await api.post("/v2/calls/extensive", body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.json.errors[0]).toMatch(message);
      expectValid("/v2/calls/extensive", "POST", result);
    }
    const invalid = await api.request("POST", "/v2/calls/extensive", "{not json");
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatch(/not valid JSON/);
  });

  it("answers 404 when the ids match nothing", async () => {
    const result = await api.post("/v2/calls/extensive", { filter: { callIds: ["999"] } });
    expect(result.status).toBe(404);
    expectValid("/v2/calls/extensive", "POST", result);
  });
});

describe("POST /v2/calls/transcript", () => {
  it("returns transcripts whose speakers are the call's parties, with millisecond offsets", async () => {
    const calls = (
      await api.post("/v2/calls/extensive", {
        filter: {},
        contentSelector: { exposedFields: { parties: true } },
      })
    ).json.calls;
    const picked = calls.filter((c: any) => c.metaData.scope === "External").slice(0, 5);
    const result = await api.post("/v2/calls/transcript", {
      filter: { callIds: picked.map((c: any) => c.metaData.id) },
    });
    expect(result.status).toBe(200);
    expectValid("/v2/calls/transcript", "POST", result);
    expect(result.json.callTranscripts).toHaveLength(picked.length);
    for (const t of result.json.callTranscripts) {
      const call = picked.find((c: any) => c.metaData.id === t.callId);
      const speakerIds = new Set(call.parties.map((p: any) => p.speakerId).filter(Boolean));
      expect(t.transcript.length).toBeGreaterThan(0);
      let last = -1;
      for (const monologue of t.transcript) {
        expect(speakerIds.has(monologue.speakerId)).toBe(true);
        for (const s of monologue.sentences) {
          expect(s.start).toBeGreaterThan(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(call.metaData.duration * 1000);
          last = s.start;
        }
      }
    }
  });

  it("pages transcripts of a date range", async () => {
    const { records, pages } = await collect(api, "POST", "/v2/calls/transcript", "callTranscripts", {
      filter: { fromDateTime: "2026-09-01T00:00:00Z", toDateTime: "2026-09-20T00:00:00Z" },
    });
    const expected = (
      await collect(
        api,
        "GET",
        "/v2/calls?fromDateTime=2026-09-01T00:00:00Z&toDateTime=2026-09-20T00:00:00Z",
        "calls",
      )
    ).records;
    expect(records.map((t) => t.callId)).toEqual(expected.map((c) => c.id));
    for (const p of pages) expectValid("/v2/calls/transcript", "POST", p);
  });

  it("refuses an empty callIds list", async () => {
    const result = await api.post("/v2/calls/transcript", { filter: { callIds: [] } });
    expect(result.status).toBe(400);
    expectValid("/v2/calls/transcript", "POST", result);
  });
});
