/**
 * The LangChain tool: a DynamicStructuredTool with core's zod schema that answers in
 * `content_and_artifact` form: the bounded JSON text for the model, the full `{ data, meta }` as the
 * artifact for your code.
 */
import {
  type GongError,
  type GongSource,
  type GongTool,
  type GongToolOptions,
  type ToolResult,
  toGongTool,
} from "@gong-agent/core";
import { type ToolCall, ToolMessage } from "@langchain/core/messages";
import {
  DynamicStructuredTool,
  type DynamicStructuredToolInput,
  ToolInputParsingException,
  type ToolRunnableConfig,
} from "@langchain/core/tools";

export type GongLangChainToolOptions = GongToolOptions;

/** What the artifact of a failed call holds: the typed error (with `retryable`, `status`, ...). */
export interface GongErrorArtifact {
  error: GongError;
}

function errorMessage(
  gong: GongTool,
  result: Extract<ToolResult, { ok: false }>,
  toolCallId: string,
): ToolMessage {
  const artifact: GongErrorArtifact = { error: result.error };
  return new ToolMessage({
    content: result.text,
    tool_call_id: toolCallId,
    name: gong.name,
    status: "error",
    artifact,
  });
}

function isToolCall(value: unknown): value is ToolCall {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "tool_call";
}

/**
 * LangChain refuses input that fails the schema before the tool runs, and its ToolNode then shows the
 * model a stack trace. Core explains the same mistakes better (and forgives some, like `params` sent
 * as a JSON string), so such input is handed to core instead.
 */
class GongStructuredTool extends DynamicStructuredTool {
  constructor(
    private readonly gong: GongTool,
    // biome-ignore lint/suspicious/noExplicitAny: the base class's own defaults for these type parameters
    fields: DynamicStructuredToolInput<any, any, any> & { name: string },
  ) {
    super(fields);
  }

  // biome-ignore lint/suspicious/noExplicitAny: same loose signature as the base class's overloads
  override async call(arg: any, configArg?: any, tags?: string[]): Promise<any> {
    try {
      return await super.call(arg, configArg, tags);
    } catch (error) {
      if (!(error instanceof ToolInputParsingException)) throw error;
      const config = configArg as ToolRunnableConfig | undefined;
      const input: unknown = isToolCall(arg) ? arg.args : arg;
      const toolCallId = (isToolCall(arg) ? arg.id : undefined) ?? config?.toolCall?.id;
      const result = await this.gong.execute(input, config?.signal ? { signal: config.signal } : {});
      if (!result.ok) {
        if (!toolCallId) throw result.error;
        return errorMessage(this.gong, result, toolCallId);
      }
      if (!toolCallId) return result.text;
      return new ToolMessage({
        content: result.text,
        artifact: result.result,
        tool_call_id: toolCallId,
        name: this.gong.name,
        status: "success",
      });
    }
  }
}

/**
 * `gongTool(gong)` → a LangChain structured tool named `gong_execute` (or `options.name`).
 *
 * Errors never throw inside an agent: when called with a tool call they come back as a
 * `ToolMessage` with `status: "error"` whose text says what went wrong and what to do. Called
 * directly with plain input (no tool call), a failure throws the typed `GongError`.
 */
export function gongTool(source: GongSource, options: GongLangChainToolOptions = {}): DynamicStructuredTool {
  const gong = toGongTool(source, options);
  return new GongStructuredTool(gong, {
    name: gong.name,
    description: gong.description,
    schema: gong.inputSchema,
    responseFormat: "content_and_artifact",
    func: async (input, _runManager, config) => {
      const result = await gong.execute(input, config?.signal ? { signal: config.signal } : {});
      if (result.ok) return [result.text, result.result];
      const toolCallId = (config as ToolRunnableConfig | undefined)?.toolCall?.id;
      if (!toolCallId) throw result.error;
      // A ToolMessage as content is passed through as-is, so the model sees the text flagged as an error.
      const message = errorMessage(gong, result, toolCallId);
      return [message, message.artifact];
    },
  });
}
