/**
 * OpenAI Agents driver: `run(agent, prompt)` (the SDK's real runner) with `ScriptedModel` from
 * `@openai/agents/testing` answering each turn from the scenario's script.
 */
import { gongTool } from "@gong-agent/openai-agents";
import { Agent, type AgentInputItem, run, setTracingDisabled } from "@openai/agents";
import { assistantMessage, functionCall, modelResponder, ScriptedModel } from "@openai/agents/testing";
import type { ConformanceDriver, ObservedToolResult } from "../../src/index.js";

const MAX_TURNS = 20;

function outputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (output && typeof output === "object" && "text" in output)
    return String((output as { text: unknown }).text);
  return JSON.stringify(output);
}

/** The function-call results that arrived after the model's last output. */
function toolResultsSinceLastTurn(input: string | AgentInputItem[]): ObservedToolResult[] {
  if (typeof input === "string") return [];
  let start = 0;
  input.forEach((item, index) => {
    if (item.type === "function_call" || (item.type === "message" && item.role === "assistant"))
      start = index + 1;
  });
  return input.slice(start).flatMap((item) =>
    item.type === "function_call_result"
      ? [
          {
            toolCallId: item.callId,
            toolName: item.name,
            content: outputText(item.output),
            isError: undefined,
          },
        ]
      : [],
  );
}

export const openaiAgentsDriver: ConformanceDriver = {
  name: "openai-agents",
  flagsErrors: false,
  async runScenario(scenario) {
    setTracingDisabled(true);
    const tool = gongTool(scenario.source, scenario.toolOptions);
    let calls = 0;
    const responder = modelResponder((call) => {
      const raw = JSON.stringify(call.request);
      const action = scenario.respond({ toolResults: toolResultsSinceLastTurn(call.request.input), raw });
      if ("finalText" in action) return [assistantMessage(action.finalText)];
      return action.toolCalls.map((args) =>
        functionCall(tool.name, { ...args }, { callId: `call_${++calls}` }),
      );
    });
    const model = new ScriptedModel(Array.from({ length: MAX_TURNS }, () => responder));
    const agent = new Agent({
      name: "Gong analyst",
      instructions: "Answer with Gong data.",
      model,
      tools: [tool],
    });
    const result = await run(agent, scenario.prompt, { signal: scenario.signal, maxTurns: MAX_TURNS });
    return { finalText: String(result.finalOutput ?? ""), transcript: JSON.stringify(result.history) };
  },
};
