/**
 * Progress for MCP clients. A call reports when it starts asking Gong, each retry core makes after a
 * temporary error, and whatever the source itself reports: a user's `execute` function receives
 * `options.onProgress` and can say "page 3 of 7" while it fetches many pages. MCP requires the
 * `progress` number to increase with every notification; the reporter keeps it so whatever arrives.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface ProgressUpdate {
  progress?: number;
  total?: number;
  message?: string;
}

export type ProgressSink = (update: ProgressUpdate) => void;

/** What an MCP notification carries. */
export interface McpProgress {
  progress: number;
  total?: number;
  message?: string;
}

/** A per-call reporter that turns any sequence of updates into strictly increasing MCP progress. */
export function progressReporter(send: (progress: McpProgress) => void): ProgressSink {
  let last = -1;
  return (update) => {
    const proposed = update.progress;
    const increases = typeof proposed === "number" && Number.isFinite(proposed) && proposed > last;
    const progress: McpProgress = { progress: increases ? proposed : last + 1 };
    // A total only means something next to the source's own progress numbers.
    if (increases && typeof update.total === "number" && update.total >= proposed)
      progress.total = update.total;
    if (update.message) progress.message = update.message;
    last = progress.progress;
    send(progress);
  };
}

/** The sink of the call in flight, so the execute function shared by all calls reaches the right client. */
export const currentProgress = new AsyncLocalStorage<ProgressSink>();
