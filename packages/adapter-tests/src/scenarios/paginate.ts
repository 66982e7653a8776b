/** Walking every page by passing `meta.cursor` back as `params.cursor`, as the tool text tells the model. */
import { expect } from "vitest";
import type { ModelTurnInput } from "../driver.js";
import type { ScriptStep } from "../script.js";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

const MAX_PAGES = 10;

export const paginateWithCursor: Scenario = {
  title: "pages through a long range with meta.cursor",
  prepare(env) {
    const range = env.longRange;
    const since = env.sandbox.requests.last()?.seq ?? 0;
    const pages: Array<{ ids: string[]; meta: Record<string, unknown> | undefined }> = [];
    const nextPage = (turn: ModelTurnInput) => {
      const { data, meta } = parseResult(onlyResult(turn));
      pages.push({ ids: (data as Array<{ id: string }>).map((call) => call.id), meta });
      const cursor = meta?.cursor;
      if (typeof cursor === "string" && pages.length < MAX_PAGES) {
        return { toolCalls: [{ entity: "calls", action: "list", params: { ...range, cursor } }] };
      }
      return { finalText: `Read ${pages.length} pages.` };
    };
    const steps: ScriptStep[] = [
      () => ({ toolCalls: [{ entity: "calls", action: "list", params: { ...range } }] }),
      ...Array.from({ length: MAX_PAGES }, () => nextPage),
    ];
    return {
      source: env.connector,
      connection: env.connection,
      // Whole pages: this scenario is about the cursor, not the output bound.
      toolOptions: { maxOutputChars: 5_000_000 },
      prompt: `List every call between ${range.fromDateTime} and ${range.toDateTime}.`,
      steps,
      verify({ run }) {
        expect(pages.length).toBeGreaterThanOrEqual(3);
        expect(pages.length).toBeLessThan(MAX_PAGES);
        for (const page of pages.slice(0, -1)) {
          expect(page.meta?.hasMore).toBe(true);
          expect(typeof page.meta?.cursor).toBe("string");
        }
        expect(pages.at(-1)!.meta?.hasMore).toBe(false);
        expect(pages.at(-1)!.meta?.cursor).toBeUndefined();
        const all = pages.flatMap((page) => page.ids);
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(new Set(env.expected.longRange));
        expect(run.finalText).toBe(`Read ${pages.length} pages.`);
        // Each follow-up request carried the cursor the model was given, with the range unchanged.
        const listed = env.sandbox.requests.filter((r) => r.seq > since && r.path === "/v2/calls");
        expect(listed.map((r) => r.query["cursor"])).toEqual([
          undefined,
          ...pages.slice(0, -1).map((page) => page.meta?.cursor),
        ]);
        for (const request of listed) expect(request.query["fromDateTime"]).toBe(range.fromDateTime);
      },
    };
  },
};
