import type { CallActivity } from "../data/activity.js";
import type { Dataset } from "../data/dataset.js";
import type { SandboxUser } from "../data/people.js";
import {
  DAY_MS,
  isoDate,
  isoDateTime,
  optionalDateTime,
  parseDate,
  startOfUtcDay,
  statsDateRange,
} from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import { arraySource, page } from "../gong/pagination.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { bodyCursor, bodyObject, filterObject, idList, type Json } from "./input.js";

/** The activity counters of Gong's stats, in the order Gong lists them. */
const FIELDS = [
  "callsAsHost",
  "callsGaveFeedback",
  "callsRequestedFeedback",
  "callsReceivedFeedback",
  "ownCallsListenedTo",
  "othersCallsListenedTo",
  "callsSharedInternally",
  "callsSharedExternally",
  "callsScorecardsFilled",
  "callsScorecardsReceived",
  "callsAttended",
  "callsCommentsGiven",
  "callsCommentsReceived",
  "callsMarkedAsFeedbackGiven",
  "callsMarkedAsFeedbackReceived",
] as const;
type Field = (typeof FIELDS)[number];

const INTERACTION_NAMES = [
  "Talk Ratio",
  "Longest Monologue",
  "Longest Customer Story",
  "Interactivity",
  "Patience",
  "Question Rate",
];

/** Calls each user's activity on one call to `add(userIndex, field)`. */
function forEachActivity(a: CallActivity, add: (user: number, field: Field) => void): void {
  add(a.host, "callsAsHost");
  for (const u of a.attendees) add(u, "callsAttended");
  if (a.listenedOwn) add(a.host, "ownCallsListenedTo");
  for (const u of a.listenedBy) add(u, "othersCallsListenedTo");
  if (a.sharedInternally) add(a.host, "callsSharedInternally");
  if (a.sharedExternally) add(a.host, "callsSharedExternally");
  if (a.commenter !== undefined) {
    add(a.commenter, "callsCommentsGiven");
    add(a.host, "callsCommentsReceived");
  }
  if (a.feedbackBy !== undefined) {
    add(a.feedbackBy, "callsGaveFeedback");
    add(a.host, "callsReceivedFeedback");
    add(a.feedbackBy, "callsMarkedAsFeedbackGiven");
    add(a.host, "callsMarkedAsFeedbackReceived");
  }
  if (a.requestedFeedback) add(a.host, "callsRequestedFeedback");
  if (a.scorecard) {
    if (a.scorecard.reviewer !== undefined) add(a.scorecard.reviewer, "callsScorecardsFilled");
    add(a.host, "callsScorecardsReceived");
  }
}

interface StatsRequest {
  body: Json;
  from: number;
  to: number;
  users: SandboxUser[];
}

/** Validates the shared `filter` of the stats endpoints and picks the users it names. */
function readStatsRequest(ctx: RouteContext): StatsRequest {
  const body = bodyObject(ctx);
  const filter = filterObject(body);
  const { from, to } = statsDateRange(filter, ctx.nowMs);
  const createdFrom = optionalDateTime(filter.createdFromDateTime, "filter.createdFromDateTime");
  const createdTo = optionalDateTime(filter.createdToDateTime, "filter.createdToDateTime");
  const ids = idList(filter.userIds, "filter.userIds");
  const idSet = ids ? new Set(ids) : undefined;
  const users = ctx.data.users.filter(
    (u) =>
      (idSet === undefined || idSet.has(u.id)) &&
      (createdFrom === undefined || u.createdMs >= createdFrom) &&
      (createdTo === undefined || u.createdMs < createdTo),
  );
  return { body, from, to, users };
}

function pageUsers(request: StatsRequest) {
  const result = page(arraySource(request.users), bodyCursor(request.body), request.body);
  if (result.items.length === 0) throw notFound("No users found corresponding to the provided filters");
  return result;
}

function countsByUser(
  data: Dataset,
  from: number,
  to: number,
  users: readonly SandboxUser[],
): Map<number, Record<Field, number>> {
  const wanted = new Set(users.map((u) => u.index));
  const out = new Map<number, Record<Field, number>>();
  for (const u of users)
    out.set(u.index, Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>);
  const { lo, hi } = data.callRange(from, to);
  for (let i = lo; i < hi; i++) {
    forEachActivity(data.callActivity(i), (user, field) => {
      if (wanted.has(user)) out.get(user)![field]++;
    });
  }
  return out;
}

const aggregate: ApiRoute = {
  method: "POST",
  path: "/v2/stats/activity/aggregate",
  scope: "api:stats:user-actions",
  handler(ctx) {
    const request = readStatsRequest(ctx);
    const { items, records } = pageUsers(request);
    const counts = countsByUser(ctx.data, request.from, request.to, items);
    return {
      body: {
        records,
        usersAggregateActivityStats: items.map((u) => ({
          userId: u.id,
          userEmailAddress: u.emailAddress,
          userAggregateActivityStats: counts.get(u.index),
        })),
        fromDateTime: isoDateTime(request.from),
        toDateTime: isoDateTime(request.to),
        timeZone: "UTC",
      },
    };
  },
};

/** The start of the period containing `ms` (UTC; weeks start on Monday). */
function periodStart(ms: number, period: string): number {
  const d = new Date(ms);
  switch (period) {
    case "DAY":
      return startOfUtcDay(ms);
    case "WEEK":
      return startOfUtcDay(ms) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
    case "MONTH":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case "QUARTER":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    default:
      return Date.UTC(d.getUTCFullYear(), 0, 1);
  }
}

function nextPeriod(start: number, period: string): number {
  const d = new Date(start);
  switch (period) {
    case "DAY":
      return start + DAY_MS;
    case "WEEK":
      return start + 7 * DAY_MS;
    case "MONTH":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case "QUARTER":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
    default:
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

const PERIODS = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"];

const aggregateByPeriod: ApiRoute = {
  method: "POST",
  path: "/v2/stats/activity/aggregate-by-period",
  scope: "api:stats:user-actions",
  handler(ctx) {
    const request = readStatsRequest(ctx);
    const period = request.body.aggregationPeriod;
    if (typeof period !== "string" || !PERIODS.includes(period)) {
      throw badRequest(`aggregationPeriod is required and must be one of ${PERIODS.join(", ")}`);
    }
    const { items, records } = pageUsers(request);
    // Periods that intersect the range, clipped to it.
    const periods: Array<{ from: number; to: number }> = [];
    for (
      let start = periodStart(request.from, period);
      start < request.to;
      start = nextPeriod(start, period)
    ) {
      periods.push({
        from: Math.max(start, request.from),
        to: Math.min(nextPeriod(start, period), request.to),
      });
    }
    const perUser = new Map(items.map((u) => [u.index, periods.map(() => new Map<Field, number>())]));
    const { lo, hi } = ctx.data.callRange(request.from, request.to);
    let p = 0;
    for (let i = lo; i < hi; i++) {
      const start = ctx.data.callStartMs(i);
      while (p < periods.length - 1 && start >= periods[p]!.to) p++;
      forEachActivity(ctx.data.callActivity(i), (user, field) => {
        const bucket = perUser.get(user)?.[p];
        if (bucket) bucket.set(field, (bucket.get(field) ?? 0) + 1);
      });
    }
    return {
      body: {
        records,
        usersAggregateActivity: items.map((u) => ({
          userId: u.id,
          userEmailAddress: u.emailAddress,
          userAggregateActivity: periods.map((range, k) => ({
            ...Object.fromEntries(FIELDS.map((f) => [f, perUser.get(u.index)![k]!.get(f) ?? 0])),
            fromDate: isoDate(range.from),
            toDate: isoDate(range.to),
          })),
        })),
      },
    };
  },
};

const dayByDay: ApiRoute = {
  method: "POST",
  path: "/v2/stats/activity/day-by-day",
  scope: "api:stats:user-actions:detailed",
  handler(ctx) {
    const request = readStatsRequest(ctx);
    const { items, records } = pageUsers(request);
    const wanted = new Set(items.map((u) => u.index));
    // user -> day -> field -> call ids
    const days = new Map<number, Map<number, Map<Field, string[]>>>();
    const { lo, hi } = ctx.data.callRange(request.from, request.to);
    for (let i = lo; i < hi; i++) {
      const day = startOfUtcDay(ctx.data.callStartMs(i));
      const id = ctx.data.callPlan(i).core.id;
      forEachActivity(ctx.data.callActivity(i), (user, field) => {
        if (!wanted.has(user)) return;
        let byDay = days.get(user);
        if (!byDay) {
          byDay = new Map();
          days.set(user, byDay);
        }
        let fields = byDay.get(day);
        if (!fields) {
          fields = new Map();
          byDay.set(day, fields);
        }
        const list = fields.get(field) ?? [];
        if (!list.includes(id)) list.push(id);
        fields.set(field, list);
      });
    }
    return {
      body: {
        records,
        usersDetailedActivities: items.map((u) => ({
          userId: u.id,
          userEmailAddress: u.emailAddress,
          userDailyActivityStats: [
            ...(days.get(u.index) ?? new Map<number, Map<Field, string[]>>()).entries(),
          ]
            .sort(([a], [b]) => a - b)
            .map(([day, fields]) => ({
              ...Object.fromEntries(FIELDS.map((f) => [f, fields.get(f) ?? []])),
              fromDate: isoDate(day),
              toDate: isoDate(day + DAY_MS),
            })),
        })),
      },
    };
  },
};

const interaction: ApiRoute = {
  method: "POST",
  path: "/v2/stats/interaction",
  scope: "api:stats:interaction",
  handler(ctx) {
    const request = readStatsRequest(ctx);
    const { items, records } = pageUsers(request);
    const sums = new Map(
      items.map((u) => [u.index, { n: 0, values: new Float64Array(INTERACTION_NAMES.length) }]),
    );
    const { lo, hi } = ctx.data.callRange(request.from, request.to);
    for (let i = lo; i < hi; i++) {
      const sum = sums.get(ctx.data.callCore(i).primaryUserIndex);
      if (!sum) continue;
      const values = ctx.data.callInteraction(i);
      sum.n++;
      values.forEach((v, k) => {
        sum.values[k]! += v;
      });
    }
    return {
      body: {
        records,
        peopleInteractionStats: items.map((u) => {
          const sum = sums.get(u.index)!;
          return {
            userId: u.id,
            userEmailAddress: u.emailAddress,
            personInteractionStats:
              sum.n === 0
                ? []
                : INTERACTION_NAMES.map((name, k) => ({
                    name,
                    value: Math.round((sum.values[k]! / sum.n) * 100) / 100,
                  })),
          };
        }),
        fromDateTime: isoDateTime(request.from),
        toDateTime: isoDateTime(request.to),
        timeZone: "UTC",
      },
    };
  },
};

function optionalDate(value: unknown, field: string): number | undefined {
  return value === undefined || value === null || value === "" ? undefined : parseDate(value, field);
}

const answeredScorecards: ApiRoute = {
  method: "POST",
  path: "/v2/stats/activity/scorecards",
  scope: "api:stats:scorecards",
  handler(ctx) {
    const body = bodyObject(ctx);
    const filter = filterObject(body);
    const callFrom = optionalDate(filter.callFromDate, "filter.callFromDate");
    const callTo = optionalDate(filter.callToDate, "filter.callToDate");
    const reviewFrom = optionalDate(filter.reviewFromDate, "filter.reviewFromDate");
    const reviewTo = optionalDate(filter.reviewToDate, "filter.reviewToDate");
    for (const [a, b, name] of [
      [callFrom, callTo, "callFromDate"],
      [reviewFrom, reviewTo, "reviewFromDate"],
    ] as const) {
      if (a !== undefined && b !== undefined && a >= b)
        throw badRequest(`filter.${name} must be before the matching toDate`);
    }
    const method = filter.reviewMethod ?? "MANUAL";
    if (method !== "MANUAL" && method !== "AUTOMATIC" && method !== "BOTH") {
      throw badRequest("filter.reviewMethod must be AUTOMATIC, MANUAL or BOTH");
    }
    const reviewed = idList(filter.reviewedUserIds, "filter.reviewedUserIds");
    const reviewedSet = reviewed ? new Set(reviewed) : undefined;
    const scorecardIds = idList(filter.scorecardIds, "filter.scorecardIds");
    const scorecardSet = scorecardIds ? new Set(scorecardIds) : undefined;
    const { scorecards } = ctx.data.settings;
    const lo = callFrom === undefined ? 0 : ctx.data.firstCallAtOrAfter(callFrom);
    const hi = callTo === undefined ? ctx.data.callCount : ctx.data.firstCallAtOrAfter(callTo);
    const matching: number[] = [];
    for (let i = lo; i < hi; i++) {
      const s = ctx.data.callActivity(i).scorecard;
      if (!s) continue;
      if (method !== "BOTH" && s.method !== method) continue;
      if (reviewFrom !== undefined && s.reviewMs < reviewFrom) continue;
      if (reviewTo !== undefined && s.reviewMs >= reviewTo) continue;
      if (reviewedSet && !reviewedSet.has(ctx.data.users[ctx.data.callCore(i).primaryUserIndex]!.id))
        continue;
      if (scorecardSet && !scorecardSet.has(String(scorecards[s.scorecardIndex]!.scorecardId))) continue;
      matching.push(i);
    }
    const { items, records } = page(arraySource(matching), bodyCursor(body), body);
    if (items.length === 0)
      throw notFound("No answered scorecards found corresponding to the provided filters");
    return { body: { records, answeredScorecards: items.map((i) => renderAnswered(ctx.data, i)) } };
  },
};

function renderAnswered(data: Dataset, index: number): Json {
  const activity = data.callActivity(index);
  const s = activity.scorecard!;
  const card = data.settings.scorecards[s.scorecardIndex]!;
  const core = data.callCore(index);
  const reviewer = s.reviewer === undefined ? undefined : data.users[s.reviewer];
  const answers = card.questions.map((q, k) => {
    const h = (core.index * 31 + k * 7 + data.seed) % 97;
    const score = 2 + (h % 4);
    const answer: Json = {
      questionId: q.questionId,
      questionRevisionId: q.questionRevisionId,
      isOverall: q.isOverall,
      notApplicable: false,
    };
    if (q.questionType === "SCALE") answer.score = score;
    else answer.selectedOptions = [q.options[h % q.options.length]!];
    if (h % 5 === 0 && !q.isOverall) answer.answerText = "Good, but confirm the decision process earlier.";
    return answer;
  });
  return {
    answeredScorecardId: BigInt(card.scorecardId) + BigInt(index) * 1_000_003n,
    scorecardId: card.scorecardId,
    scorecardName: card.scorecardName,
    callId: BigInt(core.id),
    callStartTime: isoDateTime(core.startMs),
    reviewedUserId: BigInt(data.users[core.primaryUserIndex]!.id),
    ...(reviewer ? { reviewerUserId: BigInt(reviewer.id), editorUserId: BigInt(reviewer.id) } : {}),
    reviewMethod: s.method,
    reviewTime: isoDateTime(s.reviewMs),
    visibilityType: s.method === "AUTOMATIC" ? "MANAGERS_AND_REVIEWEE" : "PUBLIC",
    answers,
  };
}

export const statsRoutes: ApiRoute[] = [
  aggregate,
  aggregateByPeriod,
  dayByDay,
  interaction,
  answeredScorecards,
];
