/**
 * A scripted model for running offline: the shared conversation plan (`gongScript`) as an MCP host's
 * model, reading the tool results it was given (a call id, the transcript) as a real model would have to.
 */
import { gongScript } from "@gong-agent/example-kit";
import type { Model } from "./types.js";

export function scriptedModel(now = new Date()): Model {
  const script = gongScript(now);
  let calls = 0;
  return {
    label: "scripted model (offline)",
    async next(messages) {
      const last = messages.at(-1);
      if (last?.role === "tool" && last.isError) throw new Error(`the tool failed: ${last.content}`);
      const turn = script.next(last?.role === "tool" ? last.content : undefined);
      if ("answer" in turn) return turn;
      return { toolCalls: [{ id: `call_${++calls}`, name: "gong_execute", arguments: { ...turn.call } }] };
    },
  };
}
