/** Default date ranges: computed from the clock, day-aligned, never past the company's today. */
import { describe, expect, it } from "vitest";
import { daysBefore, recentDateRange, recentDateTimeRange } from "../../src/params/dates.js";

describe("default date ranges", () => {
  it("call ranges cover the last 30 whole UTC days through the end of today", () => {
    expect(recentDateTimeRange(new Date("2026-03-10T15:42:07.123Z"))).toEqual({
      from: "2026-02-08T00:00:00Z",
      to: "2026-03-11T00:00:00Z",
    });
    // The same all day long, so the pages of one listing repeat identical inputs.
    expect(recentDateTimeRange(new Date("2026-03-10T00:00:01Z"))).toEqual(
      recentDateTimeRange(new Date("2026-03-10T23:59:59Z")),
    );
  });

  it("stats ranges end today as seen at UTC-12, never after the company's today", () => {
    expect(recentDateRange(new Date("2026-03-10T15:00:00Z"))).toEqual({
      from: "2026-02-08",
      to: "2026-03-10",
    });
    // 05:00 UTC is still March 9 in the westernmost time zones.
    expect(recentDateRange(new Date("2026-03-10T05:00:00Z"))).toEqual({
      from: "2026-02-07",
      to: "2026-03-09",
    });
    // Across a leap day.
    expect(recentDateRange(new Date("2028-03-15T20:00:00Z")).from).toBe("2028-02-14");
  });

  it("a lone end date-time gets a start 30 days before it", () => {
    expect(daysBefore("2026-01-31T10:00:00+02:00")).toBe("2026-01-01T08:00:00Z");
    expect(daysBefore("not a date")).toBeUndefined();
  });
});
