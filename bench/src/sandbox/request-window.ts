import type { LoggedRequest, Sandbox } from "@gong-agent/sandbox";

/**
 * Marks the sandbox's request log now; `requests()` later returns what arrived since the mark.
 * Uses the log's arrival numbers, so entries dropped from a full log cannot shift the window.
 */
export function requestWindow(sandbox: Sandbox): { requests(): LoggedRequest[] } {
  const mark = sandbox.requests.last()?.seq ?? 0;
  return { requests: () => sandbox.requests.filter((entry) => entry.seq > mark) };
}

/** "POST /v2/calls/transcript × 5, GET /v2/calls × 1": what a window of requests consisted of. */
export function summarizeRequests(requests: readonly LoggedRequest[]): string {
  const counts = new Map<string, number>();
  for (const entry of requests) {
    const key = `${entry.method} ${entry.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} × ${count}`).join(", ") || "none";
}

/**
 * The shortest time between the first and last of `count` consecutive arrivals at the server (ms,
 * from the log's timestamps): how close the client came to the server's one-second window.
 */
export function tightestSpanMs(log: readonly { time: string }[], count: number): number | "n/a" {
  const times = log.map((entry) => Date.parse(entry.time)).sort((a, b) => a - b);
  let tightest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + count - 1 < times.length; i++) {
    tightest = Math.min(tightest, times[i + count - 1]! - times[i]!);
  }
  return Number.isFinite(tightest) ? tightest : "n/a";
}
