/**
 * The figures `pnpm bench` reports, exactly the keys of bench/results.json, each with its goal.
 * A goal of `null` means the figure is reported, not judged.
 */
export const RESULT_KEYS = [
  "toolTokens",
  "overheadRatio",
  "rateLimitUtilization",
  "rateLimit429s",
  "transcriptRequestsFor500Calls",
  "paginate100kRssMB",
  "coreImportMs",
  "corePackKB",
] as const;

export type ResultKey = (typeof RESULT_KEYS)[number];

/** A measured value, or null when the measure could not run (which counts as a missed goal). */
export type Results = Record<ResultKey, number | null>;

export interface Goal {
  /** How the goal reads in the table, e.g. "≤ 2,000". */
  label: string;
  /** True when the value meets the goal. */
  met(value: number): boolean;
}

const atMost = (limit: number): Goal => ({
  label: `≤ ${limit.toLocaleString("en-US")}`,
  met: (value) => value <= limit,
});
const atLeast = (limit: number): Goal => ({
  label: `≥ ${limit.toLocaleString("en-US")}`,
  met: (value) => value >= limit,
});

export const GOALS: Record<ResultKey, Goal | null> = {
  toolTokens: atMost(2000),
  overheadRatio: atMost(1.15),
  rateLimitUtilization: atLeast(0.95),
  rateLimit429s: { label: "0", met: (value) => value === 0 },
  transcriptRequestsFor500Calls: atMost(10),
  paginate100kRssMB: atMost(50),
  coreImportMs: atMost(100),
  corePackKB: null,
};

export const UNITS: Record<ResultKey, string> = {
  toolTokens: "tokens",
  overheadRatio: "×",
  rateLimitUtilization: "of 3/s",
  rateLimit429s: "answers",
  transcriptRequestsFor500Calls: "requests",
  paginate100kRssMB: "MB",
  coreImportMs: "ms",
  corePackKB: "KB",
};

export type Verdict = "met" | "missed" | "report" | "not measured";

export function verdict(key: ResultKey, value: number | null): Verdict {
  if (value === null) return "not measured";
  const goal = GOALS[key];
  if (goal === null) return "report";
  return goal.met(value) ? "met" : "missed";
}

/** Whether the run passes: every judged figure among `keys` measured and within its goal. */
export function allGoalsMet(results: Results, keys: readonly ResultKey[] = RESULT_KEYS): boolean {
  return keys.every((key) => {
    const v = verdict(key, results[key]);
    return v === "met" || v === "report";
  });
}
