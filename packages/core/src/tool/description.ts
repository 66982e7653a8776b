/**
 * The tool description, generated from the catalog: every entity and action with a compact parameter
 * signature, Gong's real pagination and date rules, and how to get full docs on demand. It has to stay
 * small (a token budget is tested), so details live behind the `describe` action.
 */
import type { z } from "zod";
import { listOperations } from "../catalog/index.js";
import type { OperationSpec } from "../catalog/types.js";
import { enumValues, kindOf, metaOf, shapeOf, unwrap } from "../params/schema.js";
import { isOffered, type OfferOptions } from "./offer.js";

export interface DescriptionOptions extends OfferOptions {
  /** Pages a paged list returns per call (the tool's `maxPages`); default 1. */
  maxPages?: number;
  /** The most pages the model may ask for with `params.pages`; mentioned when above 1. */
  maxPagesCeiling?: number;
}

const MAX_INLINE_FIELDS = 7;

const MAX_INLINE_ENUM = 6;

function fieldSignature(name: string, field: z.ZodType, depth: number): string {
  const optional = unwrap(field).optional ? "?" : "";
  const kind = kindOf(field);
  const values = enumValues(field);
  if (kind === "enum" && !optional && values && values.length <= MAX_INLINE_ENUM) {
    return `${name}:${values.join("|")}`;
  }
  if (kind === "array") return `${name}${optional}[]`;
  if (kind === "object") {
    const shape = shapeOf(field);
    const names = Object.keys(shape);
    const nestedObjects = names.some((key) => kindOf(shape[key]!) === "object");
    if (depth > 0 || nestedObjects || names.length > MAX_INLINE_FIELDS) return `${name}${optional}{…}`;
    return `${name}${optional}{${names.map((key) => fieldSignature(key, shape[key]!, depth + 1)).join(",")}}`;
  }
  return `${name}${optional}`;
}

/** `list(filter?{fromDateTime?,toDateTime?,workspaceId?,callIds?[]},contentSelector?{…})` */
export function signature(action: string, spec: OperationSpec): string {
  const fields = Object.entries(shapeOf(spec.params))
    .filter(([name, field]) => name !== "cursor" && !metaOf(field).compat)
    .map(([name, field]) => fieldSignature(name, field, 0));
  const paged = spec.cursor === "none" ? "" : "*";
  return `${action}${paged}(${fields.join(",")})`;
}

export { isOffered };

/** "one page (up to 5 with params.pages)": what a paged action returns, in a few tokens. */
function pagesText(options: DescriptionOptions): string {
  const standard = options.maxPages ?? 1;
  const ceiling = Math.max(options.maxPagesCeiling ?? 1, standard);
  const returned = standard > 1 ? `up to ${standard} pages` : "one page";
  return ceiling > standard ? `${returned} (up to ${ceiling} with params.pages)` : returned;
}

export function generateDescription(options: DescriptionOptions = {}): string {
  const lines = new Map<string, { actions: string[]; hint: string }>();
  for (const { entity, action, spec } of listOperations()) {
    if (!isOffered(spec, options)) continue;
    const line = lines.get(entity) ?? { actions: [], hint: spec.hint };
    line.actions.push(signature(action, spec));
    lines.set(entity, line);
  }
  const entities = [...lines].map(([entity, line]) => `${entity}: ${line.actions.join(" ")} - ${line.hint}`);
  return [
    "Read Gong (revenue intelligence: calls, transcripts, users, activity stats, scorecards, library, coaching, Engage flows, CRM, audit logs).",
    "Input: entity, action, params (object). Answer: JSON {data, meta}.",
    `Paging: actions marked * return ${pagesText(options)}; when meta.hasMore is true, call again with the same params plus params.cursor = meta.cursor.`,
    "Any list also takes params.limit (show at most N records) and params.offset (skip N records of the page); meta.truncated says what was left out.",
    "Dates: fields ending in Date are YYYY-MM-DD; DateTime fields and coaching from/to are ISO-8601 like 2024-05-01T00:00:00Z. Omitted ranges default to the last 30 days.",
    "Params use Gong's camelCase names (snake_case works too); ? = optional, [] = list, {…} = object.",
    'Full parameter docs (types, enums, defaults): action "describe" on any entity, e.g. {"entity":"calls_extensive","action":"describe"}.',
    "Entities:",
    ...entities,
  ].join("\n");
}
