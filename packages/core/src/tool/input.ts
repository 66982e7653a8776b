/** The tool's input: a flat object (a top-level union breaks OpenAI and MCP clients) with open `params`. */
import { z } from "zod";
import type { GongToolInput } from "./types.js";

const PARAMS_DESCRIPTION = "Parameters of the action (see the description); {} when none.";

export const toolInputSchema: z.ZodType<GongToolInput> = z.object({
  entity: z.string().min(1).describe("Entity name, e.g. calls"),
  action: z.string().min(1).describe("Action name, e.g. list, get, describe"),
  params: z.record(z.string(), z.unknown()).optional().describe(PARAMS_DESCRIPTION),
});

/** Plain JSON Schema of the input, written out so every framework gets the same open `params`. */
export function toolJsonSchema(): Record<string, unknown> {
  return {
    type: "object",
    properties: {
      entity: { type: "string", description: "Entity name, e.g. calls" },
      action: { type: "string", description: "Action name, e.g. list, get, describe" },
      params: { type: "object", description: PARAMS_DESCRIPTION, additionalProperties: true },
    },
    required: ["entity", "action"],
  };
}
