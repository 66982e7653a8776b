/**
 * Gong in an OpenAI Agents SDK agent, printing each step.
 *
 *   pnpm start                         offline: local Gong sandbox + the SDK's ScriptedModel
 *   OPENAI_API_KEY=… pnpm start         a real model through the SDK's default OpenAI provider (OPENAI_MODEL, default gpt-4.1-mini)
 *   GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=… pnpm start   your Gong (or GONG_REFRESH_TOKEN, …)
 */
import { gongScript, openGong, preview, QUESTION } from "@gong-agent/example-kit";
import { gongTool } from "@gong-agent/openai-agents";
import { Agent, type AgentInputItem, run, setTracingDisabled } from "@openai/agents";
import { assistantMessage, functionCall, modelResponder, ScriptedModel } from "@openai/agents/testing";

function outputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (output && typeof output === "object" && "text" in output)
    return String((output as { text: unknown }).text);
  return JSON.stringify(output);
}

/** The SDK's ScriptedModel, answering each turn from the script. */
function scriptedModel(toolName: string): ScriptedModel {
  const script = gongScript();
  let calls = 0;
  const responder = modelResponder((call) => {
    const input = call.request.input as string | AgentInputItem[];
    const last = typeof input === "string" ? undefined : input.at(-1);
    const next = script.next(last?.type === "function_call_result" ? outputText(last.output) : undefined);
    if ("answer" in next) return [assistantMessage(next.answer)];
    return [functionCall(toolName, { ...next.call }, { callId: `call_${++calls}` })];
  });
  return new ScriptedModel(Array.from({ length: 4 }, () => responder));
}

const { gong, where, close } = await openGong();
try {
  const tool = gongTool(gong);
  const apiKey = process.env.OPENAI_API_KEY;
  const modelName = process.env.OPENAI_MODEL ?? "gpt-4.1-mini";
  // Offline there is nowhere to send traces.
  if (!apiKey) setTracingDisabled(true);
  console.log(`gong: ${where}`);
  console.log(`model: ${apiKey ? `OpenAI ${modelName}` : "ScriptedModel (offline)"}`);
  console.log(`user: ${QUESTION}`);

  const agent = new Agent({
    name: "Sales analyst",
    instructions: `Today is ${new Date().toISOString()}. Answer with Gong data.`,
    tools: [tool],
    model: apiKey ? modelName : scriptedModel(tool.name),
  });
  const result = await run(agent, QUESTION, { stream: true, maxTurns: 10 });
  for await (const event of result) {
    if (event.type !== "run_item_stream_event") continue;
    const { item } = event;
    if (item.type === "tool_call_item" && item.rawItem.type === "function_call") {
      console.log(`tool call: ${item.rawItem.name} ${item.rawItem.arguments}`);
    } else if (item.type === "tool_call_output_item") {
      console.log(`tool result: ${preview(outputText(item.output))}`);
    }
  }
  await result.completed;
  console.log(`answer: ${result.finalOutput}`);
} finally {
  await close();
}
