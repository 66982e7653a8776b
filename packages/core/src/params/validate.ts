/** Validation of canonical params against an operation's schema, with errors a model can act on. */
import type { z } from "zod";
import { GongValidationError } from "../errors.js";

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

function pathText(path: PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : `${text}.${String(part)}`),
    "params",
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function explain(issue: Issue, input: unknown): { text: string; validValues?: string[] } {
  const at = pathText(issue.path);
  const got = valueAt(input, issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (got === undefined) return { text: `${at} is required (${issue.expected}).` };
      return { text: `${at} must be ${article(issue.expected)}, got ${describeValue(got)}.` };
    case "invalid_value": {
      const values = (issue.values ?? []).map(String);
      return {
        text: `${at} must be one of: ${values.join(", ")}; got ${describeValue(got)}.`,
        validValues: values,
      };
    }
    case "invalid_format":
      if (issue.format === "date") {
        return { text: `${at} must be a date as YYYY-MM-DD (e.g. 2024-05-01), got ${describeValue(got)}.` };
      }
      if (issue.format === "datetime") {
        return {
          text: `${at} must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z, got ${describeValue(got)}.`,
        };
      }
      return { text: `${at}: ${issue.message}.` };
    case "unrecognized_keys":
      return { text: `Unknown parameter(s) at ${at}: ${(issue.keys ?? []).join(", ")}.` };
    case "too_small":
      if (issue.origin === "array") return { text: `${at} needs at least ${String(issue.minimum)} item(s).` };
      if (issue.origin === "string") return { text: `${at} must not be empty.` };
      return { text: `${at} must be at least ${String(issue.minimum)}.` };
    case "too_big":
      if (issue.origin === "array") return { text: `${at} takes at most ${String(issue.maximum)} item(s).` };
      return { text: `${at} must be at most ${String(issue.maximum)}.` };
    default:
      return { text: `${at}: ${issue.message}.` };
  }
}

function article(expected: string | undefined): string {
  if (!expected) return "valid";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Parses params or throws one GongValidationError naming every problem (field, valid values). */
export function validateParams<S extends z.ZodType>(schema: S, input: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues as unknown as Issue[];
  const explained = issues.map((issue) => explain(issue, input));
  const first = issues[0]!;
  throw new GongValidationError(`Invalid params for ${label}: ${explained.map((e) => e.text).join(" ")}`, {
    field: pathText(first.path),
    validValues: explained[0]?.validValues,
  });
}
