/**
 * A local stand-in for OpenAI's chat completions endpoint, for an example's real-model path
 * (OPENAI_API_KEY set, OPENAI_BASE_URL pointed here). It asks for `users list` through the Gong tool,
 * then answers with the number of users it was given.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { runExample } from "./run.js";

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content?: string | null; tool_call_id?: string }>;
  tools: Array<{
    type: string;
    function: { name: string; parameters: { type: string; properties: Record<string, unknown> } };
  }>;
}

export interface ReceivedChat {
  authorization?: string | undefined;
  body: ChatRequest;
}

/** The key the example is given; it must reach the fake as a Bearer token and never be printed. */
const API_KEY = "sk-test-key";

async function body(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

function reply(chat: ChatRequest): unknown {
  const toolMessage = chat.messages.find((message) => message.role === "tool");
  if (toolMessage) {
    const users = (JSON.parse(toolMessage.content ?? "{}") as { data: unknown[] }).data.length;
    return { role: "assistant", content: `There are ${users} users.` };
  }
  return {
    role: "assistant",
    content: null,
    tool_calls: [
      {
        id: "call_abc",
        type: "function",
        function: { name: "gong_execute", arguments: JSON.stringify({ entity: "users", action: "list" }) },
      },
    ],
  };
}

/**
 * Runs the example against the fake model and checks the conversation: the key sent as a Bearer
 * token, the model name, the tool call and its result under the model's tool_call_id, the answer.
 * Returns the JSON Schema parameters the example handed over, for the framework's own checks.
 */
export async function expectChatCompletionsRun(
  root: string,
  entry: string,
): Promise<ChatRequest["tools"][number]["function"]["parameters"]> {
  const requests: ReceivedChat[] = [];
  const fakeOpenAI = createServer(async (request, response) => {
    const chat = JSON.parse(await body(request)) as ChatRequest;
    requests.push({ authorization: request.headers.authorization, body: chat });
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ choices: [{ index: 0, message: reply(chat) }] }));
  });
  await new Promise<void>((resolve) => fakeOpenAI.listen(0, "127.0.0.1", resolve));
  const { port } = fakeOpenAI.address() as AddressInfo;
  try {
    const stdout = await runExample(root, entry, {
      OPENAI_API_KEY: API_KEY,
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      OPENAI_MODEL: "test-model",
    });
    expect(stdout).toContain("model: OpenAI test-model");
    expect(stdout).toContain('tool call: gong_execute {"entity":"users","action":"list"}');
    expect(stdout).toMatch(/answer: There are [1-9]\d* users\./);
    expect(stdout).not.toContain(API_KEY);

    expect(requests).toHaveLength(2);
    expect(requests[0]!.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]!.body.model).toBe("test-model");
    const parameters = requests[0]!.body.tools[0]!.function.parameters;
    expect(parameters.type).toBe("object");
    const toolReply = requests[1]!.body.messages.find((message) => message.role === "tool");
    expect(toolReply?.tool_call_id).toBe("call_abc");
    expect(stdout).toContain(
      `answer: There are ${(JSON.parse(toolReply!.content!) as { data: unknown[] }).data.length} users.`,
    );
    return parameters;
  } finally {
    fakeOpenAI.close();
  }
}
