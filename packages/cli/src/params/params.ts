/**
 * Operation parameters from the command line: `--params JSON` (or `@file.json`) as the base, then each
 * `--param key=value` set at a dotted path (`filter.fromDateTime=…`) with the value read as JSON when it
 * is JSON (`callIds=["1","2"]`, `includePrivate=true`) and as a plain string otherwise.
 */
import { readFile } from "node:fs/promises";
import { UsageError } from "../cli/errors.js";

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads a value: JSON when it parses, except long integers (Gong ids) which stay exact strings. */
export function parseValue(raw: string): unknown {
  const trimmed = raw.trim();
  if (/^-?\d+$/.test(trimmed) && !Number.isSafeInteger(Number(trimmed))) return trimmed;
  if (/^(\{|\[|"|true$|false$|null$|-?\d)/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // Not JSON after all (e.g. a date like 2024-01-01): keep the text.
    }
  }
  return raw;
}

export function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split(".");
  if (keys.some((k) => k === "")) throw new UsageError(`--param key "${path}" has an empty segment.`);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (key === "__proto__" || key === "constructor")
      throw new UsageError(`--param key "${path}" is not allowed.`);
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (!isPlainObject(next)) {
      throw new UsageError(`--param ${path}: "${key}" already holds a value that is not an object.`);
    }
    node = node[key] as Json;
  }
  const last = keys[keys.length - 1]!;
  if (last === "__proto__" || last === "constructor")
    throw new UsageError(`--param key "${path}" is not allowed.`);
  node[last] = value;
}

export async function buildParams(paramsJson: string | undefined, pairs: readonly string[]): Promise<Json> {
  let params: Json = {};
  if (paramsJson !== undefined) {
    let text = paramsJson;
    if (paramsJson.startsWith("@")) {
      try {
        text = await readFile(paramsJson.slice(1), "utf8");
      } catch (error) {
        throw new UsageError(
          `--params ${paramsJson}: cannot read the file (${(error as NodeJS.ErrnoException).code}).`,
        );
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `--params is not valid JSON: ${(error as Error).message}`,
        `Example: --params '{"fromDateTime":"2024-01-01T00:00:00Z"}' (or --param key=value).`,
      );
    }
    if (!isPlainObject(parsed))
      throw new UsageError('--params must be a JSON object, e.g. \'{"id":"123"}\'.');
    params = parsed;
  }
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new UsageError(
        `--param "${pair}" is not key=value.`,
        "Example: --param filter.fromDateTime=2024-01-01T00:00:00Z",
      );
    }
    setPath(params, pair.slice(0, eq), parseValue(pair.slice(eq + 1)));
  }
  return params;
}
