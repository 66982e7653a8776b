/**
 * Progress for MCP clients. A call reports when it starts asking Gong, each retry core makes after a
 * temporary error, and whatever the source itself reports: a user's `execute` function receives
 * `options.onProgress` and can say "page 3 of 7" while it fetches many pages, and core's tool reports each
 * page of a multi-page call (`params.pages`). MCP requires the `progress` number to increase with every
 * notification; the reporter keeps it so whatever arrives.
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

/**
 * The progress of an update that brings no new number ("asking Gong", a retry at the same page count):
 * halfway to the next whole number, so the next page's own number (e.g. page 2 of 3) still increases.
 */
function between(last: number): number {
  if (last < 0) return 0;
  const halfway = last + (Math.floor(last) + 1 - last) / 2;
  return halfway > last ? halfway : last + 1;
}

/** A per-call reporter that turns any sequence of updates into strictly increasing MCP progress. */
export function progressReporter(send: (progress: McpProgress) => void): ProgressSink {
  let last = -1;
  return (update) => {
    const proposed = update.progress;
    const numbered = typeof proposed === "number" && Number.isFinite(proposed);
    const increases = numbered && proposed > last;
    // The same whole step again (a retry at the same page) is a note; a number from an earlier step is the
    // source's own count restarting: move on by a whole step.
    const fallback = numbered && proposed < Math.floor(last) ? last + 1 : between(last);
    const progress: McpProgress = { progress: increases ? proposed : fallback };
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
