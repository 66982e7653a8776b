/**
 * The LangChain tool: a DynamicStructuredTool with core's zod schema that answers in
 * `content_and_artifact` form: the bounded JSON text for the model, the full `{ data, meta }` as the
 * artifact for your code.
 */
import type { GongToolOptions } from "@gong-agent/core";
import { ToolMessage } from "@langchain/core/messages";
import { DynamicStructuredTool, type ToolRunnableConfig } from "@langchain/core/tools";
import { coreTool, type GongSource } from "./source.js";

export type GongLangChainToolOptions = GongToolOptions;

/** What the artifact of a failed call holds: the typed error (with `retryable`, `status`, ...). */
export interface GongErrorArtifact {
  error: Error;
}

/**
 * `gongTool(gong)` → a LangChain structured tool named `gong_execute` (or `options.name`).
 *
 * Errors never throw inside an agent: when called with a tool call they come back as a
 * `ToolMessage` with `status: "error"` whose text says what went wrong and what to do. Called
 * directly with plain input (no tool call), a failure throws the typed `GongError`.
 */
export function gongTool(source: GongSource, options: GongLangChainToolOptions = {}): DynamicStructuredTool {
  const gong = coreTool(source, options);
  return new DynamicStructuredTool({
    name: gong.name,
    description: gong.description,
    schema: gong.inputSchema,
    responseFormat: "content_and_artifact",
    func: async (input, _runManager, config) => {
      const result = await gong.execute(input, config?.signal ? { signal: config.signal } : {});
      if (result.ok) return [result.text, result.result];
      const toolCallId = (config as ToolRunnableConfig | undefined)?.toolCall?.id;
      if (!toolCallId) throw result.error;
      const artifact: GongErrorArtifact = { error: result.error };
      // A ToolMessage as content is passed through as-is, so the model sees the text flagged as an error.
      const message = new ToolMessage({
        content: result.text,
        tool_call_id: toolCallId,
        name: gong.name,
        status: "error",
        artifact,
      });
      return [message, artifact];
    },
  });
}
