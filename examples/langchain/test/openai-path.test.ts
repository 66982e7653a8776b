/**
 * The real-model path of the example (OPENAI_API_KEY set: @langchain/openai), against a local stand-in for OpenAI's chat
 * completions endpoint (OPENAI_BASE_URL): the Gong tool is handed over as a function tool with its schema,
 * and the tool result goes back under the model's tool_call_id.
 */
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content?: string | null; tool_call_id?: string }>;
  tools: Array<{
    type: string;
    function: { name: string; parameters: { type: string; properties: Record<string, unknown> } };
  }>;
}

async function body(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text;
}

it("drives the agent with a chat-completions model", async () => {
  const requests: Array<{ authorization?: string; body: ChatRequest }> = [];
  const fakeOpenAI = createServer(async (request, response) => {
    const chat = JSON.parse(await body(request)) as ChatRequest;
    requests.push({ authorization: request.headers.authorization, body: chat });
    const toolMessage = chat.messages.find((message) => message.role === "tool");
    const message = toolMessage
      ? {
          role: "assistant",
          content: `There are ${(JSON.parse(toolMessage.content ?? "{}") as { data: unknown[] }).data.length} users.`,
        }
      : {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_abc",
              type: "function",
              function: {
                name: "gong_execute",
                arguments: JSON.stringify({ entity: "users", action: "list" }),
              },
            },
          ],
        };
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ choices: [{ index: 0, message }] }));
  });
  await new Promise<void>((resolve) => fakeOpenAI.listen(0, "127.0.0.1", resolve));
  const { port } = fakeOpenAI.address() as AddressInfo;
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        OPENAI_API_KEY: "sk-test-key",
        OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
        OPENAI_MODEL: "test-model",
      },
      timeout: 80_000,
    });
    expect(stdout).toContain("model: OpenAI test-model");
    expect(stdout).toContain('tool call: gong_execute {"entity":"users","action":"list"}');
    expect(stdout).toMatch(/answer: There are [1-9]\d* users\./);
    expect(stdout).not.toContain("sk-test-key");

    expect(requests).toHaveLength(2);
    expect(requests[0]!.authorization).toBe("Bearer sk-test-key");
    expect(requests[0]!.body.model).toBe("test-model");
    const parameters = requests[0]!.body.tools[0]!.function.parameters;
    expect(parameters.type).toBe("object");
    // An open object: LangChain writes zod's `{}` ("any value") where others write `true`.
    const params = parameters.properties.params as { type: string; additionalProperties: unknown };
    expect(params.type).toBe("object");
    expect([true, {}]).toContainEqual(params.additionalProperties);
    const toolReply = requests[1]!.body.messages.find((message) => message.role === "tool");
    expect(toolReply?.tool_call_id).toBe("call_abc");
    expect(stdout).toContain(
      `answer: There are ${(JSON.parse(toolReply!.content!) as { data: unknown[] }).data.length} users.`,
    );
  } finally {
    fakeOpenAI.close();
  }
});
