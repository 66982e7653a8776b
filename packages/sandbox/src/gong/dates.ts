import { badRequest } from "./errors.js";

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO-8601 date-time with an explicit offset, as Gong requires for call filters
 * (e.g. `2024-01-31T00:00:00Z` or `2024-01-31T00:00:00-07:00`). Returns epoch milliseconds.
 */
export function parseDateTime(value: unknown, field: string): number {
  if (typeof value !== "string" || !DATE_TIME.test(value)) {
    throw badRequest(
      `${field} has an invalid format: ${JSON.stringify(value)}. Expected an ISO-8601 date-time with a time zone, e.g. 2024-01-31T00:00:00Z`,
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badRequest(`${field} is not a valid date-time: ${JSON.stringify(value)}`);
  return ms;
}

export function optionalDateTime(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === "" ? undefined : parseDateTime(value, field);
}

/** Parses a `YYYY-MM-DD` calendar date (stats filters). Returns the UTC midnight in epoch ms. */
export function parseDate(value: unknown, field: string): number {
  const match = typeof value === "string" ? DATE_ONLY.exec(value) : null;
  if (!match) {
    throw badRequest(
      `${field} has an invalid format: ${JSON.stringify(value)}. Expected a date in the format YYYY-MM-DD, e.g. 2024-01-31`,
    );
  }
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(m) - 1 ||
    back.getUTCDate() !== Number(d)
  ) {
    throw badRequest(`${field} is not a valid date: ${JSON.stringify(value)}`);
  }
  return ms;
}

export const DAY_MS = 86_400_000;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Gong writes date-times with an offset and no milliseconds, e.g. `2024-01-31T15:04:05Z`. */
export function isoDateTime(ms: number): string {
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 19)}Z`;
}

/**
 * Validates the `fromDate`/`toDate` pair of the stats endpoints the way Gong does: both required,
 * `toDate` exclusive and not after today, `fromDate` before `toDate`.
 */
export function statsDateRange(filter: Record<string, unknown>, nowMs: number): { from: number; to: number } {
  if (filter.fromDate === undefined) throw badRequest("filter.fromDate is required (format YYYY-MM-DD)");
  if (filter.toDate === undefined) throw badRequest("filter.toDate is required (format YYYY-MM-DD)");
  const from = parseDate(filter.fromDate, "filter.fromDate");
  const to = parseDate(filter.toDate, "filter.toDate");
  const today = startOfUtcDay(nowMs);
  if (to > today) {
    throw badRequest(
      `filter.toDate ${filter.toDate} is after today (${isoDate(today)}). toDate is exclusive and must not be later than the current day`,
    );
  }
  if (from >= to) {
    throw badRequest(`filter.fromDate (${filter.fromDate}) must be before filter.toDate (${filter.toDate})`);
  }
  return { from, to };
}
