/** toolUtils: the tool an agent sees. Budget, schema shape, describe, errors as text, bounded output. */
import { getEncoding } from "js-tiktoken";
import { describe, expect, it } from "vitest";
import type { OperationSpec } from "../../src/catalog/types.js";
import { GongConnector } from "../../src/connector.js";
import {
  GongApiError,
  GongNotFoundError,
  GongRateLimitError,
  GongServerError,
  GongValidationError,
} from "../../src/errors.js";
import { errorText } from "../../src/tool/error-text.js";
import { isOffered } from "../../src/tool/offer.js";
import { toolUtils } from "../../src/tool/tool-utils.js";
import type { ExecuteFn } from "../../src/tool/types.js";
import { RecordingClient } from "../connector/recording-client.js";

type Call = { entity: string; action: string; params: Record<string, unknown> };

function recorder(answer: (call: Call, index: number) => unknown): { fn: ExecuteFn; calls: Call[] } {
  const calls: Call[] = [];
  const fn: ExecuteFn = async (entity, action, params) => {
    calls.push({ entity, action, params });
    return answer({ entity, action, params }, calls.length - 1);
  };
  return { fn, calls };
}

describe("tool definition", () => {
  const encoder = getEncoding("o200k_base");
  const tokens = (text: string) => encoder.encode(text).length;

  it("fits description and JSON schema of the whole read catalog in 2,000 o200k_base tokens", () => {
    for (const options of [{}, { includeCreditSpending: true }]) {
      const tool = toolUtils(async () => ({}), options);
      const total = tokens(tool.description) + tokens(JSON.stringify(tool.jsonSchema));
      expect(total).toBeLessThanOrEqual(2000);
      // It really lists the catalog: a tiny text would also pass the budget.
      expect(total).toBeGreaterThan(800);
    }
  });

  it("lists every offered entity and action, with Gong's pagination and date rules", () => {
    const tool = toolUtils(async () => ({}));
    const gong = new GongConnector({ client: new RecordingClient(() => ({ data: {} })) });
    for (const entity of gong.describe().entities) {
      const credits = entity.actions.every((a) => a.spendsCredits);
      expect(tool.description.includes(`\n${entity.entity}: `), entity.entity).toBe(!credits);
    }
    expect(tool.description).toContain("calls: list*(fromDateTime?,toDateTime?,workspaceId?) get(id)");
    expect(tool.description).toContain("params.cursor = meta.cursor");
    expect(tool.description).toContain("meta.hasMore");
    expect(tool.description).toContain("YYYY-MM-DD");
    expect(tool.description).toContain('"action":"describe"');
    expect(tool.description).not.toMatch(/starting_after|has_more/);
    const withCredits = toolUtils(async () => ({}), { includeCreditSpending: true });
    expect(withCredits.description).toContain("\nask_entity: get(");
  });

  it("has a flat, plain, open JSON schema", () => {
    const tool = toolUtils(async () => ({}));
    const schema = tool.jsonSchema;
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(Object.keys(schema)).not.toContain("~standard");
    expect(schema["type"]).toBe("object");
    expect(schema).not.toHaveProperty("oneOf");
    expect(schema).not.toHaveProperty("anyOf");
    expect(schema["required"]).toEqual(["entity", "action"]);
    const params = (schema["properties"] as Record<string, Record<string, unknown>>)["params"]!;
    expect(params["type"]).toBe("object");
    expect(params["additionalProperties"]).toBe(true);
    expect(tool.name).toBe("gong_execute");
    expect(
      tool.inputSchema.safeParse({ entity: "calls", action: "list", params: { anything: [1] } }).success,
    ).toBe(true);
    expect(tool.inputSchema.safeParse({ entity: "calls" }).success).toBe(false);
  });
});

describe("tool calls", () => {
  it("answers unknown entities with the valid ones, without calling Gong", async () => {
    const { fn, calls } = recorder(() => ({ data: [] }));
    const result = await toolUtils(fn).execute({ entity: "meetings", action: "list" });
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      'Unknown entity "meetings". Valid entities: users, users_extensive, user_settings_history, calls,',
    );
    expect(result.text).toContain("Fix the input");
    expect(result.text).not.toContain("ask_entity");
    expect(calls).toHaveLength(0);
    if (!result.ok) expect(result.error).toBeInstanceOf(GongValidationError);
  });

  it("answers unknown actions with that entity's actions", async () => {
    const { fn } = recorder(() => ({ data: [] }));
    const result = await toolUtils(fn).execute({ entity: "users", action: "search" });
    expect(result.text).toContain(
      'Unknown action "search" for entity "users". Valid actions: list, get, describe.',
    );
  });

  it("answers describe from the catalog", async () => {
    const { fn, calls } = recorder(() => ({ data: [] }));
    const tool = toolUtils(fn);
    const one = await tool.execute({ entity: "calls_extensive", action: "describe" });
    expect(one.ok).toBe(true);
    expect(one.text).toContain("calls_extensive list:");
    expect(one.text).toContain("contentSelector.context (string, optional, one of None|Basic|Extended)");
    expect(one.text).toContain("filter.fromDateTime (string date-time, optional, also from_date_time)");
    const viaEntity = await tool.execute({
      entity: "describe",
      action: "list",
      params: { entity: "coaching" },
    });
    expect(viaEntity.text).toContain("workspaceId (string, required, also workspace_id, workspace-id)");
    const all = await tool.execute({ entity: "describe", action: "describe" });
    expect(all.text).toContain("stats_interaction list:");
    const overview = await toolUtils(fn, { maxOutputChars: 3000 }).execute({
      entity: "describe",
      action: "describe",
    });
    expect(overview.text).toContain('{"entity": "<name>", "action": "describe"}');
    expect(overview.text).toContain("\nstats_interaction: list - ");
    expect(overview.text.length).toBeLessThan(all.text.length);
    expect(calls).toHaveLength(0);
  });

  it("passes params through and renders {data, meta} as JSON", async () => {
    const { fn, calls } = recorder(() => ({ data: [{ id: "1" }], meta: { hasMore: true, cursor: "c" } }));
    const result = await toolUtils(fn).execute({
      entity: "calls",
      action: "list",
      params: '{"fromDateTime":"2026-01-01"}',
    });
    expect(calls[0]).toEqual({ entity: "calls", action: "list", params: { fromDateTime: "2026-01-01" } });
    expect(JSON.parse(result.text)).toEqual({ data: [{ id: "1" }], meta: { hasMore: true, cursor: "c" } });
    const nullParams = await toolUtils(fn).execute({ entity: "workspaces", action: "list", params: null });
    expect(nullParams.ok).toBe(true);
    const whole = await toolUtils(fn).execute('{"entity":"users","action":"list"}');
    expect(whole.ok).toBe(true);
    expect(calls.slice(1)).toEqual([
      { entity: "workspaces", action: "list", params: {} },
      { entity: "users", action: "list", params: {} },
    ]);
  });

  it("cuts oversize output to whole records and says how to continue", async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      id: String(i),
      title: `Call number ${i} `.padEnd(180, "x"),
    }));
    const { fn, calls } = recorder(() => ({ data: records, meta: { hasMore: true, cursor: "next-page" } }));
    const tool = toolUtils(fn, { maxOutputChars: 10_000 });
    const first = await tool.execute({ entity: "calls", action: "list", params: {} });
    expect(first.ok).toBe(true);
    expect(first.text.length).toBeLessThanOrEqual(10_000);
    const parsed = JSON.parse(first.text);
    const truncated = parsed.meta.truncated;
    expect(parsed.data.length).toBe(truncated.returned);
    expect(truncated.returned).toBeGreaterThan(10);
    expect(truncated.returned + truncated.omitted).toBe(1000);
    expect(truncated.nextOffset).toBe(truncated.returned);
    expect(truncated.howToContinue).toContain(`params.offset = ${truncated.nextOffset}`);
    expect(parsed.meta.cursor).toBe("next-page");
    if (first.ok) expect((first.result as { data: unknown[] }).data).toHaveLength(1000);

    const second = await tool.execute({
      entity: "calls",
      action: "list",
      params: { offset: truncated.nextOffset },
    });
    const next = JSON.parse(second.text);
    expect(next.data[0].id).toBe(String(truncated.nextOffset));
    expect(calls[1]!.params).toEqual({});
    expect(next.meta.truncated.nextOffset).toBe(truncated.nextOffset * 2);
  });

  it("shows at most params.limit records and says how to get the rest of the page", async () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: String(i) }));
    const { fn, calls } = recorder(() => ({ data: records, meta: { hasMore: false } }));
    const tool = toolUtils(fn);
    const first = JSON.parse(
      (await tool.execute({ entity: "users", action: "list", params: { limit: 10 } })).text,
    );
    expect(first.data.map((r: { id: string }) => r.id)).toEqual(records.slice(0, 10).map((r) => r.id));
    expect(first.meta.truncated).toMatchObject({ returned: 10, omitted: 20, nextOffset: 10 });
    const last = JSON.parse(
      (await tool.execute({ entity: "users", action: "list", params: { limit: 25, offset: 10 } })).text,
    );
    expect(last.data).toHaveLength(20);
    expect(last.meta.truncated).toBeUndefined();
    expect(last.meta.offset).toBe(10);
    expect(calls.map((c) => c.params)).toEqual([{}, {}]);
    const bad = await tool.execute({ entity: "users", action: "list", params: { limit: 0 } });
    expect(bad.text).toContain("params.limit must be a whole number ≥ 1");
  });

  it("shows a single record bigger than the limit shortened, instead of failing", async () => {
    const { fn } = recorder(() => ({
      data: [{ id: "1", outline: "y".repeat(5000) }],
      meta: { hasMore: false },
    }));
    const result = await toolUtils(fn, { maxOutputChars: 1000 }).execute({ entity: "calls", action: "list" });
    expect(result.ok).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    const parsed = JSON.parse(result.text);
    expect(parsed.meta.hasMore).toBe(false);
    expect(parsed.meta.truncated).toMatchObject({ returned: 1, omitted: 0, nextOffset: 1 });
    expect(parsed.data[0].id).toBe("1");
    expect(parsed.data[0].outline).toMatch(/^y{100,}…$/);
    expect(parsed.meta.truncated.shortened).toEqual([
      { path: "outline", kind: "chars", cuts: 1, shown: parsed.data[0].outline.length - 1, total: 5000 },
    ]);
  });

  it("retries retryable errors inside, and not validation errors", async () => {
    const flaky = recorder((_call, index) => {
      if (index === 0) throw new GongServerError("Gong answered 503.", { status: 503 });
      return { data: [], meta: { hasMore: false } };
    });
    const ok = await toolUtils(flaky.fn, { internalRetries: 1 }).execute({ entity: "users", action: "list" });
    expect(ok.ok).toBe(true);
    expect(flaky.calls).toHaveLength(2);

    const down = recorder(() => {
      throw new GongServerError("Gong answered 503.", { status: 503 });
    });
    const failed = await toolUtils(down.fn, { internalRetries: 2 }).execute({
      entity: "users",
      action: "list",
    });
    expect(down.calls).toHaveLength(3);
    expect(failed.text).toContain("Error (GongServerError): Gong answered 503.");
    expect(failed.text).toContain("retrying the same call may work");

    const quota = recorder(() => {
      throw new GongRateLimitError("Daily quota used up.", { status: 429, retryAfterMs: 3_600_000 });
    });
    const later = await toolUtils(quota.fn, { internalRetries: 3 }).execute({
      entity: "users",
      action: "list",
    });
    expect(quota.calls).toHaveLength(1);
    expect(later.text).toContain("retry the same call after about 3600 s");

    const invalid = recorder(() => {
      throw new GongValidationError("params.filter.fromDate must be a date as YYYY-MM-DD.");
    });
    await toolUtils(invalid.fn, { internalRetries: 3 }).execute({ entity: "users", action: "list" });
    expect(invalid.calls).toHaveLength(1);
  });

  it("says status and request id once", () => {
    const repeated = new GongNotFoundError("GET /v2/users/9 failed with HTTP 404 (Gong requestId abc).", {
      status: 404,
      requestId: "abc",
    });
    expect(errorText(repeated)).toBe(
      "Error (GongNotFoundError): GET /v2/users/9 failed with HTTP 404 (Gong requestId abc). Check the id (list the entity to find valid ids).",
    );
    const bare = new GongNotFoundError("No such user.", { status: 404, requestId: "abc" });
    expect(errorText(bare)).toContain("No such user. (HTTP 404, requestId abc)");
  });

  it("explains Gong's 402 as used-up credits", () => {
    const error = new GongApiError("Payment required.", { status: 402 });
    expect(errorText(error)).toContain("Gong credits for AI answers are used up; retrying will not help.");
  });

  it("offers write actions only when allowed", () => {
    const write = { access: "write", spendsCredits: false } as OperationSpec;
    expect(isOffered(write, {})).toBe(false);
    expect(isOffered(write, { allowWrites: true })).toBe(true);
    expect(isOffered({ access: "read", spendsCredits: true } as OperationSpec, {})).toBe(false);
  });

  it("turns the connector's validation errors into text naming the field and valid values", async () => {
    const gong = new GongConnector({ client: new RecordingClient(() => ({ data: {} })) });
    const tool = GongConnector.toolUtils(gong);
    const result = await tool.execute({
      entity: "calls_extensive",
      action: "list",
      params: { contentSelector: { context: "All" } },
    });
    expect(result.ok).toBe(false);
    expect(result.text).toContain("params.contentSelector.context must be one of: None, Basic, Extended");
    expect(tool.isWrite({ entity: "calls", action: "list" })).toBe(false);
  });

  it("answers a media download with the link, never opening the file", async () => {
    const { fn, calls } = recorder(() => ({ data: { callId: "1", url: "https://media.invalid/a" } }));
    const result = await toolUtils(fn).execute({
      entity: "call_audio",
      action: "download",
      params: { callId: "1", range_header: "bytes=0-9" },
    });
    expect(calls).toEqual([{ entity: "call_audio", action: "link", params: { callId: "1" } }]);
    expect(JSON.parse(result.text)).toEqual({ data: { callId: "1", url: "https://media.invalid/a" } });
  });

  it("closes byte streams a custom execute function returns", async () => {
    let cancelled = false;
    const stream = new ReadableStream({
      cancel: () => {
        cancelled = true;
      },
    });
    const { fn } = recorder(() => ({ data: { callId: "1", url: "https://media.invalid/a", stream } }));
    const result = await toolUtils(fn).execute({
      entity: "call_video",
      action: "link",
      params: { callId: "1" },
    });
    expect(JSON.parse(result.text).data.url).toBe("https://media.invalid/a");
    expect(result.text).toContain("byte stream: not shown");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled).toBe(true);
  });
});
