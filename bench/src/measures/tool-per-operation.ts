/**
 * The design the single tool replaces: one tool per read operation, each with its own JSON schema,
 * built from core's `describe()` the way a generator of per-operation tools would build them.
 */
import type { CatalogDescription, ParamDoc } from "@gong-agent/core";

export interface OperationTool {
  name: string;
  description: string;
  schema: JsonSchemaObject;
}

interface JsonSchemaObject {
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
}

export function oneToolPerOperation(catalog: CatalogDescription): OperationTool[] {
  const tools: OperationTool[] = [];
  for (const entity of catalog.entities) {
    for (const action of entity.actions) {
      if (action.access !== "read") continue;
      tools.push({
        name: `${entity.entity}_${action.action}`,
        description: action.hint,
        schema: paramsSchema(action.params),
      });
    }
  }
  return tools;
}

/** Nests dotted parameter names (`filter.fromDateTime`) back into object schemas. */
export function paramsSchema(params: readonly ParamDoc[]): JsonSchemaObject {
  const root: JsonSchemaObject = { type: "object", properties: {} };
  const objects = new Map<string, JsonSchemaObject>([["", root]]);
  for (const param of params) {
    const parts = param.name.split(".");
    const key = parts.pop()!;
    const parentName = parts.join(".");
    const parent = objects.get(parentName);
    if (parent === undefined)
      throw new Error(`parameter ${param.name} comes before its parent ${parentName}`);
    const schema = typeSchema(param.type);
    if (param.enum) schema["enum"] = param.enum;
    if (param.format) schema["format"] = param.format;
    if (param.description) schema["description"] = param.description;
    parent.properties[key] = schema;
    if (param.required) parent.required = [...(parent.required ?? []), key];
    if (param.type === "object") objects.set(param.name, schema as unknown as JsonSchemaObject);
  }
  return root;
}

function typeSchema(type: string): Record<string, unknown> {
  if (type.endsWith("[]")) return { type: "array", items: typeSchema(type.slice(0, -2)) };
  if (type === "object") return { type: "object", properties: {} };
  if (type === "unknown") return {};
  return { type };
}
