/**
 * The Vercel AI SDK tool: core's plain JSON Schema as `inputSchema` (no zod version coupling with
 * the app), core validating inside `execute`, the abort signal passed through. A failure is thrown
 * so the SDK records a `tool-error`; the model then receives core's actionable text.
 */
import { type GongSource, type GongToolInput, type GongToolOptions, toGongTool } from "@gong-agent/core";
import { type JSONSchema7, jsonSchema, type Tool, tool } from "ai";
import { GongToolCallError } from "./errors.js";

export type GongApprovalPolicy = boolean | ((input: GongToolInput) => boolean | Promise<boolean>);

/** Core's options, minus `name`: in the AI SDK a tool's name is its key in `tools`. */
export interface GongAiSdkToolOptions extends Omit<GongToolOptions, "name"> {
  /**
   * Whether a call waits for the user's approval (AI SDK 6+ tool approval). Default: write actions
   * need approval, reads do not. Writes exist only with `allowWrites: true`.
   */
  needsApproval?: GongApprovalPolicy;
}

/** `tools: { gong_execute: gongTool(gong) }`: the tool answers the bounded JSON text the model reads. */
export function gongTool(
  source: GongSource,
  options: GongAiSdkToolOptions = {},
): Tool<GongToolInput, string> {
  const { needsApproval: policy, ...coreOptions } = options;
  const gong = toGongTool(source, coreOptions);
  return tool<GongToolInput, string>({
    description: gong.description,
    inputSchema: jsonSchema<GongToolInput>(gong.jsonSchema as JSONSchema7),
    execute: async (input, { abortSignal }) => {
      const result = await gong.execute(input, abortSignal ? { signal: abortSignal } : {});
      if (result.ok) return result.text;
      throw new GongToolCallError(result.text, result.error);
    },
    needsApproval: async (input) => {
      if (typeof policy === "boolean") return policy;
      if (typeof policy === "function") return policy(input);
      return gong.isWrite(input);
    },
  });
}
