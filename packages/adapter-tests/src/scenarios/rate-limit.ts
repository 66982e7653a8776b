/** Gong's 429 is the transport's business: it waits as told and retries, and the model never hears of it. */
import { expect } from "vitest";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

export const rateLimitRetried: Scenario = {
  title: "retries a 429 from Gong without the model noticing",
  prepare(env) {
    const range = env.shortRange;
    const since = env.sandbox.requests.last()?.seq ?? 0;
    env.sandbox.faults.next({
      status: 429,
      retryAfter: 1,
      times: 1,
      match: { method: "GET", path: "/v2/calls" },
    });
    return {
      source: env.connector,
      connection: env.connection,
      toolOptions: {},
      prompt: `How many calls between ${range.fromDateTime} and ${range.toDateTime}?`,
      steps: [
        () => ({ toolCalls: [{ entity: "calls", action: "list", params: { ...range } }] }),
        (turn) => ({ finalText: `${(parseResult(onlyResult(turn)).data as unknown[]).length} calls.` }),
      ],
      verify({ turns, run }) {
        const result = onlyResult(turns[1]!);
        expect(result.isError).not.toBe(true);
        // Nothing about the 429 reached the model (record data may contain any digits, so no "429" check).
        expect(/rate.?limit|RateLimitError|retry/i.test(result.content)).toBe(false);
        const ids = (parseResult(result).data as Array<{ id: string }>).map((call) => call.id);
        expect(new Set(ids)).toEqual(new Set(env.expected.shortRange));
        expect(run.finalText).toBe(`${env.expected.shortRange.length} calls.`);
        // The sandbox really answered 429 first, then served the retry.
        const seen = env.sandbox.requests.filter((r) => r.seq > since && r.path === "/v2/calls");
        expect(seen.map((r) => r.status)).toEqual([429, 200]);
      },
    };
  },
};
