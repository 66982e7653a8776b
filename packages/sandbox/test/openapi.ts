// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
export const SPEC_PATH = path.resolve(repoRoot, "../shared/gong/openapi.json");

type Json = Record<string, any>;
export const spec: Json = JSON.parse(readFileSync(SPEC_PATH, "utf8"));

/**
 * A strict copy of the spec's schemas: every object with declared properties refuses unknown
 * properties, so a misspelt field in a sandbox answer fails validation instead of passing silently.
 */
function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === "example" ? v : strictify(v);
  if (out.properties && typeof out.properties === "object" && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  // The spec renders Java's `Object` as a bare `{type: object}` whose own example is a string
  // (ContextField.value: example "Gong Inc."): it means "any JSON value", so it is checked as such.
  if (out.type === "object" && !out.properties && out.additionalProperties === undefined && !out.$ref) {
    delete out.type;
  }
  return out;
}

const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
// OpenAPI 3.0 numeric formats, checked for real rather than ignored.
ajv.addFormat("int32", {
  type: "number",
  validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
});
ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
ajv.addFormat("double", { type: "number", validate: (n: number) => Number.isFinite(n) });
ajv.addFormat("float", { type: "number", validate: (n: number) => Number.isFinite(n) });
ajv.addFormat("url", (s: string) => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
});
ajv.addSchema({ $id: "openapi.json", components: strictify(spec.components) } as Json);

const cache = new Map<string, ValidateFunction>();

function schemaName(template: string, method: string, status: number): string {
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`The spec has no operation ${method} ${template}`);
  const response = op.responses[String(status)];
  const ref: string | undefined =
    response?.content?.["application/json"]?.schema?.$ref ?? response?.content?.["*/*"]?.schema?.$ref;
  if (ref) return ref.split("/").pop() as string;
  if (status >= 400) return "ErrorResponse"; // every Gong error has this shape, declared or not
  throw new Error(`The spec declares no JSON schema for ${method} ${template} ${status}`);
}

/** Validates one answer against the spec; returns the error list (empty when valid). */
export function validateResponse(template: string, method: string, status: number, body: unknown): string[] {
  const name = schemaName(template, method, status);
  let validate = cache.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` });
    cache.set(name, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

export function specOperations(): Array<{ method: string; path: string }> {
  const out: Array<{ method: string; path: string }> = [];
  for (const [p, ops] of Object.entries(spec.paths as Json)) {
    for (const m of Object.keys(ops as Json)) out.push({ method: m.toUpperCase(), path: p });
  }
  return out;
}
