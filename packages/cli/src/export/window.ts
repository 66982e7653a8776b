/**
 * The date window of an export, pinned once (from --since/--until, or the last 30 days ending now) and
 * saved in the checkpoint, so a resumed export asks Gong exactly what the first run asked.
 */
import { UsageError } from "../cli/errors.js";

export type WindowStyle =
  | { kind: "dateTime"; from: string; to: string }
  | { kind: "date"; from: string; to: string }
  | { kind: "none" };

/** Recognizes the window parameters of an operation from its parameter paths (e.g. `filter.fromDate`). */
export function windowStyle(paramPaths: readonly string[]): WindowStyle {
  const has = (p: string) => paramPaths.includes(p);
  for (const prefix of ["", "filter."]) {
    if (has(`${prefix}fromDateTime`))
      return { kind: "dateTime", from: `${prefix}fromDateTime`, to: `${prefix}toDateTime` };
    if (has(`${prefix}fromDate`)) return { kind: "date", from: `${prefix}fromDate`, to: `${prefix}toDate` };
  }
  if (has("from") && has("to")) return { kind: "dateTime", from: "from", to: "to" };
  return { kind: "none" };
}

/** Parses `YYYY-MM-DD` (midnight UTC) or an ISO date-time with zone; throws a usage error naming the flag. */
export function parseDateFlag(value: string, flag: string): Date {
  const trimmed = value.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `${flag} must be a date (2024-05-01) or an ISO date-time (2024-05-01T00:00:00Z); got "${value}".`,
    );
  }
  return new Date(ms);
}

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = typeof next === "object" && next !== null && !Array.isArray(next) ? { ...next } : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}

/** Returns params with the window filled in, or unchanged when the operation has no window. */
export function pinWindow(
  params: Record<string, unknown>,
  style: WindowStyle,
  since: Date | undefined,
  until: Date | undefined,
  now: Date,
): { params: Record<string, unknown>; description: string | undefined } {
  if (style.kind === "none") {
    if (since || until) throw new UsageError("This operation has no date window; drop --since/--until.");
    return { params, description: undefined };
  }
  const out = structuredClone(params);
  const givenFrom = getPath(out, style.from);
  const givenTo = getPath(out, style.to);
  const to = until ?? (typeof givenTo === "string" ? undefined : now);
  const from =
    since ?? (typeof givenFrom === "string" ? undefined : new Date(now.getTime() - 30 * 86_400_000));
  const format = (d: Date) => (style.kind === "date" ? d.toISOString().slice(0, 10) : d.toISOString());
  if (from) setPath(out, style.from, format(from));
  if (to) setPath(out, style.to, format(to));
  const f = getPath(out, style.from);
  const t = getPath(out, style.to);
  if (typeof f === "string" && typeof t === "string" && Date.parse(f) >= Date.parse(t)) {
    throw new UsageError(`The window is empty: ${f} is not before ${t}.`);
  }
  return { params: out, description: `${String(f)} to ${String(t)} (end exclusive)` };
}
