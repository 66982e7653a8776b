/** Parameter pieces and rules that several Gong areas share. */
import { z } from "zod";
import { GongValidationError } from "../errors.js";
import { daysBefore, daysBeforeDate, recentDateRange, recentDateTimeRange } from "../params/dates.js";
import { date, dateTime, id, ids } from "../params/fields.js";

export const workspaceId = () => id("Workspace id (see workspaces list).");

export const callIds = () =>
  ids("Call ids (max 100 per request recommended). An empty list is left out; not with workspaceId.");

/** Gong refuses `callIds` together with `workspaceId` (400): say so before sending. */
export function refuseCallIdsWithWorkspace(
  filter: { callIds?: unknown; workspaceId?: unknown } | undefined,
): void {
  if (
    filter &&
    Array.isArray(filter.callIds) &&
    filter.callIds.length > 0 &&
    filter.workspaceId !== undefined
  ) {
    throw new GongValidationError(
      "params.filter.callIds cannot be combined with params.filter.workspaceId (Gong answers 400). Remove workspaceId when selecting calls by id.",
      { field: "params.filter.workspaceId" },
    );
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Default call date range for `filter`-based call endpoints: the last 30 days, unless the caller
 * selects calls by id. A lone `toDateTime` gets a `fromDateTime` 30 days before it.
 */
export function defaultCallFilterDates(now: Date, params: Record<string, unknown>): Record<string, unknown> {
  const filter = record(params["filter"]);
  const ids = filter["callIds"];
  if (Array.isArray(ids) && ids.length > 0) return {};
  return { filter: callDateDefaults(now, filter, "fromDateTime", "toDateTime") };
}

/** From/to date-time defaults for flat params (GET endpoints) or a filter object. */
export function callDateDefaults(
  now: Date,
  given: Record<string, unknown>,
  fromKey: string,
  toKey: string,
): Record<string, unknown> {
  const range = recentDateTimeRange(now);
  const to = given[toKey];
  if (typeof to === "string" && given[fromKey] === undefined) {
    return { [fromKey]: daysBefore(to) ?? range.from };
  }
  return { [fromKey]: range.from, [toKey]: range.to };
}

/** `fromDate`/`toDate` (YYYY-MM-DD) defaults: the last 30 days ending today. */
export function defaultStatsDates(now: Date, params: Record<string, unknown>): Record<string, unknown> {
  const filter = record(params["filter"]);
  const range = recentDateRange(now);
  const to = filter["toDate"];
  if (typeof to === "string" && filter["fromDate"] === undefined) {
    return { filter: { fromDate: daysBeforeDate(to) ?? range.from } };
  }
  return { filter: { fromDate: range.from, toDate: range.to } };
}

/** Gong requires `fromDate < toDate`; an equal or reversed range is a 400. */
export function checkDateOrder(
  from: string | undefined,
  to: string | undefined,
  fromField: string,
  toField: string,
): void {
  if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) {
    throw new GongValidationError(
      `${fromField} (${from}) must be before ${toField} (${to}); ${toField} is exclusive.`,
      { field: toField },
    );
  }
}

/** The stats filter shared by aggregate, day-by-day, interaction and aggregate-by-period. */
export const statsFilter = () =>
  z
    .strictObject({
      fromDate: date(
        "First day, inclusive (YYYY-MM-DD, company time zone). Default: 30 days ago.",
      ).optional(),
      toDate: date("Last day, exclusive (YYYY-MM-DD), not after today. Default: today.").optional(),
      createdFromDateTime: dateTime("Only users created at or after this time.").optional(),
      createdToDateTime: dateTime("Only users created before this time.").optional(),
      userIds: ids("Only these users (default: all)").optional(),
    })
    .meta({ description: "Users and date range (default: all users, last 30 days)." })
    .optional();
