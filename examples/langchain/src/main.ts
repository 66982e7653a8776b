/**
 * Gong in a LangChain agent, printing each step.
 *
 *   pnpm start                         offline: local Gong sandbox + LangChain's fakeModel
 *   OPENAI_API_KEY=… pnpm start         a real model (OPENAI_MODEL, default gpt-4.1-mini)
 *   GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=… pnpm start   your Gong (or GONG_REFRESH_TOKEN, …)
 */
import { gongScript, openGong, preview, QUESTION } from "@gong-agent/example-kit";
import { gongTool } from "@gong-agent/langchain";
import { ChatOpenAI } from "@langchain/openai";
import { AIMessage, type BaseMessage, createAgent, fakeModel, HumanMessage, ToolMessage } from "langchain";

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (part as { text?: string }).text ?? "").join("");
  return JSON.stringify(content);
}

/** LangChain's fakeModel, answering each turn from the script. */
function scriptedModel(toolName: string) {
  const script = gongScript();
  const model = fakeModel();
  let calls = 0;
  for (let turn = 0; turn < 4; turn++) {
    model.respond((messages: BaseMessage[]) => {
      const last = messages.at(-1);
      const next = script.next(last && ToolMessage.isInstance(last) ? textOf(last.content) : undefined);
      if ("answer" in next) return new AIMessage(next.answer);
      return new AIMessage({
        content: "",
        tool_calls: [{ id: `call_${++calls}`, name: toolName, args: { ...next.call }, type: "tool_call" }],
      });
    });
  }
  return model;
}

function print(message: BaseMessage): void {
  if (AIMessage.isInstance(message)) {
    for (const call of message.tool_calls ?? [])
      console.log(`tool call: ${call.name} ${JSON.stringify(call.args)}`);
    const text = textOf(message.content);
    if (text && !message.tool_calls?.length) console.log(`answer: ${text}`);
  } else if (ToolMessage.isInstance(message)) {
    const status = message.status === "error" ? " (error)" : "";
    console.log(`tool result${status}: ${preview(textOf(message.content))}`);
  }
}

const { gong, where, close } = await openGong();
try {
  const tool = gongTool(gong);
  const apiKey = process.env.OPENAI_API_KEY;
  const modelName = process.env.OPENAI_MODEL ?? "gpt-4.1-mini";
  const model = apiKey ? new ChatOpenAI({ model: modelName, apiKey }) : scriptedModel(tool.name);
  console.log(`gong: ${where}`);
  console.log(`model: ${apiKey ? `OpenAI ${modelName}` : "fakeModel (offline)"}`);
  console.log(`user: ${QUESTION}`);

  const agent = createAgent({
    model,
    tools: [tool],
    systemPrompt: `Today is ${new Date().toISOString()}. Answer from Gong data.`,
  });
  const stream = await agent.stream({ messages: [new HumanMessage(QUESTION)] }, { streamMode: "updates" });
  for await (const update of stream) {
    for (const node of Object.values(update as Record<string, { messages?: BaseMessage[] } | undefined>)) {
      for (const message of node?.messages ?? []) print(message);
    }
  }
} finally {
  await close();
}
