/** A model mistake: the model gets text naming the valid entities, recovers, and the loop goes on. */
import { expect } from "vitest";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

export const unknownEntity: Scenario = {
  title: "answers an unknown entity with the valid ones, and the loop continues",
  prepare(env, { flagsErrors }) {
    return {
      source: env.connector,
      connection: env.connection,
      toolOptions: {},
      prompt: "Who are our users?",
      steps: [
        () => ({ toolCalls: [{ entity: "people", action: "list" }] }),
        () => ({ toolCalls: [{ entity: "users", action: "list" }] }),
        (turn) => {
          const users = parseResult(onlyResult(turn)).data as unknown[];
          return { finalText: `Found ${users.length} users.` };
        },
      ],
      verify({ turns, run }) {
        expect(turns).toHaveLength(3);
        const failure = onlyResult(turns[1]!);
        if (flagsErrors) expect(failure.isError).toBe(true);
        expect(failure.content).toContain("people");
        for (const valid of ["users", "calls", "call_transcripts", "workspaces"]) {
          expect(failure.content).toContain(valid);
        }
        const recovered = onlyResult(turns[2]!);
        expect(recovered.isError).not.toBe(true);
        const users = parseResult(recovered).data as Array<{ id: string }>;
        expect(users.length).toBeGreaterThan(0);
        expect(run.finalText).toBe(`Found ${users.length} users.`);
      },
    };
  },
};
