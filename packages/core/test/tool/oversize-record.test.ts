/**
 * A single record larger than maxOutputChars: the tool text stays valid JSON within the bound with
 * meta kept, the record is shortened structurally with each cut listed, and the continuation moves on.
 */
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GongConnector } from "../../src/connector.js";
import { renderResult } from "../../src/tool/output.js";
import { toolUtils } from "../../src/tool/tool-utils.js";
import type { ExecuteFn } from "../../src/tool/types.js";

/** A transcript of the seed-1 sandbox that alone is longer than the default bound of 50,000 chars. */
const LONG_CALL = "928808436577902604";

interface Cut {
  path: string;
  kind: "items" | "chars";
  cuts: number;
  shown: number;
  total: number;
}

interface Shown {
  data: unknown;
  meta: {
    hasMore?: boolean;
    cursor?: string;
    truncated?: {
      returned?: number;
      omitted?: number;
      nextOffset?: number;
      howToContinue: string;
      shortened?: Cut[];
      recordChars?: number;
      totalChars?: number;
    };
  };
}

/** Parses the text and checks what every oversize answer must hold. */
function parseBounded(text: string, maxChars: number): Shown {
  expect(text.length).toBeLessThanOrEqual(maxChars);
  const shown = JSON.parse(text) as Shown;
  expect(shown.meta).toBeDefined();
  expect(shown.meta.truncated?.howToContinue.length).toBeGreaterThan(20);
  return shown;
}

describe("a transcript larger than the bound, over HTTP from the sandbox", () => {
  let sandbox: Sandbox;
  let gong: GongConnector;
  let full: { callId: string; transcript: { speakerId: string; sentences: { text: string }[] }[] };

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 1, rateLimit: false });
    gong = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      rateLimit: false,
    });
    const answer = await gong.execute("call_transcripts", "list", { filter: { callIds: [LONG_CALL] } });
    expect(answer.data).toHaveLength(1);
    full = answer.data[0] as unknown as typeof full;
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it("is longer than the default bound on its own (the case under test)", () => {
    expect(JSON.stringify(full).length).toBeGreaterThan(50_000);
  });

  for (const maxOutputChars of [undefined, 30_000, 8_000, 2_000, 1_000]) {
    it(`comes back as valid JSON with meta and the record shortened (maxOutputChars ${maxOutputChars ?? "default"})`, async () => {
      const bound = maxOutputChars ?? 50_000;
      const tool = GongConnector.toolUtils(gong, maxOutputChars ? { maxOutputChars } : {});
      const params = { filter: { callIds: [LONG_CALL] } };
      const result = await tool.execute({ entity: "call_transcripts", action: "list", params });
      expect(result.ok).toBe(true);
      const shown = parseBounded(result.text, bound);
      expect(shown.meta.hasMore).toBe(false);
      const truncated = shown.meta.truncated!;
      expect(truncated.returned).toBe(1);
      expect(truncated.omitted).toBe(0);
      // Moves past the record: repeating with it never shows the same output again.
      expect(truncated.nextOffset).toBe(1);
      expect(truncated.recordChars).toBe(JSON.stringify(full).length);
      expect(truncated.howToContinue).toContain(String(truncated.recordChars));
      expect(truncated.howToContinue).toContain("maxOutputChars");
      expect(truncated.howToContinue).toContain("this was the last one");

      const record = (shown.data as (typeof full)[])[0]!;
      expect(record.callId).toBe(LONG_CALL);
      // What is shown is the start of the real record, and every cut is listed with true totals.
      expect(record.transcript.length).toBeGreaterThan(0);
      expect(record.transcript[0]!.speakerId).toBe(full.transcript[0]!.speakerId);
      expect(truncated.shortened!.length).toBeGreaterThan(0);
      const monologues = truncated.shortened!.find(
        (cut) => cut.path === "transcript" && cut.kind === "items",
      );
      if (monologues) {
        expect(monologues.total).toBe(full.transcript.length);
        expect(monologues.shown).toBe(record.transcript.length);
      } else {
        expect(record.transcript.length).toBe(full.transcript.length);
      }

      const next = await tool.execute({
        entity: "call_transcripts",
        action: "list",
        params: { ...params, offset: truncated.nextOffset },
      });
      const after = JSON.parse(next.text) as Shown;
      expect(after.data).toEqual([]);
      expect(next.text).not.toBe(result.text);
    });
  }

  it("at the smallest bound (500) still answers valid JSON that moves past the record", async () => {
    const tool = GongConnector.toolUtils(gong, { maxOutputChars: 500 });
    const params = { filter: { callIds: [LONG_CALL] } };
    const shown = parseBounded(
      (await tool.execute({ entity: "call_transcripts", action: "list", params })).text,
      500,
    );
    const truncated = shown.meta.truncated!;
    expect(shown.meta.hasMore).toBe(false);
    expect(truncated.nextOffset).toBe(1);
    expect(truncated.recordChars).toBe(JSON.stringify(full).length);
    expect(truncated.howToContinue).toContain(String(truncated.recordChars));
    expect((shown.data as unknown[]).length).toBe(truncated.returned);
  });

  it("shows the other records whole and points past the long one", async () => {
    const others = await gong.execute("call_transcripts", "list", {
      filter: { fromDateTime: sandbox.data.callsFrom!, toDateTime: sandbox.data.callsTo! },
    });
    const small = others.data.filter((t) => t.callId !== LONG_CALL && JSON.stringify(t).length < 20_000);
    expect(small.length).toBeGreaterThanOrEqual(1);
    const ids = [LONG_CALL, small[0]!.callId];
    const tool = GongConnector.toolUtils(gong, { maxOutputChars: 20_000 });
    const first = parseBounded(
      (
        await tool.execute({
          entity: "call_transcripts",
          action: "list",
          params: { filter: { callIds: ids } },
        })
      ).text,
      20_000,
    );
    const position = (first.data as { callId: string }[])[0]!.callId === LONG_CALL ? 0 : 1;
    const truncated = first.meta.truncated!;
    expect(truncated.returned).toBeGreaterThanOrEqual(1);
    expect(truncated.nextOffset).toBeGreaterThan(0);
    const rest = JSON.parse(
      (
        await tool.execute({
          entity: "call_transcripts",
          action: "list",
          params: { filter: { callIds: ids }, offset: truncated.nextOffset },
        })
      ).text,
    ) as Shown;
    // Together the two calls show both transcripts, the short one whole.
    const seen = [...(first.data as { callId: string }[]), ...(rest.data as { callId: string }[])];
    expect(seen.map((t) => t.callId).sort()).toEqual([...ids].sort());
    expect(seen.find((t) => t.callId === small[0]!.callId)).toEqual(small[0]);
    expect(position === 0 ? truncated.shortened : rest.meta.truncated?.shortened).toBeDefined();
  });
});

/** Text whose JSON form is much longer than itself. */
const NASTY = 'He said "no" \\ then\nleft\t… über 日本語 😀 \u0001 ';

function recordsOf(count: number, size: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i),
    title: NASTY.repeat(Math.ceil(size / NASTY.length)).slice(0, size),
    sentences: Array.from({ length: 200 }, (_, j) => ({ start: j, text: `${NASTY}${j}` })),
  }));
}

function answering(result: unknown): ExecuteFn {
  return async () => result;
}

describe("records full of characters JSON must escape", () => {
  for (const maxOutputChars of [1_000, 3_000, 10_000, 50_000]) {
    it(`stays valid and bounded, listing the cuts (maxOutputChars ${maxOutputChars})`, async () => {
      const records = recordsOf(3, maxOutputChars * 2);
      const meta = { hasMore: true, cursor: "cursor-of-page-2", requestId: "req-1" };
      const tool = toolUtils(answering({ data: records, meta }), { maxOutputChars });
      const first = parseBounded(
        (await tool.execute({ entity: "calls", action: "list" })).text,
        maxOutputChars,
      );
      expect(first.meta.cursor).toBe("cursor-of-page-2");
      expect(first.meta.hasMore).toBe(true);
      const truncated = first.meta.truncated!;
      expect(truncated.returned).toBe(1);
      expect(truncated.omitted).toBe(2);
      expect(truncated.nextOffset).toBe(1);
      expect(truncated.howToContinue).toContain("params.offset = 1");
      const shown = (first.data as Record<string, unknown>[])[0]!;
      expect(shown["id"]).toBe("0");
      // Cut strings are true prefixes of the original (no broken escapes or surrogate halves) ending in "…".
      const title = shown["title"] as string;
      if (title !== records[0]!["title"]) {
        expect(title.endsWith("…")).toBe(true);
        expect((records[0]!["title"] as string).startsWith(title.slice(0, -1))).toBe(true);
        const cut = truncated.shortened!.find((c) => c.path === "title")!;
        expect(cut).toMatchObject({ kind: "chars", cuts: 1, total: (records[0]!["title"] as string).length });
        expect(cut.shown).toBe(title.length - 1);
      }
      expect(truncated.shortened!.length).toBeGreaterThan(0);

      // Each next call moves on by one record until the page is done, then points to the cursor.
      const second = parseBounded(
        (await tool.execute({ entity: "calls", action: "list", params: { offset: 1 } })).text,
        maxOutputChars,
      );
      expect((second.data as Record<string, unknown>[])[0]!["id"]).toBe("1");
      expect(second.meta.truncated!.nextOffset).toBe(2);
      const third = parseBounded(
        (await tool.execute({ entity: "calls", action: "list", params: { offset: 2 } })).text,
        maxOutputChars,
      );
      expect((third.data as Record<string, unknown>[])[0]!["id"]).toBe("2");
      expect(third.meta.truncated!.omitted).toBe(0);
      expect(third.meta.truncated!.howToContinue).toContain("params.cursor = meta.cursor");
    });
  }

  it("keeps a string of only quotes, backslashes and newlines within the bound", () => {
    for (const maxChars of [700, 777, 2_000]) {
      for (const unit of ['"', "\\", "\n", "\u0000", "😀"]) {
        const text = renderResult(
          { data: [{ id: "x", body: unit.repeat(maxChars * 3) }], meta: { hasMore: false } },
          { maxChars },
        );
        const shown = parseBounded(text, maxChars);
        const body = (shown.data as { body: string }[])[0]!.body;
        expect(body.endsWith("…")).toBe(true);
        expect(body.length).toBeGreaterThan(1);
        expect(unit.repeat(maxChars * 3).startsWith(body.slice(0, -1))).toBe(true);
      }
    }
  });

  it("shortens a single (non-list) answer the same way", () => {
    const record = recordsOf(1, 20_000)[0]!;
    const text = renderResult({ data: record, meta: { requestId: "r" } }, { maxChars: 4_000 });
    const shown = parseBounded(text, 4_000);
    expect((shown.data as { id: string }).id).toBe("0");
    expect(shown.meta.truncated!.totalChars).toBe(
      JSON.stringify({ data: record, meta: { requestId: "r" } }).length,
    );
    expect(shown.meta.truncated!.shortened!.length).toBeGreaterThan(0);
  });

  it("keeps the fields needed to continue when meta alone is past the bound", () => {
    for (const data of [[], [{ id: "1" }]]) {
      const meta = { hasMore: true, cursor: "c9", requestId: "q", details: { blob: "z".repeat(5_000) } };
      const text = renderResult({ data, meta }, { maxChars: 1_000 });
      expect(text.length).toBeLessThanOrEqual(1_000);
      const shown = JSON.parse(text) as Shown & { meta: { details?: unknown; metaShortened?: string } };
      // The record itself is small: it is shown whole, only meta's details give way.
      expect(shown.data).toEqual(data);
      expect(shown.meta).toMatchObject({ hasMore: true, cursor: "c9", requestId: "q" });
      expect(shown.meta.details).toBeUndefined();
      expect(shown.meta.metaShortened).toContain("details");
    }
  });

  it("skips a record whose skeleton alone is past the bound, saying its size, and keeps the cursor", () => {
    const wide = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`field${i}`, i]));
    const text = renderResult(
      { data: [wide, { id: "next" }], meta: { hasMore: true, cursor: "c2" } },
      { maxChars: 1_000 },
    );
    const shown = parseBounded(text, 1_000);
    expect(shown.data).toEqual([]);
    expect(shown.meta.cursor).toBe("c2");
    expect(shown.meta.truncated).toMatchObject({ returned: 0, omitted: 2, nextOffset: 1 });
    expect(shown.meta.truncated!.howToContinue).toContain(String(JSON.stringify(wide).length));
    const rest = JSON.parse(
      renderResult(
        { data: [wide, { id: "next" }], meta: { hasMore: true, cursor: "c2" } },
        { maxChars: 1_000, offset: 1 },
      ),
    );
    expect(rest.data).toEqual([{ id: "next" }]);
  });
});
