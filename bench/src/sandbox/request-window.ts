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
