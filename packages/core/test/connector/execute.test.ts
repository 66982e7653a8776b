/** execute(): validation before any request, aliases, defaults, result shaping. Request building is pure. */
import { describe, expect, it } from "vitest";
import { GongConnector } from "../../src/connector.js";
import { GongPermissionError, GongValidationError } from "../../src/errors.js";
import { EMPTY_RESULT_NOTE } from "../../src/local-executor.js";
import { type Answer, RecordingClient } from "./recording-client.js";

const NOW = new Date("2026-03-10T15:00:00Z");

function connector(
  answer: (index: number) => Answer = () => ({ data: { requestId: "r", records: {} } }),
  extra = {},
) {
  const client = new RecordingClient((_request, index) => answer(index));
  const gong = new GongConnector({ client, now: () => NOW, ...extra });
  return { client, gong };
}

async function refusal(promise: Promise<unknown>): Promise<GongValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GongValidationError);
  return error as GongValidationError;
}

describe("validation before any request", () => {
  it("refuses a bad nested enum and names the field and the valid values", async () => {
    const { client, gong } = connector();
    const error = await refusal(
      gong.execute("calls_extensive", "list", { contentSelector: { context: "Everything" as "Basic" } }),
    );
    expect(error.field).toBe("params.contentSelector.context");
    expect(error.validValues).toEqual(["None", "Basic", "Extended"]);
    expect(error.message).toContain("params.contentSelector.context must be one of: None, Basic, Extended");
    expect(client.requests).toHaveLength(0);
  });

  it("requires required fields, naming them", async () => {
    const { client, gong } = connector();
    const error = await refusal(gong.execute("coaching", "list", { workspaceId: "1" } as never));
    expect(error.message).toContain("params.managerId is required");
    const enumError = await refusal(gong.execute("logs", "list", {} as never));
    expect(enumError.message).toContain("params.logType");
    expect(enumError.message).toContain("AccessLog");
    expect(client.requests).toHaveLength(0);
  });

  it("tells YYYY-MM-DD fields from ISO date-times", async () => {
    const { client, gong } = connector();
    const error = await refusal(
      gong.execute("stats_activity_aggregate", "list", { filter: { fromDate: "2026-01-01T00:00:00Z" } }),
    );
    expect(error.message).toContain("params.filter.fromDate must be a date as YYYY-MM-DD");
    const impossible = await refusal(gong.execute("calls", "list", { fromDateTime: "2026-13-01" }));
    expect(impossible.message).toContain('got "2026-13-01"');
    const dateTimeError = await refusal(gong.execute("calls", "list", { fromDateTime: "yesterday" }));
    expect(dateTimeError.message).toContain(
      "params.fromDateTime must be an ISO-8601 date-time with a time zone",
    );
    expect(client.requests).toHaveLength(0);
    // A plain date in a date-time field means midnight UTC.
    await gong.execute("calls", "list", { fromDateTime: "2026-01-01", toDateTime: "2026-02-01" });
    expect(client.requests[0]?.query).toMatchObject({
      fromDateTime: "2026-01-01T00:00:00Z",
      toDateTime: "2026-02-01T00:00:00Z",
    });
  });

  it("refuses a range whose start is not before its end", async () => {
    const { gong } = connector();
    const error = await refusal(
      gong.execute("stats_interaction", "list", { filter: { fromDate: "2026-02-01", toDate: "2026-02-01" } }),
    );
    expect(error.message).toContain("must be before params.filter.toDate");
  });

  it("drops an empty callIds and refuses callIds with workspaceId", async () => {
    const { client, gong } = connector();
    await gong.execute("call_transcripts", "list", { filter: { callIds: [] } });
    const body = client.requests[0]?.body as { filter: Record<string, unknown> };
    expect(body.filter).not.toHaveProperty("callIds");
    expect(body.filter).toMatchObject({
      fromDateTime: "2026-02-08T00:00:00Z",
      toDateTime: "2026-03-11T00:00:00Z",
    });
    const error = await refusal(
      gong.execute("calls_extensive", "list", { filter: { callIds: ["1"], workspaceId: "9" } }),
    );
    expect(error.message).toContain("callIds cannot be combined with params.filter.workspaceId");
    expect(client.requests).toHaveLength(1);
  });

  it("names unknown parameters and lists the valid ones", async () => {
    const { gong } = connector();
    const error = await refusal(gong.execute("users", "list", { limit: 5 } as never));
    expect(error.message).toBe(
      "Unknown parameter params.limit for users list. Valid parameters at params: includeAvatars, cursor.",
    );
    const nested = await refusal(
      gong.execute("calls_extensive", "list", { filter: { fromDate: "x" } } as never),
    );
    expect(nested.message).toContain("params.filter.fromDate");
    expect(nested.validValues).toContain("fromDateTime");
  });

  it("lists valid entities and actions for unknown names", async () => {
    const { gong } = connector();
    const entity = await refusal(gong.executeFn("callz", "list", {}));
    expect(entity.message).toContain('Unknown entity "callz". Valid entities: users, users_extensive');
    expect(entity.validValues).toContain("calls_extensive");
    const action = await refusal(gong.executeFn("calls", "delete", {}));
    expect(action.message).toBe(
      'Unknown action "delete" for entity "calls". Valid actions for calls: list, get.',
    );
  });

  it("refuses credit-spending operations unless allowCreditSpend", async () => {
    const { client, gong } = connector();
    const params = {
      workspaceId: "1",
      crmEntityType: "ACCOUNT",
      crmEntityId: "a",
      timePeriod: "LAST_30DAYS",
      question: "Any risks?",
    } as const;
    const error = await refusal(gong.execute("ask_entity", "get", params));
    expect(error.message).toContain("allowCreditSpend: true");
    expect(client.requests).toHaveLength(0);
    const allowed = connector(() => ({ data: { requestId: "r", answer: [{ text: "none" }] } }), {
      allowCreditSpend: true,
    });
    const result = await allowed.gong.execute("ask_entity", "get", params);
    expect(result.data).toEqual({ answer: [{ text: "none" }] });
    expect(allowed.client.requests[0]).toMatchObject({ method: "GET", path: "/v2/entities/ask-entity" });
  });
});

describe("aliases", () => {
  it("accepts snake_case at every level", async () => {
    const { client, gong } = connector();
    await gong.execute("calls_extensive", "list", {
      filter: { from_date_time: "2026-01-01T00:00:00Z", primary_user_ids: ["7"] },
      content_selector: { exposed_fields: { media: true } },
    });
    expect(client.requests[0]?.body).toEqual({
      filter: {
        fromDateTime: "2026-01-01T00:00:00Z",
        toDateTime: "2026-03-11T00:00:00Z",
        primaryUserIds: ["7"],
      },
      contentSelector: { exposedFields: { media: true, parties: true } },
    });
  });

  it("sends coaching under Gong's wire names whichever spelling is used", async () => {
    for (const params of [
      { workspaceId: "1", managerId: "2" },
      { workspace_id: "1", manager_id: "2" },
      { "workspace-id": "1", "manager-id": "2" },
    ]) {
      const { client, gong } = connector();
      await gong.execute("coaching", "list", params as never);
      expect(client.requests[0]?.query).toEqual({
        "workspace-id": "1",
        "manager-id": "2",
        from: "2026-02-08T00:00:00Z",
        to: "2026-03-11T00:00:00Z",
      });
    }
  });

  it("forgives the usual slips: a single id for a list, numeric ids, boolean strings, null for absent", async () => {
    const { client, gong } = connector();
    await gong.execute("tasks", "list", {
      filter: { userId: 42, status: "DONE", workspaceId: null },
    } as never);
    expect(client.requests[0]?.body).toEqual({
      filter: { userId: "42", status: ["DONE"], types: ["FLOW", "MANUAL"], taskAction: ["CALL"] },
    });
    await gong.execute("users", "list", { includeAvatars: "true" } as never);
    expect(client.requests[1]?.query).toEqual({ includeAvatars: true });
    const unsafe = await refusal(
      gong.execute("users", "get", { id: Number("7782342274025937895") } as never),
    );
    expect(unsafe.message).toContain('Pass ids as strings, e.g. "7782342274025937895"');
    const badEnum = await refusal(
      gong.execute("tasks", "list", { filter: { userId: "1", status: ["LATE"] } } as never),
    );
    expect(badEnum.field).toBe("params.filter.status[0]");
    expect(badEnum.validValues).toEqual(["OPEN", "DONE", "DISMISSED"]);
  });

  it("refuses the same field given twice with different values", async () => {
    const { gong } = connector();
    const error = await refusal(gong.execute("users", "get", { id: "1", ...{ userId: "2" } } as never));
    expect(error.message).toContain("params.userId");
  });
});

describe("defaults", () => {
  it("deep-merges a partial filter over default dates relative to today", async () => {
    const { client, gong } = connector();
    await gong.execute("stats_activity_aggregate", "list", { filter: { userIds: ["5"] } });
    expect(client.requests[0]?.body).toEqual({
      filter: { fromDate: "2026-02-08", toDate: "2026-03-10", userIds: ["5"] },
    });
    await gong.execute("stats_activity_day_by_day", "list", { filter: { toDate: "2026-01-31" } });
    expect(client.requests[1]!.body).toEqual({ filter: { fromDate: "2026-01-01", toDate: "2026-01-31" } });
  });

  it("moves with the clock instead of using fixed dates", async () => {
    const client = new RecordingClient(() => ({ data: { requestId: "r", records: {} } }));
    let now = new Date("2026-03-10T15:00:00Z");
    const gong = new GongConnector({ client, now: () => now });
    await gong.execute("calls", "list");
    now = new Date("2027-07-01T08:00:00Z");
    await gong.execute("calls", "list");
    expect(client.requests.map((r) => r.query?.["toDateTime"])).toEqual([
      "2026-03-11T00:00:00Z",
      "2027-07-02T00:00:00Z",
    ]);
  });

  it("selects calls by id without adding a date range", async () => {
    const { client, gong } = connector();
    await gong.execute("call_transcripts", "list", { filter: { callIds: ["1", "2"] } });
    expect(client.requests[0]?.body).toEqual({ filter: { callIds: ["1", "2"] } });
  });
});

describe("results", () => {
  it("turns Gong's empty-result 404 into an empty list with a note", async () => {
    const { gong } = connector(() => ({
      emptyResult: true,
      data: { requestId: "r", errors: ["No calls found corresponding to the provided filters"] },
    }));
    const page = await gong.execute("calls", "list");
    expect(page).toEqual({
      data: [],
      meta: { hasMore: false, totalRecords: 0, note: EMPTY_RESULT_NOTE, requestId: "req-1" },
    });
  });

  it("leaves private calls out by default and keeps records without the flag", async () => {
    const calls = [{ id: "1", isPrivate: false }, { id: "2", isPrivate: true }, { id: "3" }];
    const { gong } = connector(() => ({ data: { requestId: "r", records: {}, calls } }));
    const page = await gong.execute("calls", "list");
    expect(page.data.map((c) => c.id)).toEqual(["1", "3"]);
    expect(page.meta.privateOmitted).toBe(1);
    const opted = connector(() => ({ data: { requestId: "r", records: {}, calls } }), {
      includePrivate: true,
    });
    expect((await opted.gong.execute("calls", "list")).data.map((c) => c.id)).toEqual(["1", "2", "3"]);
  });

  it("reads the private flag of extensive calls from metaData and refuses a private call by id", async () => {
    const calls = [{ metaData: { id: "1", isPrivate: true } }, { metaData: { id: "2" } }];
    const { gong } = connector((i) =>
      i === 0
        ? { data: { requestId: "r", records: {}, calls } }
        : { data: { requestId: "r", call: { id: "1", isPrivate: true } } },
    );
    const page = await gong.execute("calls_extensive", "list", { filter: { callIds: ["1", "2"] } });
    expect(page.data.map((c) => c.metaData.id)).toEqual(["2"]);
    await expect(gong.execute("calls", "get", { id: "1" })).rejects.toBeInstanceOf(GongPermissionError);
  });

  it("leaves out transcripts of private calls listed by date, looking their flags up in one request", async () => {
    const transcripts = [
      { callId: "1", transcript: [] },
      { callId: "2", transcript: [] },
      { callId: "3", transcript: [] },
    ];
    const { client, gong } = connector((i) =>
      i === 0
        ? { data: { requestId: "r", records: {}, callTranscripts: transcripts } }
        : {
            data: {
              requestId: "r",
              records: {},
              calls: [{ metaData: { id: "2", isPrivate: true } }, { metaData: { id: "1" } }],
            },
          },
    );
    const page = await gong.execute("call_transcripts", "list");
    expect(page.data.map((t) => t.callId)).toEqual(["1", "3"]);
    expect(page.meta.privateOmitted).toBe(1);
    expect(client.requests[1]).toMatchObject({
      method: "POST",
      path: "/v2/calls/extensive",
      body: { filter: { callIds: ["1", "2", "3"] } },
    });
    // Without the scope to read the flags it fails closed, saying what to do.
    const refused = connector((i) => {
      if (i === 0) return { data: { requestId: "r", records: {}, callTranscripts: transcripts } };
      throw new GongPermissionError("Missing scope.", { status: 403 });
    });
    const error = await refused.gong.execute("call_transcripts", "list").catch((e: Error) => e);
    expect(error).toBeInstanceOf(GongPermissionError);
    expect((error as Error).message).toContain("includePrivate: true");
  });

  it("looks up private flags for transcripts selected by id too, and fails closed without the scope", async () => {
    const transcripts = [
      { callId: "1", transcript: [] },
      { callId: "2", transcript: [] },
    ];
    const flags = { requestId: "r", records: {}, calls: [{ metaData: { id: "2", isPrivate: true } }] };
    const byId = connector((i) =>
      i === 0 ? { data: { requestId: "r", records: {}, callTranscripts: transcripts } } : { data: flags },
    );
    const page = await byId.gong.execute("call_transcripts", "list", { filter: { callIds: ["1", "2"] } });
    expect(page.data.map((t) => t.callId)).toEqual(["1"]);
    expect(page.meta.privateOmitted).toBe(1);
    expect(byId.client.requests).toHaveLength(2);
    expect(byId.client.requests[1]).toMatchObject({
      method: "POST",
      path: "/v2/calls/extensive",
      body: { filter: { callIds: ["1", "2"] } },
    });
    const refused = connector((i) => {
      if (i === 0) return { data: { requestId: "r", records: {}, callTranscripts: transcripts } };
      throw new GongPermissionError("Missing scope.", { status: 403 });
    });
    const error = await refused.gong
      .execute("call_transcripts", "list", { filter: { callIds: ["1", "2"] } })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(GongPermissionError);
    expect((error as Error).message).toContain("includePrivate: true");
    expect((error as Error).message).not.toContain("params.filter.callIds");
    // Opted in: no lookup, every transcript.
    const opted = connector(() => ({ data: { requestId: "r", records: {}, callTranscripts: transcripts } }), {
      includePrivate: true,
    });
    const all = await opted.gong.execute("call_transcripts", "list", { filter: { callIds: ["1", "2"] } });
    expect(all.data.map((t) => t.callId)).toEqual(["1", "2"]);
    expect(opted.client.requests).toHaveLength(1);
  });

  it("keeps Gong's other top-level fields of a list answer in meta.details", async () => {
    const { gong } = connector(() => ({
      data: {
        requestId: "r",
        records: {},
        timeZone: "America/New_York",
        usersAggregateActivityStats: [{ userId: "1" }],
      },
    }));
    const page = await gong.execute("stats_activity_aggregate", "list");
    expect(page.data).toEqual([{ userId: "1" }]);
    expect(page.meta.details).toEqual({ timeZone: "America/New_York" });
  });

  it("downloads media named by callId or, the Python SDK's way, by filter.callIds", async () => {
    const { client, gong } = connector(() => ({
      data: {
        requestId: "r",
        records: {},
        calls: [{ metaData: { id: "5" }, media: { videoUrl: "https://media.invalid/v5" } }],
      },
    }));
    const video = await gong.execute("call_video", "download", { filter: { callIds: ["5"] } } as never);
    expect(video.data).toMatchObject({
      callId: "5",
      url: "https://media.invalid/v5",
      status: 200,
      contentType: "audio/mpeg",
    });
    expect(await new Response(video.data.stream).text()).toBe("media-bytes");
    expect(client.downloads).toEqual([{ url: "https://media.invalid/v5" }]);
    const missing = await refusal(gong.execute("call_video", "download", {} as never));
    expect(missing.message).toContain("params.callId is required");
    const noAudio = await gong.call_audio.download({ callId: "5" }).catch((e: Error) => e);
    expect(String(noAudio)).toContain("has no audio media URL");
  });

  it("returns single records from get actions", async () => {
    const { client, gong } = connector(() => ({
      data: { requestId: "r", user: { id: "42", firstName: "Ada" } },
    }));
    const user = await gong.users.get({ id: "42" });
    expect(user).toEqual({ data: { id: "42", firstName: "Ada" }, meta: { requestId: "req-1" } });
    expect(client.requests[0]).toMatchObject({ method: "GET", path: "/v2/users/42" });
    expect(client.requests[0]?.query).toBeUndefined();
  });

  it("escapes path parameters", async () => {
    const { client, gong } = connector(() => ({ data: { requestId: "r", user: {} } }));
    await gong.users.get({ id: "a/../b" });
    expect(client.requests[0]?.path).toBe("/v2/users/a%2F..%2Fb");
  });
});

describe("paginate mechanics", () => {
  it("stops with an error when Gong repeats a cursor instead of looping", async () => {
    const { gong } = connector((i) => ({
      data: { requestId: "r", records: { cursor: i === 0 ? "A" : "B" }, users: [{ id: String(i) }] },
    }));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const user of gong.paginate("users", "list")) seen.push(user.id);
      })(),
    ).rejects.toThrow("Gong returned the same cursor twice");
    expect(seen).toEqual(["0", "1", "2"]);
  });

  it("resolves default dates once so every page repeats them", async () => {
    const client = new RecordingClient((_request, index) => ({
      data: {
        requestId: "r",
        records: index < 2 ? { cursor: `c${index}` } : {},
        calls: [{ id: String(index) }],
      },
    }));
    let tick = 0;
    // The clock crosses midnight between pages.
    const gong = new GongConnector({
      client,
      now: () => new Date(Date.UTC(2026, 2, 10, 23, 59, 59) + tick++ * 60_000),
    });
    const ids: string[] = [];
    for await (const call of gong.paginate("calls", "list")) ids.push(call.id);
    expect(ids).toEqual(["0", "1", "2"]);
    const queries = client.requests.map((r) => ({ ...r.query, cursor: undefined }));
    expect(new Set(queries.map((q) => JSON.stringify(q))).size).toBe(1);
    expect(client.requests.map((r) => r.query?.["cursor"])).toEqual([undefined, "c0", "c1"]);
  });
});

describe("check and describe", () => {
  it("describes itself without credentials and says what is missing on a call", async () => {
    const gong = new GongConnector();
    expect(gong.describe().entities.length).toBeGreaterThan(30);
    await expect(gong.users.list()).rejects.toThrow("No Gong credentials");
    expect((await gong.check()).status).toBe("unhealthy");
  });

  it("reports healthy and unhealthy with the reason", async () => {
    const ok = connector(() => ({ data: { requestId: "r", records: {}, users: [] } }));
    expect(await ok.gong.check()).toEqual({
      status: "healthy",
      checkedEntity: "users",
      checkedAction: "list",
    });
    const client = new RecordingClient(() => {
      throw new GongPermissionError("Access denied for this key.", { status: 403 });
    });
    const bad = new GongConnector({ client });
    expect(await bad.check()).toEqual({
      status: "unhealthy",
      error: "Access denied for this key.",
      checkedEntity: "users",
      checkedAction: "list",
    });
  });

  it("describes entities, actions and parameters with location, enum and scope", () => {
    const { gong } = connector();
    const all = gong.describe();
    expect(all.entities.length).toBeGreaterThanOrEqual(40);
    const coaching = gong.describe("coaching").entities[0]!.actions[0]!;
    expect(coaching).toMatchObject({ action: "list", method: "GET", path: "/v2/coaching", access: "read" });
    expect(coaching.scopes).toEqual(["api:coaching:read"]);
    expect(coaching.params.find((p) => p.name === "workspaceId")).toMatchObject({
      required: true,
      location: "query",
      wireName: "workspace-id",
      aliases: ["workspace_id"],
    });
    const extensive = gong.describe("calls_extensive").entities[0]!.actions[0]!;
    expect(extensive.cursor).toBe("body");
    expect(extensive.params.find((p) => p.name === "contentSelector.context")).toMatchObject({
      enum: ["None", "Basic", "Extended"],
      location: "body",
      required: false,
    });
    expect(
      gong
        .describe("stats_interaction")
        .entities[0]!.actions[0]!.params.find((p) => p.name === "filter.fromDate"),
    ).toMatchObject({ format: "date", type: "string" });
  });
});
