/** The tool's input: a flat object (a top-level union breaks OpenAI and MCP clients) with open `params`. */
import { z } from "zod";
import { GongValidationError } from "../errors.js";
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

/** The model's input, forgiving the usual slips (input or `params` sent as a JSON string, `params: null`). */
export function parseToolInput(input: unknown): GongToolInput {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new GongValidationError(
        'The tool input must be an object: {"entity": "...", "action": "...", "params": {...}}.',
      );
    }
  }
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { params?: unknown }).params === "string"
  ) {
    const raw = (value as { params: string }).params;
    try {
      value = { ...(value as object), params: raw.trim() === "" ? {} : JSON.parse(raw) };
    } catch {
      throw new GongValidationError("params must be a JSON object, not a string.", { field: "params" });
    }
  }
  if (value !== null && typeof value === "object" && (value as { params?: unknown }).params === null) {
    value = { ...(value as object), params: {} };
  }
  const parsed = toolInputSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "input"}: ${issue.message}`,
    );
    throw new GongValidationError(
      `The tool input must be {"entity": string, "action": string, "params"?: object}. ${problems.join("; ")}`,
    );
  }
  return parsed.data;
}

/** The tool's own paging params: `offset` (records of the page to skip) and `limit` (records to show). */
export function wholeNumber(value: unknown, name: string, minimum: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < minimum) {
    throw new GongValidationError(`params.${name} must be a whole number ≥ ${minimum}.`, {
      field: `params.${name}`,
    });
  }
  return number;
}
