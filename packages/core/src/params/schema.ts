/** Reading parameter schemas: the few facts about a zod schema the connector needs. */
import type { z } from "zod";
import type { FieldMeta } from "./fields.js";

type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  entries?: Record<string, string>;
  format?: string;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema without optional/default/nullable wrappers, and whether it was optional. */
export function unwrap(schema: AnySchema): { inner: AnySchema; optional: boolean } {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = defOf(inner);
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType) {
      if (def.type !== "nullable") optional = true;
      inner = def.innerType;
    } else {
      return { inner, optional };
    }
  }
}

export type FieldKind = "object" | "array" | "string" | "boolean" | "number" | "enum" | "other";

export function kindOf(schema: AnySchema): FieldKind {
  const type = defOf(unwrap(schema).inner).type;
  if (type === "object" || type === "array" || type === "string" || type === "boolean" || type === "enum") {
    return type;
  }
  if (type === "number" || type === "int" || type === "bigint") return "number";
  return "other";
}

export function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  return defOf(unwrap(schema).inner).shape ?? {};
}

export function elementOf(schema: AnySchema): AnySchema | undefined {
  return defOf(unwrap(schema).inner).element;
}

export function enumValues(schema: AnySchema): string[] | undefined {
  const inner = unwrap(schema).inner;
  const def = defOf(inner);
  if (def.type === "enum" && def.entries) return Object.values(def.entries);
  if (def.type === "array" && def.element) return enumValues(def.element);
  return undefined;
}

/** "date" (YYYY-MM-DD), "date-time" (ISO-8601) or undefined. */
export function dateFormat(schema: AnySchema): "date" | "date-time" | undefined {
  const format = defOf(unwrap(schema).inner).format;
  if (format === "date") return "date";
  if (format === "datetime") return "date-time";
  return undefined;
}

/** Field metadata from the schema and the wrappers around it (outermost wins). */
export function metaOf(schema: AnySchema): FieldMeta {
  const layers: AnySchema[] = [];
  let current: AnySchema | undefined = schema;
  while (current) {
    layers.unshift(current);
    const def = defOf(current);
    current =
      def.type === "optional" || def.type === "default" || def.type === "nullable"
        ? def.innerType
        : undefined;
  }
  const merged: FieldMeta = {};
  for (const layer of layers) Object.assign(merged, (layer.meta() ?? {}) as FieldMeta);
  return merged;
}

/** camelCase → snake_case: `fromDateTime` → `from_date_time`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Every spelling accepted for a field: its name, snake_case, wire name and declared aliases. */
export function spellingsOf(name: string, schema: AnySchema): string[] {
  const meta = metaOf(schema);
  const names = [name, snakeCase(name), ...(meta.wireName ? [meta.wireName] : []), ...(meta.aliases ?? [])];
  return [...new Set(names)];
}
