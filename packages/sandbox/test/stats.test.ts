// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, collect, NOW } from "./helpers.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;
const range = { fromDate: "2026-09-01", toDate: "2026-10-01" };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 13, now: NOW, rateLimit: false });
  api = client(sandbox);
});
afterAll(() => sandbox.close());

async function hostedCalls() {
  const calls = (
    await collect(
      api,
      "GET",
      "/v2/calls?fromDateTime=2026-09-01T00:00:00Z&toDateTime=2026-10-01T00:00:00Z",
      "calls",
    )
  ).records;
  const byHost = new Map<string, string[]>();
  for (const c of calls) byHost.set(c.primaryUserId, [...(byHost.get(c.primaryUserId) ?? []), c.id]);
  return byHost;
}

describe("activity stats agree with the calls", () => {
  it("counts calls as host per user, and day-by-day lists those very calls", async () => {
    const byHost = await hostedCalls();
    const aggregate = (
      await collect(api, "POST", "/v2/stats/activity/aggregate", "usersAggregateActivityStats", {
        filter: range,
      })
    ).records;
    expect(aggregate).toHaveLength(60);
    for (const row of aggregate) {
      expect(row.userAggregateActivityStats.callsAsHost, row.userId).toBe(
        byHost.get(row.userId)?.length ?? 0,
      );
      expect(row.userAggregateActivityStats.callsAttended).toBeGreaterThanOrEqual(
        row.userAggregateActivityStats.callsAsHost,
      );
    }
    expect(aggregate.some((r) => r.userAggregateActivityStats.callsCommentsGiven > 0)).toBe(true);

    const daily = (
      await collect(api, "POST", "/v2/stats/activity/day-by-day", "usersDetailedActivities", {
        filter: range,
      })
    ).records;
    for (const row of daily) {
      const ids = row.userDailyActivityStats.flatMap((d: any) => d.callsAsHost);
      expect(ids.sort(), row.userId).toEqual([...(byHost.get(row.userId) ?? [])].sort());
      for (const day of row.userDailyActivityStats)
        expect(day.fromDate >= range.fromDate && day.toDate <= range.toDate).toBe(true);
    }
  });

  it("aggregates by period into buckets that sum to the whole range", async () => {
    const whole = (await api.post("/v2/stats/activity/aggregate", { filter: range })).json
      .usersAggregateActivityStats;
    const weekly = (
      await api.post("/v2/stats/activity/aggregate-by-period", { filter: range, aggregationPeriod: "WEEK" })
    ).json.usersAggregateActivity;
    for (const row of weekly) {
      const expected = whole.find((w: any) => w.userId === row.userId).userAggregateActivityStats;
      const periods = row.userAggregateActivity;
      expect(periods[0].fromDate).toBe(range.fromDate);
      expect(periods.at(-1).toDate).toBe(range.toDate);
      for (const field of [
        "callsAsHost",
        "callsAttended",
        "othersCallsListenedTo",
        "callsScorecardsReceived",
      ]) {
        expect(
          periods.reduce((sum: number, p: any) => sum + p[field], 0),
          `${row.userId} ${field}`,
        ).toBe(expected[field]);
      }
    }
  });

  it("gives interaction stats to users who hosted calls", async () => {
    const byHost = await hostedCalls();
    const rows = (await api.post("/v2/stats/interaction", { filter: range })).json.peopleInteractionStats;
    for (const row of rows) {
      if (byHost.has(row.userId)) {
        const talk = row.personInteractionStats.find((s: any) => s.name === "Talk Ratio");
        expect(talk.value).toBeGreaterThan(0);
        expect(talk.value).toBeLessThan(1);
      } else {
        expect(row.personInteractionStats).toEqual([]);
      }
    }
  });

  it("refuses Gong's stats mistakes with clear messages", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ fromDate: "2026-11-01", toDate: "2026-11-20" }, /after today/],
      [{ fromDate: "2026-10-01", toDate: "2026-10-01" }, /must be before/],
      [{ fromDate: "2026-10-01T00:00:00Z", toDate: "2026-10-02" }, /YYYY-MM-DD/],
      [{ fromDate: "2026-02-30", toDate: "2026-03-02" }, /not a valid date/],
      [{ toDate: "2026-10-02" }, /fromDate is required/],
    ];
    for (const [filter, message] of cases) {
      const result = await api.post("/v2/stats/activity/aggregate", { filter });
      expect(result.status, JSON.stringify(filter)).toBe(400);
      expect(result.json.errors[0]).toMatch(message);
    }
  });
});

describe("answered scorecards", () => {
  it("page completely, default to manual reviews, and point at real calls and scorecards", async () => {
    const manual = (
      await collect(api, "POST", "/v2/stats/activity/scorecards", "answeredScorecards", { filter: {} })
    ).records;
    const both = (
      await collect(api, "POST", "/v2/stats/activity/scorecards", "answeredScorecards", {
        filter: { reviewMethod: "BOTH" },
      })
    ).records;
    expect(manual.length).toBeGreaterThan(100);
    expect(manual.every((s) => s.reviewMethod === "MANUAL")).toBe(true);
    expect(both.length).toBeGreaterThan(manual.length);
    expect(new Set(both.map((s) => String(s.answeredScorecardId))).size).toBe(both.length);
    const scorecardNames = new Set(
      (await api.get("/v2/settings/scorecards")).json.scorecards.map((s: any) => s.scorecardName as string),
    );
    expect(both.every((s) => scorecardNames.has(s.scorecardName))).toBe(true);
    for (const s of manual) expect(Date.parse(s.reviewTime)).toBeGreaterThan(Date.parse(s.callStartTime));
  });
});

describe("library and coaching", () => {
  it("lists folders whose calls exist", async () => {
    const folders = (await api.get("/v2/library/folders")).json.folders;
    expect(folders.length).toBeGreaterThan(5);
    const content = (await api.get(`/v2/library/folder-content?folderId=${folders[1].id}`)).json;
    expect(content.calls.length).toBeGreaterThan(0);
    const one = await api.get(`/v2/calls/${content.calls[0].id}`);
    expect(one.status).toBe(200);
    expect(one.json.call.title).toBe(content.calls[0].title);
  });

  it("gives coaching metrics for a manager's direct reports", async () => {
    const users = (await api.get("/v2/users")).json.users;
    const manager = users.find((u: any) => u.title === "Sales Manager");
    const ws = sandbox.data.workspaces.find((w) => w.name.includes("North America"))!.id;
    const result = await api.get(
      `/v2/coaching?workspace-id=${ws}&manager-id=${manager.id}&from=2026-05-01T00:00:00Z&to=2026-11-15T00:00:00Z`,
    );
    expect(result.status).toBe(200);
    const reports = result.json.coachingData[0].directReportsMetrics;
    expect(reports.length).toBeGreaterThan(0);
    expect(
      reports.every((r: any) => users.find((u: any) => u.id === r.report.id).managerId === manager.id),
    ).toBe(true);
    expect(reports.some((r: any) => (r.metrics.callsListened ?? []).length > 0)).toBe(true);
  });
});
