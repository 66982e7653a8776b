/**
 * The real-model path of the example (OPENAI_API_KEY set: @langchain/openai), against a local stand-in for OpenAI's chat
 * completions endpoint (OPENAI_BASE_URL): the Gong tool is handed over as a function tool with its schema,
 * and the tool result goes back under the model's tool_call_id.
 */
import { fileURLToPath } from "node:url";
import { expectChatCompletionsRun } from "@gong-agent/example-kit/testing";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it("drives the agent with a chat-completions model", async () => {
  const parameters = await expectChatCompletionsRun(root, "src/main.ts");
  // An open object: LangChain writes zod's `{}` ("any value") where others write `true`.
  const params = parameters.properties.params as { type: string; additionalProperties: unknown };
  expect(params.type).toBe("object");
  expect([true, {}]).toContainEqual(params.additionalProperties);
});
