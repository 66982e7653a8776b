/**
 * A model's malformed call (no `action`): it gets text naming what is missing, never a parser's
 * stack trace, and the loop continues.
 */
import { expect } from "vitest";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

export const malformedInput: Scenario = {
  title: "explains a call without an action, without a stack trace, and the loop continues",
  prepare(env, { flagsErrors }) {
    return {
      source: env.connector,
      connection: env.connection,
      toolOptions: {},
      prompt: "List the workspaces.",
      steps: [
        () => ({ toolCalls: [{ entity: "workspaces" } as { entity: string; action: string }] }),
        () => ({ toolCalls: [{ entity: "workspaces", action: "list" }] }),
        (turn) => ({ finalText: `${(parseResult(onlyResult(turn)).data as unknown[]).length} workspaces.` }),
      ],
      verify({ turns, run }) {
        expect(turns).toHaveLength(3);
        const failure = onlyResult(turns[1]!);
        if (flagsErrors) expect(failure.isError).toBe(true);
        expect(failure.content).toMatch(/action/);
        expect(failure.content).not.toMatch(/\n\s+at /);
        expect(failure.content).not.toMatch(/node_modules|file:\/\//);
        const workspaces = parseResult(onlyResult(turns[2]!)).data as unknown[];
        expect(workspaces.length).toBeGreaterThan(0);
        expect(run.finalText).toBe(`${workspaces.length} workspaces.`);
      },
    };
  },
};
