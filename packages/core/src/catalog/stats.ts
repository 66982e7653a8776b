/** Stats: user activity (aggregate, by period, day by day), interaction stats, answered scorecards. */
import { z } from "zod";
import { recentDateRange } from "../params/dates.js";
import { cursor, date, ids, oneOf, params } from "../params/fields.js";
import type {
  AnsweredScorecard,
  UserAggregateActivity,
  UserAggregateByPeriod,
  UserDayByDayActivity,
  UserInteractionStats,
} from "./records.js";
import { checkDateOrder, defaultStatsDates, statsFilter } from "./shared.js";
import { operation } from "./types.js";

const checkStatsDates = (p: {
  filter?: { fromDate?: string | undefined; toDate?: string | undefined } | undefined;
}) => checkDateOrder(p.filter?.fromDate, p.filter?.toDate, "params.filter.fromDate", "params.filter.toDate");

const statsParams = () => params({ filter: statsFilter(), cursor: cursor().optional() });

export const statsOperations = {
  stats_activity_aggregate: {
    list: operation<UserAggregateActivity>()({
      kind: "list",
      method: "POST",
      path: "/v2/stats/activity/aggregate",
      cursor: "body",
      records: "usersAggregateActivityStats",
      scopes: ["api:stats:user-actions"],
      hint: "Per-user activity totals (calls, emails...) over a date range.",
      params: statsParams,
      defaults: defaultStatsDates,
      check: checkStatsDates,
    }),
  },
  stats_activity_aggregate_by_period: {
    list: operation<UserAggregateByPeriod>()({
      kind: "list",
      method: "POST",
      path: "/v2/stats/activity/aggregate-by-period",
      cursor: "body",
      records: "usersAggregateActivity",
      scopes: ["api:stats:user-actions"],
      hint: "Per-user activity totals grouped by DAY/WEEK/MONTH/QUARTER/YEAR.",
      params: () =>
        params({
          filter: statsFilter(),
          aggregationPeriod: oneOf(
            ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"],
            "Grouping period (weeks start Monday).",
          ),
          cursor: cursor().optional(),
        }),
      defaults: defaultStatsDates,
      check: checkStatsDates,
    }),
  },
  stats_activity_day_by_day: {
    list: operation<UserDayByDayActivity>()({
      kind: "list",
      method: "POST",
      path: "/v2/stats/activity/day-by-day",
      cursor: "body",
      records: "usersDetailedActivities",
      scopes: ["api:stats:user-actions:detailed"],
      hint: "Per-user daily activity with the ids of the calls/emails behind each count.",
      params: statsParams,
      defaults: defaultStatsDates,
      check: checkStatsDates,
    }),
  },
  stats_interaction: {
    list: operation<UserInteractionStats>()({
      kind: "list",
      method: "POST",
      path: "/v2/stats/interaction",
      cursor: "body",
      records: "peopleInteractionStats",
      scopes: ["api:stats:interaction"],
      hint: "Per-user interaction stats (talk ratio, longest monologue, interactivity, patience...).",
      params: statsParams,
      defaults: defaultStatsDates,
      check: checkStatsDates,
    }),
  },
  stats_activity_scorecards: {
    list: operation<AnsweredScorecard>()({
      kind: "list",
      method: "POST",
      path: "/v2/stats/activity/scorecards",
      cursor: "body",
      records: "answeredScorecards",
      scopes: ["api:stats:scorecards"],
      hint: "Answered scorecards (reviews of calls) by call or review date.",
      params: () =>
        params({
          filter: z
            .strictObject({
              callFromDate: date(
                "Calls on or after (YYYY-MM-DD). Default: 30 days ago, unless review dates are given.",
              ).optional(),
              callToDate: date("Calls before (YYYY-MM-DD, exclusive). Default: today.").optional(),
              reviewFromDate: date("Reviewed on or after (YYYY-MM-DD).").optional(),
              reviewToDate: date("Reviewed before (YYYY-MM-DD, exclusive).").optional(),
              reviewMethod: oneOf(
                ["AUTOMATIC", "MANUAL", "BOTH"],
                "Review kind (Gong's default: MANUAL).",
              ).optional(),
              reviewedUserIds: ids("Only reviews of these users.").optional(),
              scorecardIds: ids("Only these scorecards.").optional(),
            })
            .meta({ description: "Which answered scorecards." })
            .optional(),
          cursor: cursor().optional(),
        }),
      defaults: (now, given) => {
        const filter = (given["filter"] ?? {}) as Record<string, unknown>;
        const dated = ["callFromDate", "callToDate", "reviewFromDate", "reviewToDate"].some(
          (key) => filter[key] !== undefined,
        );
        if (dated) return { filter: {} };
        const range = recentDateRange(now);
        return { filter: { callFromDate: range.from, callToDate: range.to } };
      },
      check: (p) => {
        checkDateOrder(
          p.filter?.callFromDate,
          p.filter?.callToDate,
          "params.filter.callFromDate",
          "params.filter.callToDate",
        );
        checkDateOrder(
          p.filter?.reviewFromDate,
          p.filter?.reviewToDate,
          "params.filter.reviewFromDate",
          "params.filter.reviewToDate",
        );
      },
    }),
  },
};
