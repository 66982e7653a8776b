/** The everyday question: which calls happened in a date range. */
import { expect } from "vitest";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

export const listCallsInRange: Scenario = {
  title: "lists the calls of a date range",
  prepare(env) {
    const range = env.shortRange;
    return {
      source: env.connector,
      connection: env.connection,
      toolOptions: {},
      prompt: `Which calls happened between ${range.fromDateTime} and ${range.toDateTime}?`,
      steps: [
        () => ({ toolCalls: [{ entity: "calls", action: "list", params: { ...range } }] }),
        (turn) => {
          const { data } = parseResult(onlyResult(turn));
          return { finalText: `There were ${(data as unknown[]).length} calls.` };
        },
      ],
      verify({ turns, run }) {
        expect(turns).toHaveLength(2);
        expect(turns[0]!.toolResults).toEqual([]);
        const result = onlyResult(turns[1]!);
        expect(result.isError).not.toBe(true);
        const { data, meta } = parseResult(result);
        const ids = (data as Array<{ id: string }>).map((call) => call.id);
        expect(new Set(ids)).toEqual(new Set(env.expected.shortRange));
        expect(ids).toHaveLength(env.expected.shortRange.length);
        expect(meta?.hasMore).toBe(false);
        expect(run.finalText).toContain(`There were ${env.expected.shortRange.length} calls.`);
      },
    };
  },
};
