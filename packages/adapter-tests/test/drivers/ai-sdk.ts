/**
 * Vercel AI SDK driver: `generateText` with tools and `stopWhen` (the SDK's real multi-step loop)
 * with `MockLanguageModelV3` from `ai/test` answering each turn from the scenario's script.
 */
import { gongTool } from "@gong-agent/ai-sdk";
import { generateText, stepCountIs } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import type { ConformanceDriver, ObservedToolResult } from "../../src/index.js";

const MAX_TURNS = 20;

type CallOptions = MockLanguageModelV3["doGenerateCalls"][number];
type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

const usage: GenerateResult["usage"] = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** The tool results that arrived after the model's last (assistant) message. */
function toolResultsSinceLastTurn(prompt: CallOptions["prompt"]): ObservedToolResult[] {
  let start = 0;
  prompt.forEach((message, index) => {
    if (message.role === "assistant") start = index + 1;
  });
  return prompt.slice(start).flatMap((message) => {
    if (message.role !== "tool") return [];
    return message.content.flatMap((part) => {
      if (part.type !== "tool-result") return [];
      const output = part.output;
      const isError = output.type === "error-text" || output.type === "error-json";
      const content =
        output.type === "text" || output.type === "error-text" ? output.value : JSON.stringify(output);
      return [{ toolCallId: part.toolCallId, toolName: part.toolName, content, isError }];
    });
  });
}

export const aiSdkDriver: ConformanceDriver = {
  name: "ai-sdk",
  flagsErrors: true,
  async runScenario(scenario) {
    const { name = "gong_execute", ...options } = scenario.toolOptions;
    const tool = gongTool(scenario.source, options);
    let calls = 0;
    const model = new MockLanguageModelV3({
      doGenerate: async (options): Promise<GenerateResult> => {
        const raw = JSON.stringify({ prompt: options.prompt, tools: options.tools });
        const action = scenario.respond({ toolResults: toolResultsSinceLastTurn(options.prompt), raw });
        if ("finalText" in action) {
          return {
            content: [{ type: "text", text: action.finalText }],
            finishReason: { unified: "stop", raw: "stop" },
            usage,
            warnings: [],
          };
        }
        return {
          content: action.toolCalls.map((args) => ({
            type: "tool-call" as const,
            toolCallId: `call_${++calls}`,
            toolName: name,
            input: JSON.stringify(args),
          })),
          finishReason: { unified: "tool-calls", raw: "tool_calls" },
          usage,
          warnings: [],
        };
      },
    });
    const result = await generateText({
      model,
      tools: { [name]: tool },
      prompt: scenario.prompt,
      stopWhen: stepCountIs(MAX_TURNS),
      abortSignal: scenario.signal,
    });
    return { finalText: result.text, transcript: JSON.stringify(result.steps) };
  },
};
