/**
 * The parameters object FastMCP receives for the Gong tool: a Standard Schema whose JSON Schema is
 * core's plain `jsonSchema`, so MCP clients see exactly what every other framework sees.
 *
 * Two FastMCP behaviours shape this file:
 * - FastMCP validates arguments before `execute` and turns a failure into a JSON-RPC protocol error,
 *   which most MCP clients never show to the model. Validation here therefore only checks that the
 *   arguments are an object; the real validation runs in core's tool, whose errors reach the model as
 *   text it can act on.
 * - FastMCP 4.20 passes the advertised schema through `strictJsonSchema`, which sets
 *   `additionalProperties: false` on every property whose `type` is `"object"`. That would close
 *   `params` and tell clients no parameter is allowed. The open `params` schema is therefore handed
 *   over as an object without an own `type` (so it is left alone) that serializes, through `toJSON`,
 *   to `{ type: "object", additionalProperties: true, … }`: what goes over the wire is the open object.
 */
import type { ToolParameters } from "fastmcp";

type JsonSchemaObject = Record<string, unknown>;

/** A JSON Schema fragment whose serialized form is `schema`, invisible to FastMCP's closing pass. */
class OpenObjectSchema {
  readonly #schema: JsonSchemaObject;
  constructor(schema: JsonSchemaObject) {
    this.#schema = schema;
  }
  toJSON(): JsonSchemaObject {
    return this.#schema;
  }
}

/** The input schema advertised in `tools/list`: root object, no top-level union, open `params`. */
export function advertisedInputSchema(jsonSchema: JsonSchemaObject): JsonSchemaObject {
  const schema: JsonSchemaObject = structuredClone(jsonSchema);
  // MCP requires an object at the root; a `$schema` URI adds nothing for clients.
  delete schema.$schema;
  schema.type = "object";
  const properties = { ...((schema.properties as JsonSchemaObject | undefined) ?? {}) };
  const params = properties.params as JsonSchemaObject | undefined;
  if (params !== undefined) {
    const open: JsonSchemaObject = { ...params, type: "object", additionalProperties: true };
    // zod's record output (`propertyNames`) says nothing useful to a client and some reject it.
    delete open.propertyNames;
    properties.params = new OpenObjectSchema(open);
  }
  schema.properties = properties;
  return schema;
}

/** The Standard Schema (with JSON Schema) FastMCP takes as `parameters`. */
export function gongToolParameters(jsonSchema: JsonSchemaObject): ToolParameters {
  const advertised = advertisedInputSchema(jsonSchema);
  const parameters = {
    "~standard": {
      version: 1 as const,
      vendor: "gong-agent",
      jsonSchema: { input: () => advertised, output: () => advertised },
      validate(value: unknown) {
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          return {
            issues: [{ message: "Arguments must be an object: { entity, action, params? }." }],
          };
        }
        return { value };
      },
    },
  };
  return parameters;
}
