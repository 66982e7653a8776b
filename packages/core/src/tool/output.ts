/**
 * Shapes a result into JSON text for the model, bounded by `maxOutputChars`. The text is always valid
 * JSON within the bound with `meta` kept. Past the bound, records are cut (never the whole answer) and
 * `meta.truncated` says how many were shown and left out and how to get the rest: the same call with
 * `params.offset`, then the cursor as usual. A single record larger than the bound is shortened
 * structurally (long arrays and strings cut, each cut listed in `meta.truncated.shortened`).
 */
import { type Cut, shrinkToFit } from "./shrink.js";

export type { Cut } from "./shrink.js";

export const DEFAULT_MAX_OUTPUT_CHARS = 50_000;

export interface Truncation {
  returned: number;
  omitted: number;
  nextOffset: number;
  howToContinue: string;
  /** What was cut inside the one record shown, when it alone was larger than the bound. */
  shortened?: Cut[];
  /** Serialized size of that record in full. */
  recordChars?: number;
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) {
    return "(byte stream: not shown to the model; use the url, or execute() in code)";
  }
  if (typeof value === "function") return undefined;
  return value;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, replacer) ?? "null";
}

/** The value as plain JSON data (what the model would read), so it can be shortened piece by piece. */
function plain(value: unknown): unknown {
  return JSON.parse(toJson(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export interface RenderOptions {
  maxChars: number;
  /** Records of this page already shown (params.offset of the call). */
  offset?: number;
  /** Show at most this many records (params.limit of the call). */
  limit?: number | undefined;
}

/** Floor of the bound: room for the envelope, its meta and the continuation text. */
const MIN_CHARS = 500;

/** How to get a whole record that is larger than the bound: nothing the model can change by itself. */
const RAISE_BOUND = "raise the tool's maxOutputChars above that, or use execute() in code";

/** The JSON text of `{ data, meta }` within `maxChars`, cutting records when needed. */
export function renderResult(result: unknown, options: RenderOptions): string {
  const maxChars = Math.max(options.maxChars, MIN_CHARS);
  const offset = options.offset ?? 0;
  if (!isRecord(result) || !("data" in result)) return renderValue(result, maxChars);
  const meta = isRecord(result["meta"]) ? result["meta"] : undefined;
  const data = result["data"];
  if (!Array.isArray(data)) return renderSingle(data, meta, maxChars);

  const end = options.limit === undefined ? data.length : Math.min(data.length, offset + options.limit);
  const records = data.slice(offset, end);
  // Records of this page after the shown window (left out by `limit`).
  const after = data.length - end;
  const pageMeta = offset > 0 ? { ...meta, offset } : meta;
  const hasCursor = typeof meta?.["cursor"] === "string";
  const build = (count: number) => {
    const truncated: Truncation = {
      returned: count,
      omitted: records.length - count + after,
      nextOffset: offset + count,
      howToContinue: continueText(offset + count, hasCursor),
    };
    return toJson({ data: records.slice(0, count), meta: { ...pageMeta, truncated } });
  };
  const whole =
    after > 0
      ? build(records.length)
      : toJson(pageMeta === undefined ? { data: records } : { data: records, meta: pageMeta });
  if (whole.length <= maxChars) return whole;

  // Largest count of whole records that fits.
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (build(mid).length <= maxChars) low = mid;
    else high = mid - 1;
  }
  if (low > 0) return build(low);
  // Nothing to cut but meta itself (e.g. huge details): keep what is needed to continue.
  if (records.length === 0) return fitMeta(pageMeta, maxChars, (shown) => toJson({ data: [], meta: shown }));
  return renderOversizeRecord(
    records[0],
    { offset, omitted: records.length - 1 + after, hasCursor },
    pageMeta,
    maxChars,
  );
}

/**
 * Not even one record fits: show it shortened, and move on past it (the next call never repeats this
 * output). When even its skeleton does not fit, it is skipped with its size stated.
 */
function renderOversizeRecord(
  record: unknown,
  place: { offset: number; omitted: number; hasCursor: boolean },
  pageMeta: Record<string, unknown> | undefined,
  maxChars: number,
): string {
  const full = plain(record);
  const recordChars = toJson(full).length;
  const nextOffset = place.offset + 1;
  const onward = onwardText(nextOffset, place.omitted > 0, place.hasCursor);
  for (const meta of metaChoices(pageMeta)) {
    const shown = shrinkToFit(full, maxChars, (shortened, cuts) => {
      const truncated: Truncation = {
        returned: 1,
        omitted: place.omitted,
        nextOffset,
        howToContinue:
          cuts.length > 0
            ? `Record ${place.offset} (${recordChars} chars) is shortened to fit: cuts in meta.truncated.shortened. Whole: ${RAISE_BOUND}. ${onward}`
            : `Record ${place.offset} is shown whole; meta was shortened to fit. ${onward}`,
        shortened: cuts,
        recordChars,
      };
      return toJson({ data: [shortened], meta: { ...meta, truncated } });
    });
    if (shown !== undefined) return shown;
  }
  return fitMeta(pageMeta, maxChars, (metaShown) => {
    const truncated: Truncation = {
      returned: 0,
      omitted: place.omitted + 1,
      nextOffset,
      howToContinue: `Record ${place.offset} (${recordChars} chars) does not fit even shortened: ${RAISE_BOUND}. ${onward}`,
      recordChars,
    };
    return toJson({ data: [], meta: { ...metaShown, truncated } });
  });
}

/** A non-list answer (`data` is one record): shortened structurally when it is past the bound. */
function renderSingle(data: unknown, meta: Record<string, unknown> | undefined, maxChars: number): string {
  const whole = toJson(meta === undefined ? { data } : { data, meta });
  if (whole.length <= maxChars) return whole;
  const totalChars = whole.length;
  const howToContinue = `Shortened to fit (${totalChars} chars): cuts in meta.truncated.shortened. Ask for less, or ${RAISE_BOUND}.`;
  for (const choice of metaChoices(meta)) {
    const shown = shrinkToFit(plain(data), maxChars, (shortened, cuts) =>
      toJson({
        data: shortened,
        meta: { ...choice, truncated: { totalChars, shortened: cuts, howToContinue } },
      }),
    );
    if (shown !== undefined) return shown;
  }
  const notShown = `The answer (${totalChars} chars) does not fit even shortened. Ask for less, or ${RAISE_BOUND}.`;
  return fitMeta(meta, maxChars, (choice) =>
    toJson({ data: null, meta: { ...choice, truncated: { totalChars, howToContinue: notShown } } }),
  );
}

/** Any other value (a custom execute function's answer): shortened the same way, wrapped to say so. */
function renderValue(value: unknown, maxChars: number): string {
  const whole = toJson(value);
  if (whole.length <= maxChars) return whole;
  return renderSingle(plain(value), undefined, maxChars);
}

/** Meta fields a caller needs to continue; the rest (notes, details) gives way first. */
const ESSENTIAL_META = [
  "hasMore",
  "cursor",
  "totalRecords",
  "currentPageNumber",
  "currentPageSize",
  "requestId",
  "privateOmitted",
  "offset",
];

/** The meta with only the fields needed to continue, saying what was left out; undefined if nothing would be. */
function essentialMeta(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (meta === undefined) return undefined;
  const dropped = Object.keys(meta).filter((key) => !ESSENTIAL_META.includes(key));
  if (dropped.length === 0) return undefined;
  const kept = Object.entries(meta).filter(([key]) => ESSENTIAL_META.includes(key));
  return { ...Object.fromEntries(kept), metaShortened: `left out to fit: ${dropped.join(", ")}` };
}

/** The full meta, then (if it differs) its essential fields: what to try, in order. */
function metaChoices(meta: Record<string, unknown> | undefined): (Record<string, unknown> | undefined)[] {
  const essential = essentialMeta(meta);
  return essential === undefined ? [meta] : [meta, essential];
}

/** `render(meta)` with the full meta when it fits, else with only the fields needed to continue. */
function fitMeta(
  meta: Record<string, unknown> | undefined,
  maxChars: number,
  render: (meta: Record<string, unknown> | undefined) => string,
): string {
  const choices = metaChoices(meta);
  for (const choice of choices) {
    const text = render(choice);
    if (text.length <= maxChars) return text;
  }
  return render(choices[choices.length - 1]);
}

function continueText(nextOffset: number, hasCursor: boolean): string {
  const cursor = hasCursor ? " After that, continue with params.cursor = meta.cursor (no offset)." : "";
  return `More records on this page: repeat the call with the same params plus params.offset = ${nextOffset}.${cursor} Or narrow the request (shorter date range, fewer ids or content fields).`;
}

/** Where to go after a record that was shortened or skipped: the next record, the next page, or nowhere. */
function onwardText(nextOffset: number, moreOnPage: boolean, hasCursor: boolean): string {
  const cursor = "params.cursor = meta.cursor (no offset)";
  if (moreOnPage) {
    return `Next: same params plus params.offset = ${nextOffset}${hasCursor ? `, then ${cursor}` : ""}.`;
  }
  return hasCursor ? `Page done: next, ${cursor}.` : "No more records: this was the last one.";
}
