/**
 * Default date ranges, always computed from the current time (never fixed dates).
 * Date-time defaults are aligned to whole UTC days so that a default range stays identical between
 * the pages of one pagination run, as Gong requires for its cursors.
 */

const DAY_MS = 86_400_000;

/** The default look-back of every date-ranged operation. */
export const DEFAULT_RANGE_DAYS = 30;

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** `2024-05-01T00:00:00Z` style, without milliseconds. */
export function isoDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The last `days` days as date-times: from the start of the UTC day `days` days ago until the start of
 * tomorrow (UTC), so everything that happened today is included.
 */
export function recentDateTimeRange(now: Date, days = DEFAULT_RANGE_DAYS): { from: string; to: string } {
  const today = startOfUtcDay(now);
  return {
    from: isoDateTime(new Date(today.getTime() - days * DAY_MS)),
    to: isoDateTime(new Date(today.getTime() + DAY_MS)),
  };
}

/**
 * "Today" for Gong's date-only stats filters. Gong reads them in the company's time zone, which the
 * connector does not know, and refuses a `toDate` after the company's today; the date in the
 * westernmost time zone (UTC-12) is never after it.
 */
export function safeToday(now: Date): Date {
  return startOfUtcDay(new Date(now.getTime() - 12 * 3_600_000));
}

/** The last `days` days as `YYYY-MM-DD`: `fromDate` inclusive, `toDate` (exclusive) = today. */
export function recentDateRange(now: Date, days = DEFAULT_RANGE_DAYS): { from: string; to: string } {
  const today = safeToday(now);
  return { from: isoDate(new Date(today.getTime() - days * DAY_MS)), to: isoDate(today) };
}

/** Starts `days` days before a given ISO date-time (used when only the end of a range is given). */
export function daysBefore(isoDateTimeValue: string, days = DEFAULT_RANGE_DAYS): string | undefined {
  const end = Date.parse(isoDateTimeValue);
  return Number.isNaN(end) ? undefined : isoDateTime(new Date(end - days * DAY_MS));
}

export function daysBeforeDate(isoDateValue: string, days = DEFAULT_RANGE_DAYS): string | undefined {
  const end = Date.parse(`${isoDateValue}T00:00:00Z`);
  return Number.isNaN(end) ? undefined : isoDate(new Date(end - days * DAY_MS));
}
