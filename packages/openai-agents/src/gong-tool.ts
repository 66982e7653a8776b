/**
 * The OpenAI Agents tool: a non-strict function tool with core's plain JSON Schema (a strict schema
 * cannot express the open `params` object). Input is validated by core inside `execute`; failures
 * reach the model as core's actionable text through `errorFunction` (the SDK's default would replace
 * it with a generic "An error occurred").
 */
import { type GongSource, type GongToolInput, type GongToolOptions, toGongTool } from "@gong-agent/core";
import { type FunctionTool, type RunContext, tool } from "@openai/agents";
import { GongToolCallError } from "./errors.js";

export type GongApprovalPolicy = boolean | ((input: GongToolInput) => boolean | Promise<boolean>);

export interface GongOpenAIToolOptions extends GongToolOptions {
  /**
   * Whether a call must be approved by a human first (the run stops with an interruption).
   * Default: write actions need approval, reads do not. Writes exist only with `allowWrites: true`.
   */
  needsApproval?: GongApprovalPolicy;
}

const UNEXPECTED =
  "The Gong tool failed unexpectedly. Check the input: { entity, action, params } with params an object, then try again.";

/** `gongTool(gong)` → an `@openai/agents` function tool named `gong_execute` (or `options.name`). */
export function gongTool(
  source: GongSource,
  options: GongOpenAIToolOptions = {},
): FunctionTool<unknown, ReturnType<typeof parametersOf>, string> {
  const { needsApproval: policy, ...coreOptions } = options;
  const gong = toGongTool(source, coreOptions);
  return tool({
    name: gong.name,
    description: gong.description,
    strict: false,
    parameters: parametersOf(gong.jsonSchema),
    execute: async (input: unknown, _context?: RunContext<unknown>, details?: { signal?: AbortSignal }) => {
      const result = await gong.execute(input, details?.signal ? { signal: details.signal } : {});
      if (result.ok) return result.text;
      throw new GongToolCallError(result.text, result.error);
    },
    errorFunction: (_context, error) => (error instanceof GongToolCallError ? error.message : UNEXPECTED),
    needsApproval: async (_context, input) => {
      if (typeof policy === "boolean") return policy;
      if (typeof policy === "function") return policy(input as GongToolInput);
      return gong.isWrite(input);
    },
  });
}

/** Core's JSON Schema, typed as the SDK's non-strict object schema. */
function parametersOf(schema: Record<string, unknown>) {
  return schema as {
    type: "object";
    properties: Record<string, never>;
    required: never[];
    additionalProperties: true;
  };
}
