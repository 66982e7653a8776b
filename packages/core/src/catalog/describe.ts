/** The machine-readable catalog: what `describe()` returns and what docs and tool text are built from. */
import type { z } from "zod";
import {
  dateFormat,
  elementOf,
  enumValues,
  kindOf,
  metaOf,
  shapeOf,
  snakeCase,
  unwrap,
} from "../params/schema.js";
import { listOperations } from "./index.js";
import type { Access, CursorLocation, OperationKind, OperationSpec } from "./types.js";

export interface ParamDoc {
  /** Dotted path for nested fields, e.g. `filter.fromDateTime`; `[]` marks array items. */
  name: string;
  type: string;
  required: boolean;
  location: "path" | "query" | "body";
  /** Gong's name on the wire when it differs from `name`. */
  wireName?: string;
  /** Other accepted spellings (snake_case and declared aliases). */
  aliases?: string[];
  enum?: string[];
  format?: "date" | "date-time";
  description?: string;
}

export interface ActionDoc {
  action: string;
  kind: OperationKind;
  method: string;
  path: string;
  hint: string;
  scopes: readonly string[];
  access: Access;
  destructive: boolean;
  spendsCredits: boolean;
  /** Where the cursor goes; "none" for single-page operations. */
  cursor: CursorLocation;
  params: ParamDoc[];
}

export interface EntityDoc {
  entity: string;
  actions: ActionDoc[];
}

export interface CatalogDescription {
  entities: EntityDoc[];
}

function typeName(schema: z.ZodType): string {
  const kind = kindOf(schema);
  if (kind === "array") {
    const element = elementOf(schema);
    return `${element ? typeName(element) : "unknown"}[]`;
  }
  if (kind === "enum") return "string";
  return kind === "other" ? "unknown" : kind;
}

function paramDocs(
  shape: Record<string, z.ZodType>,
  prefix: string,
  location: (name: string) => ParamDoc["location"],
  parentRequired: boolean,
): ParamDoc[] {
  const docs: ParamDoc[] = [];
  for (const [name, field] of Object.entries(shape)) {
    const meta = metaOf(field);
    const { optional } = unwrap(field);
    const fullName = prefix ? `${prefix}.${name}` : name;
    const doc: ParamDoc = {
      name: fullName,
      type: typeName(field),
      required: parentRequired && !optional,
      location: location(prefix ? (prefix.split(".")[0] ?? name) : name),
    };
    if (meta.wireName) doc.wireName = meta.wireName;
    const aliases = [snakeCase(name), ...(meta.aliases ?? [])].filter((alias) => alias !== name);
    if (aliases.length > 0) doc.aliases = [...new Set(aliases)];
    const values = enumValues(field);
    if (values) doc.enum = values;
    const format =
      dateFormat(field) ?? (kindOf(field) === "array" ? dateFormat(elementOf(field)!) : undefined);
    if (format) doc.format = format;
    if (meta.description) doc.description = meta.description;
    docs.push(doc);
    if (kindOf(field) === "object") {
      docs.push(...paramDocs(shapeOf(field), fullName, location, parentRequired && !optional));
    }
  }
  return docs;
}

export function describeOperation(action: string, spec: OperationSpec): ActionDoc {
  const pathParams = new Set([...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
  const location = (name: string): ParamDoc["location"] =>
    pathParams.has(name) ? "path" : spec.method === "GET" || spec.method === "DELETE" ? "query" : "body";
  return {
    action,
    kind: spec.kind,
    method: spec.method,
    path: spec.path,
    hint: spec.hint,
    scopes: spec.scopes,
    access: spec.access,
    destructive: spec.destructive,
    spendsCredits: spec.spendsCredits,
    cursor: spec.cursor,
    params: paramDocs(shapeOf(spec.params), "", location, true),
  };
}

/** The whole catalog, or one entity of it. */
export function describeCatalog(entity?: string): CatalogDescription {
  const byEntity = new Map<string, EntityDoc>();
  for (const entry of listOperations()) {
    if (entity !== undefined && entry.entity !== entity) continue;
    let doc = byEntity.get(entry.entity);
    if (!doc) {
      doc = { entity: entry.entity, actions: [] };
      byEntity.set(entry.entity, doc);
    }
    doc.actions.push(describeOperation(entry.action, entry.spec));
  }
  return { entities: [...byEntity.values()] };
}
