/**
 * Gong with the Vercel AI SDK's multi-step generateText, printing each step.
 *
 *   pnpm start                         offline: local Gong sandbox + MockLanguageModelV3 from ai/test
 *   OPENAI_API_KEY=… pnpm start         a real model through @ai-sdk/openai (OPENAI_MODEL, default gpt-4.1-mini)
 *   GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=… pnpm start   your Gong (or GONG_REFRESH_TOKEN, …)
 */

import { openai } from "@ai-sdk/openai";
import { gongTool } from "@gong-agent/ai-sdk";
import { gongScript, openGong, preview, QUESTION } from "@gong-agent/example-kit";
import { generateText, type LanguageModel, stepCountIs } from "ai";
import { MockLanguageModelV3 } from "ai/test";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

const usage: GenerateResult["usage"] = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/** The SDK's mock model, answering each turn from the script. */
function scriptedModel(toolName: string): MockLanguageModelV3 {
  const script = gongScript();
  let calls = 0;
  return new MockLanguageModelV3({
    doGenerate: async ({ prompt }): Promise<GenerateResult> => {
      const last = prompt.at(-1);
      const part = last?.role === "tool" ? last.content.at(-1) : undefined;
      const output = part?.type === "tool-result" ? part.output : undefined;
      const next = script.next(
        output?.type === "text" || output?.type === "error-text" ? output.value : undefined,
      );
      if ("answer" in next) {
        return {
          content: [{ type: "text", text: next.answer }],
          finishReason: { unified: "stop", raw: "stop" },
          usage,
          warnings: [],
        };
      }
      return {
        content: [
          { type: "tool-call", toolCallId: `call_${++calls}`, toolName, input: JSON.stringify(next.call) },
        ],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage,
        warnings: [],
      };
    },
  });
}

const { gong, where, close } = await openGong();
try {
  const apiKey = process.env.OPENAI_API_KEY;
  const modelName = process.env.OPENAI_MODEL ?? "gpt-4.1-mini";
  const model: LanguageModel = apiKey ? openai(modelName) : scriptedModel("gong_execute");
  console.log(`gong: ${where}`);
  console.log(`model: ${apiKey ? `OpenAI ${modelName}` : "MockLanguageModelV3 (offline)"}`);
  console.log(`user: ${QUESTION}`);

  const { text } = await generateText({
    model,
    tools: { gong_execute: gongTool(gong) },
    stopWhen: stepCountIs(8),
    system: `Today is ${new Date().toISOString()}. Answer from Gong data.`,
    prompt: QUESTION,
    onStepFinish(step) {
      for (const call of step.toolCalls)
        console.log(`tool call: ${call.toolName} ${JSON.stringify(call.input)}`);
      for (const result of step.toolResults) {
        const output = typeof result.output === "string" ? result.output : JSON.stringify(result.output);
        console.log(`tool result: ${preview(output)}`);
      }
      for (const part of step.content) {
        if (part.type === "tool-error") console.log(`tool result (error): ${String(part.error)}`);
      }
    },
  });
  console.log(`answer: ${text}`);
} finally {
  await close();
}
