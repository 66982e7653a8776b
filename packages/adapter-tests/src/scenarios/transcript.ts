/**
 * Two dependent calls: find a call, then fetch its transcript with the id the model was given.
 * The tool wraps a plain `execute` function here (the user's own function), not the connector.
 */
import { expect } from "vitest";
import type { ExecuteFunction } from "../driver.js";
import { onlyResult, parseResult } from "../script.js";
import type { Scenario } from "./types.js";

interface Transcript {
  callId: string;
  transcript: Array<{ speakerId?: string; sentences: Array<{ text: string; start: number }> }>;
}

export const fetchTranscript: Scenario = {
  title: "fetches a transcript for a call id it was given (wrapping a plain execute function)",
  prepare(env) {
    const range = env.shortRange;
    const seen: Array<{ entity: string; action: string }> = [];
    const execute: ExecuteFunction = (entity, action, params, options) => {
      seen.push({ entity, action });
      return env.connector.execute(entity as never, action as never, params as never, options);
    };
    let chosenId = "";
    return {
      source: execute,
      connection: env.connection,
      toolOptions: {},
      prompt: "Show me what was said on one recent call.",
      steps: [
        () => ({ toolCalls: [{ entity: "calls", action: "list", params: { ...range } }] }),
        (turn) => {
          const calls = parseResult(onlyResult(turn)).data as Array<{ id: string }>;
          chosenId = calls[0]!.id;
          return {
            toolCalls: [
              {
                entity: "call_transcripts",
                action: "list",
                params: { filter: { ...range, callIds: [chosenId] } },
              },
            ],
          };
        },
        (turn) => {
          const transcripts = parseResult(onlyResult(turn)).data as Transcript[];
          const first = transcripts[0]?.transcript[0]?.sentences[0]?.text ?? "nothing";
          return { finalText: `The call opened with: ${first}` };
        },
      ],
      verify({ turns, run }) {
        expect(turns).toHaveLength(3);
        expect(env.expected.shortRange).toContain(chosenId);
        const result = onlyResult(turns[2]!);
        expect(result.isError).not.toBe(true);
        const transcripts = parseResult(result).data as Transcript[];
        expect(transcripts.map((t) => t.callId)).toEqual([chosenId]);
        const sentences = transcripts[0]!.transcript.flatMap((part) => part.sentences);
        expect(sentences.length).toBeGreaterThan(0);
        expect(sentences.every((s) => typeof s.text === "string" && s.text.length > 0)).toBe(true);
        expect(run.finalText).toBe(`The call opened with: ${sentences[0]!.text}`);
        // The user's own function did the work.
        expect(seen).toEqual([
          { entity: "calls", action: "list" },
          { entity: "call_transcripts", action: "list" },
        ]);
      },
    };
  },
};
