import { describe, expect, it } from "vitest";
import { allGoalsMet, RESULT_KEYS, type Results, verdict } from "../src/goals.js";
import { emptyResults, resultsTable } from "../src/report/results.js";
import { formatNumber, formatTable } from "../src/report/table.js";
import { summarizeRequests, tightestSpanMs } from "../src/sandbox/request-window.js";
import { parseSettings } from "../src/settings.js";
import { startRssSampler } from "../src/util/rss.js";
import { median, percentile, round } from "../src/util/stats.js";
import { countTokens, countToolTokens } from "../src/util/tokens.js";

describe("stats", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("computes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it("rounds to numbers", () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.005, 0)).toBe(1);
  });
});

describe("table", () => {
  it("aligns columns by code points so ≤ and — line up", () => {
    const text = formatTable(
      ["a", "goal"],
      [
        ["x", "≤ 2,000"],
        ["longer", "—"],
      ],
    );
    const lines = text.split("\n");
    expect(lines).toHaveLength(4);
    const widths = lines.map((line) => [...line].length);
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]).toBe("| x      | ≤ 2,000 |");
  });

  it("refuses ragged rows", () => {
    expect(() => formatTable(["a", "b"], [["only one"]])).toThrow(/expected 2/);
  });

  it("formats numbers with separators and a dash for missing figures", () => {
    expect(formatNumber(1234.5678)).toBe("1,234.568");
    expect(formatNumber(0.5, 3)).toBe("0.5");
    expect(formatNumber(null)).toBe("—");
  });
});

describe("goals", () => {
  const passing: Results = {
    toolTokens: 1500,
    overheadRatio: 1.05,
    rateLimitUtilization: 0.99,
    rateLimit429s: 0,
    transcriptRequestsFor500Calls: 5,
    paginate100kRssMB: 20,
    coreImportMs: 40,
    corePackKB: 900,
  };

  it("passes when every judged figure is within its goal, whatever the reported-only figure", () => {
    expect(allGoalsMet(passing)).toBe(true);
    expect(verdict("corePackKB", 10_000)).toBe("report");
  });

  it("fails on each missed goal and on a missing figure", () => {
    expect(allGoalsMet({ ...passing, toolTokens: 2001 })).toBe(false);
    expect(allGoalsMet({ ...passing, overheadRatio: 1.2 })).toBe(false);
    expect(allGoalsMet({ ...passing, rateLimitUtilization: 0.9 })).toBe(false);
    expect(allGoalsMet({ ...passing, rateLimit429s: 1 })).toBe(false);
    expect(allGoalsMet({ ...passing, transcriptRequestsFor500Calls: 11 })).toBe(false);
    expect(allGoalsMet({ ...passing, paginate100kRssMB: 51 })).toBe(false);
    expect(allGoalsMet({ ...passing, coreImportMs: 101 })).toBe(false);
    expect(allGoalsMet({ ...passing, coreImportMs: null })).toBe(false);
    expect(verdict("coreImportMs", null)).toBe("not measured");
  });

  it("judges only the given keys when asked", () => {
    const partial = { ...emptyResults(), corePackKB: 12, coreImportMs: 30 };
    expect(allGoalsMet(partial, ["corePackKB", "coreImportMs"])).toBe(true);
    expect(allGoalsMet(partial)).toBe(false);
  });

  it("prints one table row per result key, in order", () => {
    const lines = resultsTable(passing).split("\n").slice(2);
    expect(lines.map((line) => line.split("|")[1]!.trim())).toEqual([...RESULT_KEYS]);
    expect(lines[0]).toContain("met");
  });
});

describe("settings", () => {
  it("defaults to the full setting", () => {
    const settings = parseSettings([], {});
    expect(settings.mode).toBe("full");
    expect(settings.overheadRequests).toBe(1000);
    expect(settings.rateLimitPages).toBe(60);
    expect(settings.paginateRecords).toBe(100_000);
  });

  it("switches to the quick setting by flag or environment", () => {
    expect(parseSettings(["--quick"], {}).mode).toBe("quick");
    expect(parseSettings([], { BENCH_QUICK: "1" }).mode).toBe("quick");
    expect(parseSettings(["--full"], { BENCH_QUICK: "1" }).mode).toBe("full");
  });

  it("reads --only lists and rejects unknown flags", () => {
    expect(parseSettings(["--only=tokens, pack"], {}).only).toEqual(["tokens", "pack"]);
    expect(parseSettings([], { BENCH_ONLY: "import" }).only).toEqual(["import"]);
    expect(() => parseSettings(["--fast"], {})).toThrow(/Unknown option "--fast"/);
  });
});

describe("rss sampler", () => {
  it("reports peak growth over the baseline from its reader", () => {
    const readings = [100, 150, 400, 120];
    let index = 0;
    const sampler = startRssSampler({ intervalMs: 60_000, read: () => readings[index++] ?? 120 });
    sampler.sample();
    sampler.sample();
    const summary = sampler.stop();
    expect(summary.baselineBytes).toBe(100);
    expect(summary.peakBytes).toBe(400);
    expect(summary.growthBytes).toBe(300);
    expect(summary.samples).toBe(4);
  });

  it("never reports negative growth when memory shrinks", () => {
    const readings = [500, 300, 200];
    let index = 0;
    const sampler = startRssSampler({ intervalMs: 60_000, read: () => readings[index++] ?? 200 });
    sampler.sample();
    expect(sampler.stop().growthBytes).toBe(0);
  });

  it("samples the real process by default", () => {
    const sampler = startRssSampler({ intervalMs: 1 });
    const ballast = Buffer.alloc(32 * 1024 * 1024, 1);
    sampler.sample();
    const summary = sampler.stop();
    expect(ballast[0]).toBe(1);
    expect(summary.growthBytes).toBeGreaterThan(16 * 1024 * 1024);
  });
});

describe("tokens", () => {
  it("counts o200k_base tokens", () => {
    // Known o200k_base encodings: "hello world" is two tokens; the empty string is none.
    expect(countTokens("hello world")).toBe(2);
    expect(countTokens("")).toBe(0);
  });

  it("counts a tool's description and compact schema together", () => {
    const schema = { type: "object", properties: { entity: { type: "string" } } };
    const both = countToolTokens({ description: "List Gong calls.", schema });
    expect(both).toBe(countTokens(`List Gong calls.\n${JSON.stringify(schema)}`));
    expect(both).toBeGreaterThan(countTokens("List Gong calls."));
  });
});

describe("tightestSpanMs", () => {
  it("finds the shortest span of consecutive arrivals", () => {
    const at = (ms: number) => ({ time: new Date(1_000_000 + ms).toISOString() });
    const log = [at(0), at(400), at(800), at(1100), at(1200), at(2300)];
    // Windows of 4: 0→1100, 400→1200, 800→2300.
    expect(tightestSpanMs(log, 4)).toBe(800);
    expect(tightestSpanMs(log.slice(0, 3), 4)).toBe("n/a");
  });
});

describe("summarizeRequests", () => {
  it("counts requests by method and path in arrival order", () => {
    const entry = (method: string, path: string) =>
      ({ method, path }) as Parameters<typeof summarizeRequests>[0][0];
    const text = summarizeRequests([
      entry("GET", "/v2/calls"),
      entry("POST", "/v2/calls/transcript"),
      entry("GET", "/v2/calls"),
    ]);
    expect(text).toBe("GET /v2/calls × 2, POST /v2/calls/transcript × 1");
    expect(summarizeRequests([])).toBe("none");
  });
});
