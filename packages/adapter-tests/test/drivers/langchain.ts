/**
 * LangChain driver: `createAgent` (the real LangGraph agent loop) with `fakeModel` from `langchain`
 * answering each turn from the scenario's script.
 */
import { gongTool } from "@gong-agent/langchain";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { AIMessage, type BaseMessage, createAgent, fakeModel, HumanMessage, ToolMessage } from "langchain";
import type { ConformanceDriver, ObservedToolResult } from "../../src/index.js";

const MAX_TURNS = 20;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === "string" ? part : ((part as { text?: string }).text ?? "")))
      .join("");
  }
  return JSON.stringify(content);
}

/** The tool messages that arrived after the model's last turn. */
function toolResultsSinceLastTurn(messages: BaseMessage[]): ObservedToolResult[] {
  let start = 0;
  messages.forEach((message, index) => {
    if (AIMessage.isInstance(message)) start = index + 1;
  });
  return messages
    .slice(start)
    .filter((message) => ToolMessage.isInstance(message))
    .map((message) => ({
      toolCallId: message.tool_call_id,
      toolName: message.name,
      content: textOf(message.content),
      isError: message.status === "error",
    }));
}

export const langchainDriver: ConformanceDriver = {
  name: "langchain",
  flagsErrors: true,
  async runScenario(scenario) {
    const tool = gongTool(scenario.source, scenario.toolOptions);
    const toolDefinition = convertToOpenAITool(tool);
    const model = fakeModel();
    let calls = 0;
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      model.respond((messages) => {
        const raw = JSON.stringify({ tools: [toolDefinition], messages });
        const action = scenario.respond({ toolResults: toolResultsSinceLastTurn(messages), raw });
        if ("finalText" in action) return new AIMessage(action.finalText);
        return new AIMessage({
          content: "",
          tool_calls: action.toolCalls.map((args) => ({
            id: `call_${++calls}`,
            name: tool.name,
            args,
            type: "tool_call" as const,
          })),
        });
      });
    }
    const agent = createAgent({ model, tools: [tool] });
    const state = await agent.invoke(
      { messages: [new HumanMessage(scenario.prompt)] },
      { signal: scenario.signal, recursionLimit: MAX_TURNS * 2 + 1 },
    );
    const last = state.messages.at(-1);
    return { finalText: textOf(last?.content), transcript: JSON.stringify(state.messages) };
  },
};
