/**
 * Several pages per tool call (`maxPages`, `params.pages`): the tool follows Gong's cursor against the
 * sandbox over real HTTP, and its `meta.cursor` continues exactly where it stopped.
 */
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GongConnector } from "../../src/connector.js";
import { GongServerError, GongValidationError } from "../../src/errors.js";
import { toGongTool } from "../../src/tool/source.js";
import { toolUtils } from "../../src/tool/tool-utils.js";
import type { ExecuteFn, GongToolOptions } from "../../src/tool/types.js";

type Progress = { progress: number; total?: number; message?: string };
type Answer = {
  data: Array<{ id: string }>;
  meta: {
    hasMore: boolean;
    cursor?: string;
    pages?: { returned: number; planned: number; stoppedBy?: string; error?: string };
    truncated?: { returned: number; omitted: number; nextOffset: number };
  };
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** 40 days: about 450 calls, five pages of at most 100. */
const now = new Date();
const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
const RANGE = {
  fromDateTime: new Date(today - 40 * DAY_MS).toISOString(),
  toDateTime: new Date(today).toISOString(),
};
const LOTS = 10_000_000;

let sandbox: Sandbox;
let gong: GongConnector;
/** Ids of every call in RANGE, in Gong's order, fetched page by page with the connector. */
let allIds: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, rateLimit: false });
  gong = new GongConnector({
    auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
    baseUrl: sandbox.url,
    rateLimit: false,
  });
  allIds = [];
  for await (const call of gong.paginate("calls", "list", RANGE)) allIds.push(call.id);
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  sandbox.requests.clear();
});

function callsRequests() {
  return sandbox.requests.forPath("/v2/calls", "GET");
}

async function run(
  options: GongToolOptions,
  params: Record<string, unknown>,
  progress?: Progress[],
  entity = "calls",
): Promise<{ text: string; answer: Answer }> {
  const result = await toGongTool(gong, options).execute(
    { entity, action: "list", params },
    progress ? { onProgress: (update) => progress.push(update) } : {},
  );
  if (!result.ok) throw new Error(result.text);
  return { text: result.text, answer: JSON.parse(result.text) as Answer };
}

/** Follows meta.cursor (with the same params) until Gong has no more; the ids of every answer in order. */
async function followToTheEnd(
  options: GongToolOptions,
  params: Record<string, unknown>,
  first: Answer,
): Promise<string[]> {
  const ids = first.data.map((call) => call.id);
  let meta = first.meta;
  for (let calls = 0; meta.hasMore; calls++) {
    expect(calls).toBeLessThan(20);
    const { answer } = await run(options, { ...params, cursor: meta.cursor });
    ids.push(...answer.data.map((call) => call.id));
    meta = answer.meta;
  }
  return ids;
}

describe("one page by default", () => {
  it("fetches one page and says nothing about pages, as before", async () => {
    expect(allIds.length).toBeGreaterThan(300);
    const { answer } = await run({ maxOutputChars: LOTS }, RANGE);
    expect(callsRequests()).toHaveLength(1);
    expect(answer.meta.hasMore).toBe(true);
    expect(answer.meta.pages).toBeUndefined();
    expect(answer.data.map((call) => call.id)).toEqual(allIds.slice(0, answer.data.length));
    expect(answer.data.length).toBeLessThanOrEqual(100);
  });

  it("mentions params.pages and its ceiling in the description, and only then", () => {
    const execute: ExecuteFn = async () => ({ data: [] });
    expect(toolUtils(execute).description).toContain(
      "actions marked * return one page (up to 5 with params.pages)",
    );
    expect(toolUtils(execute, { maxPages: 2, maxPagesCeiling: 8 }).description).toContain(
      "return up to 2 pages (up to 8 with params.pages)",
    );
    expect(toolUtils(execute, { maxPagesCeiling: 1 }).description).not.toContain("params.pages");
  });

  it("refuses page options that are not whole numbers ≥ 1 when the tool is built", () => {
    const execute: ExecuteFn = async () => ({ data: [] });
    expect(() => toolUtils(execute, { maxPages: 0 })).toThrow(GongValidationError);
    expect(() => toolUtils(execute, { maxPagesCeiling: 1.5 })).toThrow(/maxPagesCeiling/);
  });
});

describe("params.pages", () => {
  it("returns three pages of records in order, reports each page, and never sends pages to Gong", async () => {
    const progress: Progress[] = [];
    const { answer } = await run({ maxOutputChars: LOTS }, { ...RANGE, pages: 3 }, progress);

    const requests = callsRequests();
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(request.query).not.toHaveProperty("pages");
      expect(request.query).toMatchObject(RANGE);
    }
    expect(requests[0]!.query).not.toHaveProperty("cursor");
    expect(requests[1]!.query["cursor"]).toEqual(expect.any(String));
    expect(requests[2]!.query["cursor"]).not.toBe(requests[1]!.query["cursor"]);

    const ids = answer.data.map((call) => call.id);
    expect(ids.length).toBeGreaterThan(200);
    expect(ids).toEqual(allIds.slice(0, ids.length));
    expect(answer.meta).toMatchObject({ hasMore: true, pages: { returned: 3, planned: 3 } });
    expect(answer.meta.pages).not.toHaveProperty("stoppedBy");
    expect(answer.meta.truncated).toBeUndefined();

    expect(progress.map((p) => [p.progress, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const perPage = progress.map((p) => Number(/^page \d+: (\d+) records$/.exec(p.message ?? "")?.[1]));
    expect(progress.map((p) => p.message?.slice(0, 7))).toEqual(["page 1:", "page 2:", "page 3:"]);
    expect(perPage.reduce((sum, count) => sum + count, 0)).toBe(ids.length);
  });

  it("continues with meta.cursor exactly after the last record: every call once, none skipped", async () => {
    const options = { maxOutputChars: LOTS };
    const params = { ...RANGE, pages: 2 };
    const { answer } = await run(options, params);
    const next = await run(options, { ...params, cursor: answer.meta.cursor });
    const firstIds = answer.data.map((call) => call.id);
    const nextIds = next.answer.data.map((call) => call.id);
    expect(nextIds[0]).toBe(allIds[firstIds.length]);
    expect([...firstIds, ...nextIds]).toEqual(allIds.slice(0, firstIds.length + nextIds.length));
    // To the end: the concatenation of all answers is the whole list, exactly.
    expect(await followToTheEnd(options, params, answer)).toEqual(allIds);
  });

  it("stops at the last page without error", async () => {
    const { answer } = await run({ maxOutputChars: LOTS }, { ...RANGE, pages: 5 });
    expect(callsRequests().length).toBeLessThanOrEqual(5);
    expect(answer.meta.hasMore).toBe(false);
    expect(answer.meta.pages?.returned).toBe(callsRequests().length);
    expect(answer.data.map((call) => call.id)).toEqual(allIds);
  });

  it("is bounded by maxPagesCeiling, and maxPages sets the default", async () => {
    const clamped = await run({ maxOutputChars: LOTS, maxPagesCeiling: 2 }, { ...RANGE, pages: 50 });
    expect(callsRequests()).toHaveLength(2);
    expect(clamped.answer.meta.pages).toMatchObject({ returned: 2, planned: 2 });

    sandbox.requests.clear();
    const byDefault = await run({ maxOutputChars: LOTS, maxPages: 2 }, RANGE);
    expect(callsRequests()).toHaveLength(2);
    expect(byDefault.answer.meta.pages).toMatchObject({ returned: 2, planned: 2 });
  });

  it("answers a bad params.pages with a validation message, without calling Gong", async () => {
    const result = await toGongTool(gong).execute({
      entity: "calls",
      action: "list",
      params: { ...RANGE, pages: 0 },
    });
    expect(result.ok).toBe(false);
    expect(result.text).toContain("params.pages must be a whole number ≥ 1");
    expect(callsRequests()).toHaveLength(0);
  });

  it("puts the cursor in the body of a POST list, and pages nowhere", async () => {
    const params = { filter: RANGE, pages: 2 };
    const { answer } = await run({ maxOutputChars: LOTS }, params, undefined, "calls_extensive");
    const requests = sandbox.requests.forPath("/v2/calls/extensive", "POST");
    expect(requests).toHaveLength(2);
    const bodies = requests.map((request) => request.body as Record<string, unknown>);
    expect(bodies[0]).not.toHaveProperty("cursor");
    expect(bodies[1]!["cursor"]).toEqual(expect.any(String));
    for (const [index, body] of bodies.entries()) {
      expect(body).not.toHaveProperty("pages");
      expect(requests[index]!.query).not.toHaveProperty("pages");
      expect(requests[index]!.query).not.toHaveProperty("cursor");
    }
    expect(answer.meta.pages?.returned).toBe(2);
    expect(answer.data.length).toBeGreaterThan(100);
  });
});

describe("the output budget", () => {
  it("stops before the text would outgrow maxOutputChars, and the cursor continues from there", async () => {
    // One page of calls is about 50,000 characters: two fit in 120,000, three do not.
    const options = { maxOutputChars: 120_000 };
    const params = { ...RANGE, pages: 5 };
    const progress: Progress[] = [];
    const { text, answer } = await run(options, params, progress);
    expect(text.length).toBeLessThanOrEqual(120_000);
    expect(answer.meta.truncated).toBeUndefined();
    expect(answer.meta.pages).toMatchObject({ planned: 5, stoppedBy: "output budget" });
    const returned = answer.meta.pages!.returned;
    expect(returned).toBeGreaterThanOrEqual(1);
    expect(returned).toBeLessThan(5);
    expect(answer.meta.hasMore).toBe(true);
    // At most one page was fetched and left for the next call.
    expect(callsRequests().length).toBeGreaterThanOrEqual(returned);
    expect(callsRequests().length).toBeLessThanOrEqual(returned + 1);
    expect(progress.at(-1)?.total).toBe(5);

    expect(await followToTheEnd(options, params, answer)).toEqual(allIds);
  });

  it("leaves a page that turns out larger than the rest whole for the next call", async () => {
    const small = (page: number) =>
      Array.from({ length: 10 }, (_, index) => ({ id: `${page}-${index}`, note: "x".repeat(50) }));
    const pages = [small(0), small(1), [{ id: "2-0", note: "y".repeat(5_000) }], small(3)];
    const sent: Array<Record<string, unknown>> = [];
    const execute: ExecuteFn = async (_entity, _action, params) => {
      sent.push(params);
      const page = params["cursor"] === undefined ? 0 : Number(params["cursor"]);
      const more = page + 1 < pages.length;
      return { data: pages[page], meta: { hasMore: more, ...(more ? { cursor: String(page + 1) } : {}) } };
    };
    const progress: Progress[] = [];
    const tool = toolUtils(execute, { maxOutputChars: 3_000 });
    const result = await tool.execute(
      { entity: "users", action: "list", params: { pages: 4 } },
      { onProgress: (update) => progress.push(update) },
    );
    expect(result.ok).toBe(true);
    const answer = JSON.parse(result.text) as Answer;
    expect(answer.data.map((record) => record.id)).toEqual([...small(0), ...small(1)].map((r) => r.id));
    expect(answer.meta).toMatchObject({
      hasMore: true,
      cursor: "2",
      pages: { returned: 2, planned: 4, stoppedBy: "output budget" },
    });
    expect(sent).toHaveLength(3);
    expect(sent.every((params) => !("pages" in params))).toBe(true);
    expect(progress.map((p) => p.progress)).toEqual([1, 2, 3]);
    expect(progress[2]!.message).toContain("left for the next call");
  });
});

describe("params.limit and params.offset over several pages", () => {
  it("windows the concatenated records; following offset, then cursor, reads every call once", async () => {
    const options = { maxOutputChars: LOTS };
    const params = { ...RANGE, pages: 3, limit: 120 };
    const { answer } = await run(options, params);
    // 120 records need two pages; the third is not fetched.
    expect(callsRequests()).toHaveLength(2);
    expect(answer.meta.pages).toMatchObject({ returned: 2, stoppedBy: "limit" });
    expect(answer.data.map((call) => call.id)).toEqual(allIds.slice(0, 120));
    expect(answer.meta.truncated).toMatchObject({ returned: 120, nextOffset: 120 });

    // What meta.truncated.howToContinue says: the same params plus offset, then the cursor without it.
    const ids = answer.data.map((call) => call.id);
    let meta = answer.meta;
    let cursor: string | undefined;
    for (let calls = 0; meta.truncated !== undefined || meta.hasMore; calls++) {
      expect(calls).toBeLessThan(20);
      if (meta.truncated === undefined) cursor = meta.cursor;
      const next = await run(options, {
        ...params,
        ...(cursor === undefined ? {} : { cursor }),
        ...(meta.truncated === undefined ? {} : { offset: meta.truncated.nextOffset }),
      });
      ids.push(...next.answer.data.map((call) => call.id));
      meta = next.answer.meta;
    }
    expect(ids).toEqual(allIds);
  });
});

describe("a failing page", () => {
  it("retries a temporary failure of a later page inside, reporting it at the pages done so far", async () => {
    let failed = false;
    const execute: ExecuteFn = async (entity, action, params, options) => {
      if (params["cursor"] !== undefined && !failed) {
        failed = true;
        throw new GongServerError("Gong answered 503.", { status: 503 });
      }
      return gong.executeFn(entity, action, params, options);
    };
    const progress: Progress[] = [];
    const result = await toolUtils(execute, { maxOutputChars: LOTS }).execute(
      { entity: "calls", action: "list", params: { ...RANGE, pages: 2 } },
      { onProgress: (update) => progress.push(update) },
    );
    expect(result.ok).toBe(true);
    const answer = JSON.parse(result.text) as Answer;
    expect(answer.meta.pages).toEqual({ returned: 2, planned: 2 });
    expect(answer.data.map((call) => call.id)).toEqual(allIds.slice(0, answer.data.length));
    expect(progress.map((p) => [p.progress, p.message?.slice(0, 8)])).toEqual([
      [1, "page 1: "],
      [1, "retrying"],
      [2, "page 2: "],
    ]);
  });

  it("keeps the pages already fetched and points meta.cursor at the one that failed", async () => {
    const execute: ExecuteFn = async (entity, action, params, options) => {
      if (params["cursor"] !== undefined) throw new GongValidationError("the second page is unavailable");
      return gong.executeFn(entity, action, params, options);
    };
    const result = await toolUtils(execute, { maxOutputChars: LOTS }).execute({
      entity: "calls",
      action: "list",
      params: { ...RANGE, pages: 3 },
    });
    expect(result.ok).toBe(true);
    const answer = JSON.parse(result.text) as Answer;
    expect(answer.data.map((call) => call.id)).toEqual(allIds.slice(0, answer.data.length));
    expect(answer.meta.pages).toMatchObject({ returned: 1, planned: 3, stoppedBy: "error" });
    expect(answer.meta.pages?.error).toContain("the second page is unavailable");
    const next = await run({ maxOutputChars: LOTS }, { ...RANGE, cursor: answer.meta.cursor });
    expect(next.answer.data[0]?.id).toBe(allIds[answer.data.length]);
  });
});
