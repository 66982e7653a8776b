/**
 * The real-model path of the MCP host (OPENAI_API_KEY set), against a local stand-in for OpenAI's chat
 * completions endpoint (OPENAI_BASE_URL): the MCP tool is handed over as a function tool with its schema,
 * and the tool result goes back under the model's tool_call_id.
 */
import { fileURLToPath } from "node:url";
import { expectChatCompletionsRun } from "@gong-agent/example-kit/testing";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it("drives the MCP tool from a chat-completions model", async () => {
  const parameters = await expectChatCompletionsRun(root, "src/client.ts");
  expect(parameters.properties.params).toMatchObject({ type: "object", additionalProperties: true });
});
