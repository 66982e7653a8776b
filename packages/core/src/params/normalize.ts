/**
 * Turns what a user (or a model) wrote into the canonical params of an operation, before validation:
 * snake_case and wire-name aliases become Gong's camelCase names, `null` means "not given",
 * a plain `YYYY-MM-DD` in a date-time field becomes midnight UTC, numeric ids become strings,
 * and empty id lists that Gong would refuse are left out.
 */
import type { z } from "zod";
import { GongValidationError } from "../errors.js";
import { dateFormat, elementOf, kindOf, metaOf, shapeOf, spellingsOf } from "./schema.js";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function normalizeParams(input: unknown, schema: z.ZodType, label: string): Record<string, unknown> {
  if (input === undefined || input === null) return {};
  if (!isPlainObject(input)) {
    throw new GongValidationError(`params for ${label} must be an object, e.g. {"cursor": "..."}.`, {
      field: "params",
    });
  }
  return normalizeObject(input, schema, "params", label);
}

const spellingMaps = new WeakMap<z.ZodType, Map<string, string>>();

/** Spelling → field name for one object schema, built once per schema. */
function spellingMap(schema: z.ZodType, shape: Record<string, z.ZodType>): Map<string, string> {
  let map = spellingMaps.get(schema);
  if (!map) {
    map = new Map<string, string>();
    for (const [name, field] of Object.entries(shape)) {
      for (const spelling of spellingsOf(name, field)) map.set(spelling, name);
    }
    spellingMaps.set(schema, map);
  }
  return map;
}

function normalizeObject(
  input: Record<string, unknown>,
  schema: z.ZodType,
  path: string,
  label: string,
): Record<string, unknown> {
  const shape = shapeOf(schema);
  const canonicalBySpelling = spellingMap(schema, shape);
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const name = canonicalBySpelling.get(key);
    if (name === undefined) {
      const valid = Object.keys(shape);
      throw new GongValidationError(
        valid.length === 0
          ? `${label} takes no parameters, but got ${path}.${key}. Remove it.`
          : `Unknown parameter ${path}.${key} for ${label}. Valid parameters at ${path}: ${valid.join(", ")}.`,
        { field: `${path}.${key}`, validValues: valid },
      );
    }
    const normalized = normalizeValue(value, shape[name]!, `${path}.${name}`, label);
    if (normalized === undefined) continue;
    if (name in output && JSON.stringify(output[name]) !== JSON.stringify(normalized)) {
      throw new GongValidationError(
        `${path}.${name} was given twice with different values (as ${name} and as ${key}). Give it once.`,
        { field: `${path}.${name}` },
      );
    }
    output[name] = normalized;
  }
  return output;
}

function normalizeValue(value: unknown, schema: z.ZodType, path: string, label: string): unknown {
  switch (kindOf(schema)) {
    case "object":
      return isPlainObject(value) ? normalizeObject(value, schema, path, label) : value;
    case "array": {
      if (!Array.isArray(value)) {
        // A single id where a list is expected: accept it as a list of one.
        return typeof value === "string" || typeof value === "number"
          ? [normalizeValue(value, elementOf(schema)!, `${path}[0]`, label)]
          : value;
      }
      if (value.length === 0 && metaOf(schema).dropIfEmpty) return undefined;
      const element = elementOf(schema);
      return element
        ? value.map((item, index) => normalizeValue(item, element, `${path}[${index}]`, label))
        : value;
    }
    case "string":
    case "enum":
      if (typeof value === "number" || typeof value === "bigint") {
        if (typeof value === "number" && !Number.isSafeInteger(value)) {
          throw new GongValidationError(
            `${path} must be a string; ${value} is too large to be exact as a number. Pass ids as strings, e.g. "7782342274025937895".`,
            { field: path },
          );
        }
        return String(value);
      }
      if (
        typeof value === "string" &&
        dateFormat(schema) === "date-time" &&
        DATE_ONLY.test(value) &&
        !Number.isNaN(Date.parse(value))
      ) {
        return `${value}T00:00:00Z`;
      }
      return value;
    case "boolean":
      if (value === "true") return true;
      if (value === "false") return false;
      return value;
    default:
      return value;
  }
}

/** Deep merge: `over` wins; objects merge key by key, arrays and scalars replace. */
export function deepMerge(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const output: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = output[key];
    output[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return output;
}
