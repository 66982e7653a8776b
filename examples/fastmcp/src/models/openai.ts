/**
 * A real model: OpenAI's chat completions API over plain fetch, with the MCP tools handed over as
 * function tools, the way an MCP host does it. Used when OPENAI_API_KEY is set.
 */
import type { Message, Model, ToolSpec } from "./types.js";

interface ChatCompletion {
  choices: Array<{
    message: {
      content: string | null;
      tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
    };
  }>;
}

function toOpenAIMessages(messages: Message[]): unknown[] {
  return messages.map((message) => {
    if (message.role === "user") return message;
    if (message.role === "tool") {
      return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
    }
    return {
      role: "assistant",
      content: message.content || null,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      })),
    };
  });
}

export function openAIModel(apiKey: string, model = process.env.OPENAI_MODEL ?? "gpt-4.1-mini"): Model {
  const baseUrl = process.env.OPENAI_BASE_URL ?? "https://api.openai.com/v1";
  return {
    label: `OpenAI ${model}`,
    async next(messages: Message[], tools: ToolSpec[]) {
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          model,
          messages: [
            { role: "system", content: `Today is ${new Date().toISOString()}. Answer from Gong data.` },
            ...toOpenAIMessages(messages),
          ],
          tools: tools.map((tool) => ({
            type: "function",
            function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
          })),
        }),
      });
      if (!response.ok) throw new Error(`OpenAI answered ${response.status}: ${await response.text()}`);
      const { message } = ((await response.json()) as ChatCompletion).choices[0]!;
      if (message.tool_calls?.length) {
        return {
          toolCalls: message.tool_calls.map((call) => ({
            id: call.id,
            name: call.function.name,
            arguments: JSON.parse(call.function.arguments) as Record<string, unknown>,
          })),
        };
      }
      return { answer: message.content ?? "" };
    },
  };
}
