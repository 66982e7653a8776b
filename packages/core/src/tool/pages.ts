/**
 * Several pages in one tool call. A paged list follows `meta.cursor` (the same params re-sent with the
 * cursor, through the normal execute path so the cursor lands where Gong wants it) and concatenates the
 * records. The answer always ends on a whole page: `meta.cursor` is exactly where the next call starts,
 * so following it never repeats or skips a record. Fetching stops at the planned page count, at the last
 * page, when `params.limit` is filled, or before the text would outgrow `maxOutputChars`.
 */
import type { OperationSpec } from "../catalog/types.js";
import { GongValidationError } from "../errors.js";
import { asGongError, errorText } from "./error-text.js";
import { wholeNumber } from "./input.js";
import { toJson } from "./output.js";
import type { GongToolOptions, ToolCallOptions } from "./types.js";

export const DEFAULT_MAX_PAGES = 1;
export const DEFAULT_MAX_PAGES_CEILING = 5;

const OFFSET_ROOM = 24;
const TRUNCATION_ROOM = 400;

export interface PageLimits {
  /** Pages per call when the model does not say (`maxPages`). */
  standard: number;
  /** The most the model may ask for with `params.pages` (`maxPagesCeiling`, never below `maxPages`). */
  ceiling: number;
}

function positiveOption(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new GongValidationError(`${name} must be a whole number ≥ 1, got ${String(value)}.`, {
      field: name,
    });
  }
  return value;
}

/** The tool's page options, checked once when the tool is built. */
export function pageLimits(options: GongToolOptions): PageLimits {
  const standard = positiveOption(options.maxPages, "maxPages", DEFAULT_MAX_PAGES);
  const ceiling = positiveOption(options.maxPagesCeiling, "maxPagesCeiling", DEFAULT_MAX_PAGES_CEILING);
  return { standard, ceiling: Math.max(ceiling, standard) };
}

/** Pages to fetch for this call: the model's `params.pages` up to the ceiling, else the tool's default. */
export function plannedPages(rawPages: unknown, limits: PageLimits, spec: OperationSpec): number {
  const asked = wholeNumber(rawPages, "pages", 1);
  if (spec.kind !== "list" || spec.cursor === "none") return 1;
  return Math.min(asked ?? limits.standard, limits.ceiling);
}

/** Why fetching ended before the planned pages while Gong had more. */
export type PageStop = "output budget" | "limit" | "error" | "repeated cursor";

/** `meta.pages` of a multi-page answer. */
export interface PagesMeta {
  /** Pages whose records are in `data`. */
  returned: number;
  /** Pages this call was allowed to fetch. */
  planned: number;
  stoppedBy?: PageStop;
  /** What went wrong with the page after the last one returned (its cursor is `meta.cursor`). */
  error?: string;
}

interface ListPage {
  data: unknown[];
  meta: Record<string, unknown>;
}

function isListPage(value: unknown): value is ListPage {
  if (value === null || typeof value !== "object") return false;
  const { data, meta } = value as { data?: unknown; meta?: unknown };
  return Array.isArray(data) && meta !== null && typeof meta === "object" && !Array.isArray(meta);
}

function nextCursor(page: ListPage): string | undefined {
  const cursor = page.meta["cursor"];
  return page.meta["hasMore"] !== false && typeof cursor === "string" && cursor !== "" ? cursor : undefined;
}

export interface PageRun {
  params: Record<string, unknown>;
  planned: number;
  maxChars: number;
  /** The call's `params.offset` and `params.limit`: the window of the concatenated records shown. */
  offset: number;
  limit: number | undefined;
  call: ToolCallOptions;
  /** One page through the tool's normal path (retries included); `done` = pages finished so far. */
  fetchPage(params: Record<string, unknown>, done: number): Promise<unknown>;
}

/** The call's answer: one page as Gong gave it, or several pages as one `{ data, meta }`. */
export async function fetchPages(run: PageRun): Promise<unknown> {
  const first = await run.fetchPage(run.params, 0);
  if (run.planned <= 1 || !isListPage(first)) return first;
  const { planned, offset, limit, maxChars, call } = run;
  const pages: ListPage[] = [first];
  const report = (number: number, page: ListPage, note = "") =>
    call.onProgress?.({
      progress: number,
      total: planned,
      message: `page ${number}: ${page.data.length} records${note}`,
    });
  report(1, first);

  const seen = new Set<string>();
  let largestPage = toJson(first.data).length;
  let stop: Pick<PagesMeta, "stoppedBy" | "error"> = {};
  for (;;) {
    const cursor = nextCursor(pages[pages.length - 1]!);
    if (cursor === undefined || pages.length >= planned) break;
    if (seen.has(cursor)) {
      stop = { stoppedBy: "repeated cursor" };
      break;
    }
    seen.add(cursor);
    const shownSoFar = combine(pages, planned, stop, offset, limit);
    if (limit !== undefined && shownSoFar.count >= offset + limit) {
      stop = { stoppedBy: "limit" };
      break;
    }
    // Pages of a list are alike in size: do not fetch one that would most likely not fit.
    if (shownSoFar.windowChars + largestPage > maxChars) {
      stop = { stoppedBy: "output budget" };
      break;
    }
    let page: unknown;
    try {
      page = await run.fetchPage({ ...run.params, cursor }, pages.length);
    } catch (error) {
      if (call.signal?.aborted) throw error;
      // The pages already fetched are kept; `meta.cursor` still points at the one that failed.
      stop = { stoppedBy: "error", error: errorText(asGongError(error)) };
      break;
    }
    if (!isListPage(page)) break;
    const candidate = combine([...pages, page], planned, stop, offset, limit);
    if (candidate.windowChars > maxChars) {
      // It did not fit after all: leave it whole for the next call, which starts at its cursor.
      stop = { stoppedBy: "output budget" };
      report(pages.length + 1, page, " (over the output budget; left for the next call)");
      break;
    }
    largestPage = Math.max(largestPage, toJson(page.data).length);
    pages.push(page);
    report(pages.length, page);
  }
  return combine(pages, planned, stop, offset, limit).result;
}

/**
 * The pages as one answer: all records, the last page's meta (its cursor continues after them),
 * private records omitted summed over pages, and `meta.pages`.
 */
function combine(
  pages: ListPage[],
  planned: number,
  stop: Pick<PagesMeta, "stoppedBy" | "error">,
  offset: number,
  limit: number | undefined,
): { result: { data: unknown[]; meta: Record<string, unknown> }; count: number; windowChars: number } {
  const data = pages.flatMap((page) => page.data);
  const meta: Record<string, unknown> = { ...pages[pages.length - 1]!.meta };
  const privateOmitted = pages.reduce((sum, page) => {
    const omitted = page.meta["privateOmitted"];
    return sum + (typeof omitted === "number" ? omitted : 0);
  }, 0);
  if (privateOmitted > 0) meta["privateOmitted"] = privateOmitted;
  const pagesMeta: PagesMeta = { returned: pages.length, planned, ...stop };
  meta["pages"] = pagesMeta;
  const end = limit === undefined ? data.length : Math.min(data.length, offset + limit);
  // Room for what rendering adds: `meta.offset`, and `meta.truncated` when `limit` leaves records out.
  const room = (offset > 0 ? OFFSET_ROOM : 0) + (end < data.length ? TRUNCATION_ROOM : 0);
  const windowChars = toJson({ data: data.slice(offset, end), meta }).length + room;
  return { result: { data, meta }, count: data.length, windowChars };
}
