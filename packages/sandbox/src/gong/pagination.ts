import { hash32 } from "../data/random.js";
import { badRequest } from "./errors.js";

/** Gong answers lists in pages of 100 and offers no page-size parameter. */
export const PAGE_SIZE = 100;

export interface Records {
  totalRecords: number;
  currentPageSize: number;
  currentPageNumber: number;
  cursor?: string;
}

/**
 * Something a list can be paged over. Positions are the source's own (e.g. an index into all calls
 * of a date range), so a page can resume without recomputing what came before.
 */
export interface PageSource<T> {
  /** Number of matching records; only asked for on the first page. */
  count(): number;
  /** Up to `max` matching records starting at `position`, and the position after the last one. */
  take(position: number, max: number): { items: T[]; next: number };
}

export function arraySource<T>(items: readonly T[]): PageSource<T> {
  return {
    count: () => items.length,
    take: (position, max) => ({ items: items.slice(position, position + max), next: position + max }),
  };
}

interface CursorState {
  /** next position in the source */
  n: number;
  /** page number of the page this cursor opens */
  p: number;
  /** total records */
  t: number;
  /** records delivered before this page */
  d: number;
  /** fingerprint of the request the cursor belongs to */
  f: string;
}

/** A stable digest of the request inputs other than the cursor, with object keys sorted. */
export function fingerprint(value: unknown): string {
  return hash32(canonical(value)).toString(36);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => key !== "cursor" && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeCursor(cursor: string, expectedFingerprint: string): CursorState {
  let state: CursorState | undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorState;
    if (
      typeof parsed.n === "number" &&
      typeof parsed.p === "number" &&
      typeof parsed.t === "number" &&
      typeof parsed.d === "number" &&
      typeof parsed.f === "string"
    ) {
      state = parsed;
    }
  } catch {
    state = undefined;
  }
  if (!state) throw badRequest("cursor is invalid: pass the cursor value from the previous page unchanged");
  if (state.f !== expectedFingerprint) {
    throw badRequest(
      "cursor does not belong to this request: repeat the request that returned it, with the same filters, changing only the cursor",
    );
  }
  return state;
}

/**
 * One page of a list. `requestKey` is every input except the cursor; it is folded into the cursor so
 * a cursor replayed with different filters is refused instead of silently mixing result sets.
 */
export function page<T>(
  source: PageSource<T>,
  cursor: string | undefined,
  requestKey: unknown,
): { items: T[]; records: Records } {
  const f = fingerprint(requestKey);
  const state: CursorState =
    cursor === undefined || cursor === ""
      ? { n: 0, p: 0, t: source.count(), d: 0, f }
      : decodeCursor(cursor, f);
  const { items, next } = state.t > state.d ? source.take(state.n, PAGE_SIZE) : { items: [], next: state.n };
  const delivered = state.d + items.length;
  const records: Records = {
    totalRecords: state.t,
    currentPageSize: items.length,
    currentPageNumber: state.p,
  };
  if (delivered < state.t && items.length > 0) {
    records.cursor = encodeCursor({ n: next, p: state.p + 1, t: state.t, d: delivered, f });
  }
  return { items, records };
}
