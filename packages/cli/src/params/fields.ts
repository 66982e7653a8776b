/**
 * `--fields a,b.c`: keeps only the listed paths of each record. A path walks through arrays, so
 * `parties.name` keeps the name of every party.
 */
import { UsageError } from "../cli/errors.js";

export type FieldTree = Map<string, FieldTree | true>;

export function parseFields(spec: string): FieldTree {
  const tree: FieldTree = new Map();
  const paths = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (paths.length === 0)
    throw new UsageError("--fields needs at least one field name, e.g. --fields id,title.");
  for (const path of paths) {
    const keys = path.split(".");
    if (keys.some((k) => k === "")) throw new UsageError(`--fields: "${path}" has an empty segment.`);
    let node = tree;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) {
        node.set(key, true);
        return;
      }
      const existing = node.get(key);
      if (existing === true) return; // the whole parent is already kept
      const child: FieldTree = existing ?? new Map();
      node.set(key, child);
      node = child;
    });
  }
  return tree;
}

export function project(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, tree));
  if (typeof value !== "object" || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    if (!(key in source)) continue;
    out[key] = sub === true ? source[key] : project(source[key], sub);
  }
  return out;
}

/** Applies the projection to `data` (a record or a list of records), leaving `meta` as it is. */
export function projectResult<T extends { data?: unknown }>(result: T, tree: FieldTree | undefined): T {
  if (!tree) return result;
  return { ...result, data: project(result.data, tree) };
}
