/**
 * Building blocks for operation parameter schemas. Every field carries a description (shown by
 * `describe()` and the tool) and, where Gong's wire name differs from the name users type, `wireName`.
 */
import { z } from "zod";

/** Extra facts about a field, kept in the schema's metadata (and therefore in its JSON Schema). */
export interface FieldMeta {
  description?: string;
  /** The name Gong expects on the wire when it differs from the field name (e.g. `workspace-id`). */
  wireName?: string;
  /** More accepted spellings besides the automatic snake_case one (e.g. `from_`). */
  aliases?: readonly string[];
  /** An empty array is left out of the request instead of being sent (Gong answers 400 to it). */
  dropIfEmpty?: boolean;
  /** Accepted for compatibility with the Python SDK, left out of the tool's compact signatures. */
  compat?: boolean;
}

/** `YYYY-MM-DD`, a calendar date (Gong's stats endpoints, in the company's time zone). */
export function date(description: string, meta: FieldMeta = {}) {
  return z.iso.date().meta({ ...meta, description });
}

/**
 * ISO-8601 date-time with a time zone, e.g. `2024-05-01T00:00:00Z`. A plain `YYYY-MM-DD` is accepted
 * and read as midnight UTC (normalized before validation).
 */
export function dateTime(description: string, meta: FieldMeta = {}) {
  return z.iso.datetime({ offset: true }).meta({ ...meta, description });
}

/**
 * Type-only mark of a field's wire name, so params spelled with Gong's wire names
 * (`{ "workspace-id": … }`) type-check too. Nothing is added at runtime.
 */
export type WithWireName<S, M> = M extends { wireName: infer W extends string }
  ? S & { readonly "~wireName"?: W }
  : S;

/** A Gong id: digit strings up to 20 digits (numbers that are safe integers are turned into strings). */
export function id<const M extends FieldMeta = FieldMeta>(
  description: string,
  meta: M = {} as M,
): WithWireName<z.ZodString, M> {
  const fieldMeta: FieldMeta = { ...meta, description };
  return z
    .string()
    .min(1)
    .meta({ ...fieldMeta }) as unknown as WithWireName<z.ZodString, M>;
}

export function text(description: string, meta: FieldMeta = {}) {
  return z
    .string()
    .min(1)
    .meta({ ...meta, description });
}

export function flag(description: string, meta: FieldMeta = {}) {
  return z.boolean().meta({ ...meta, description });
}

export function ids(description: string, meta: FieldMeta = {}) {
  return z.array(z.string().min(1)).meta({ dropIfEmpty: true, ...meta, description });
}

export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  description: string,
  meta: FieldMeta = {},
) {
  return z.enum(values).meta({ ...meta, description });
}

export function manyOf<const T extends readonly [string, ...string[]]>(
  values: T,
  description: string,
  meta: FieldMeta = {},
) {
  return z
    .array(z.enum(values))
    .min(1)
    .meta({ ...meta, description });
}

export const cursor = () =>
  z.string().min(1).meta({
    description: "Next-page token: pass meta.cursor from the previous answer, other params unchanged.",
  });

/** An object of parameters that refuses unknown keys (they are listed in the error). */
export function params<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape);
}
