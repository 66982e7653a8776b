/**
 * A scripted model for running offline: it plays the turns a real model would, reading the tool
 * results it was given (a call id, the transcript) exactly as a real model would have to.
 */
import type { Message, Model, ModelTurn } from "./types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

function lastToolResult(messages: Message[]): { data?: unknown; meta?: Record<string, unknown> } {
  const last = messages.at(-1);
  if (last?.role !== "tool") throw new Error("the scripted model expected a tool result");
  if (last.isError) throw new Error(`the tool failed: ${last.content}`);
  return JSON.parse(last.content) as { data?: unknown; meta?: Record<string, unknown> };
}

export function scriptedModel(now = new Date()): Model {
  const week = {
    fromDateTime: new Date(now.getTime() - 7 * DAY_MS).toISOString(),
    toDateTime: now.toISOString(),
  };
  let users = 0;
  let calls: Array<{ id: string; title?: string; started?: string }> = [];
  const steps: Array<(messages: Message[]) => ModelTurn> = [
    () => ({
      toolCalls: [{ id: "call_1", name: "gong_execute", arguments: { entity: "users", action: "list" } }],
    }),
    (messages) => {
      users = (lastToolResult(messages).data as unknown[]).length;
      return {
        toolCalls: [
          {
            id: "call_2",
            name: "gong_execute",
            arguments: { entity: "calls", action: "list", params: week },
          },
        ],
      };
    },
    (messages) => {
      calls = lastToolResult(messages).data as typeof calls;
      const latest = [...calls].sort((a, b) => (b.started ?? "").localeCompare(a.started ?? ""))[0];
      if (!latest) return { answer: `Gong has ${users} users and no calls in the last 7 days.` };
      return {
        toolCalls: [
          {
            id: "call_3",
            name: "gong_execute",
            arguments: {
              entity: "call_transcripts",
              action: "list",
              params: { filter: { callIds: [latest.id] } },
            },
          },
        ],
      };
    },
    (messages) => {
      const transcripts = lastToolResult(messages).data as Array<{
        callId: string;
        transcript: Array<{ sentences: Array<{ text: string }> }>;
      }>;
      const first = transcripts[0]?.transcript[0]?.sentences[0]?.text ?? "(no transcript yet)";
      const call = calls.find((c) => c.id === transcripts[0]?.callId);
      return {
        answer:
          `Gong has ${users} users and ${calls.length} calls in the last 7 days. ` +
          `The most recent, "${call?.title ?? transcripts[0]?.callId}", opened with: "${first}"`,
      };
    },
  ];
  let turn = 0;
  return {
    label: "scripted model (offline)",
    async next(messages) {
      const step = steps[turn++];
      if (!step) throw new Error("the scripted model has no more turns");
      return step(messages);
    },
  };
}
