/**
 * Shapes a result into JSON text for the model, bounded by `maxOutputChars`. Past the bound, records
 * are cut (never the whole answer) and `meta.truncated` says how many were shown and left out and how
 * to get the rest: the same call with `params.offset`, then the cursor as usual.
 */

export const DEFAULT_MAX_OUTPUT_CHARS = 50_000;

export interface Truncation {
  returned: number;
  omitted: number;
  nextOffset: number;
  howToContinue: string;
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

/** The JSON text of `{ data, meta }` within `maxChars`, cutting records when needed. */
export function renderResult(result: unknown, options: RenderOptions): string {
  const maxChars = Math.max(options.maxChars, 500);
  const offset = options.offset ?? 0;
  if (!isRecord(result) || !("data" in result)) return boundText(toJson(result), maxChars);
  const meta = isRecord(result["meta"]) ? result["meta"] : undefined;
  const data = result["data"];
  if (!Array.isArray(data)) {
    const whole = toJson(result);
    if (whole.length <= maxChars) return whole;
    return boundText(
      toJson({
        dataPreview: whole.slice(0, Math.max(0, maxChars - 600)),
        meta: {
          ...meta,
          truncated: {
            totalChars: whole.length,
            howToContinue:
              "The answer was cut to fit the output limit. Ask for less: select fewer fields or a narrower range.",
          },
        },
      }),
      maxChars,
    );
  }
  const end = options.limit === undefined ? data.length : Math.min(data.length, offset + options.limit);
  const records = data.slice(offset, end);
  // Records of this page after the shown window (left out by `limit`).
  const after = data.length - end;
  const pageMeta = offset > 0 ? { ...meta, offset } : meta;
  const build = (count: number, preview?: string) => {
    const truncated: Truncation & { firstRecordPreview?: string } = {
      returned: count,
      omitted: records.length - count + after,
      nextOffset: offset + count,
      howToContinue: continueText(offset + count, typeof meta?.["cursor"] === "string"),
    };
    if (preview !== undefined) truncated.firstRecordPreview = preview;
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
  // Not even one record fits: show the start of the first one.
  const room = Math.max(0, maxChars - build(0, "").length - 20);
  return boundText(build(0, toJson(records[0]).slice(0, room)), maxChars);
}

function continueText(nextOffset: number, hasCursor: boolean): string {
  const cursor = hasCursor ? " After that, continue with params.cursor = meta.cursor (no offset)." : "";
  return `More records on this page: repeat the call with the same params plus params.offset = ${nextOffset}.${cursor} Or narrow the request (shorter date range, fewer ids or content fields).`;
}

function boundText(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
