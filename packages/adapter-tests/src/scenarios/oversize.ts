/**
 * A result past the output bound is cut to whole records, never refused, and `meta.truncated` says
 * how to get the rest; following it gives the next records of the same page.
 */
import { expect } from "vitest";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

const LIMIT = 4_000;

interface Truncated {
  returned: number;
  omitted: number;
  nextOffset: number;
  howToContinue: string;
}

function idsOf(data: unknown): string[] {
  return (data as Array<{ id: string }>).map((call) => call.id);
}

export const oversizeResult: Scenario = {
  title: "cuts an oversize result to maxOutputChars with continuation meta that works",
  prepare(env) {
    const range = env.longRange;
    return {
      source: env.connector,
      connection: env.connection,
      toolOptions: { maxOutputChars: LIMIT },
      prompt: `List the calls between ${range.fromDateTime} and ${range.toDateTime}.`,
      steps: [
        () => ({ toolCalls: [{ entity: "calls", action: "list", params: { ...range } }] }),
        (turn) => {
          const truncated = parseResult(onlyResult(turn)).meta?.["truncated"] as Truncated | undefined;
          if (!truncated) return { finalText: "nothing was cut" };
          return {
            toolCalls: [
              { entity: "calls", action: "list", params: { ...range, offset: truncated.nextOffset } },
            ],
          };
        },
        (turn) => ({ finalText: `Got ${idsOf(parseResult(onlyResult(turn)).data).length} more calls.` }),
      ],
      verify({ turns, run }) {
        expect(turns).toHaveLength(3);
        const first = onlyResult(turns[1]!);
        expect(first.isError).not.toBe(true);
        expect(first.content.length).toBeLessThanOrEqual(LIMIT);
        const { data, meta } = parseResult(first);
        const firstIds = idsOf(data);
        // Cut, not refused: whole records, the first ones of the page, fewer than the page held.
        expect(firstIds.length).toBeGreaterThan(0);
        expect(firstIds).toEqual(env.expected.longRange.slice(0, firstIds.length));
        const truncated = meta?.["truncated"] as Truncated;
        expect(truncated.returned).toBe(firstIds.length);
        expect(truncated.omitted).toBeGreaterThan(0);
        expect(truncated.nextOffset).toBe(firstIds.length);
        expect(truncated.howToContinue).toMatch(/offset/);
        expect(meta?.["hasMore"]).toBe(true);

        const second = onlyResult(turns[2]!);
        expect(second.isError).not.toBe(true);
        expect(second.content.length).toBeLessThanOrEqual(LIMIT);
        const secondIds = idsOf(parseResult(second).data);
        expect(secondIds.length).toBeGreaterThan(0);
        expect(secondIds).toEqual(
          env.expected.longRange.slice(firstIds.length, firstIds.length + secondIds.length),
        );
        expect(run.finalText).toBe(`Got ${secondIds.length} more calls.`);
      },
    };
  },
};
