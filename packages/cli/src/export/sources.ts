/**
 * What an export reads, one page per step. A step is a pure function of the saved state and the pinned
 * parameters, so replaying it after a resume fetches exactly the same page.
 * - `pages`: any list operation, following its cursor.
 * - `transcripts`: lists the calls in the window, then fetches their transcripts in batches of many
 *   call ids per request (one request per batch, not one per call).
 */
import { CliError } from "../cli/errors.js";

export interface Page {
  data: unknown;
  meta?: { cursor?: string; hasMore?: boolean; totalRecords?: number } & Record<string, unknown>;
}

export type Execute = (entity: string, action: string, params: Record<string, unknown>) => Promise<Page>;

export type SourceState =
  | { kind: "pages"; cursor?: string; finished: boolean }
  | {
      kind: "transcripts";
      callsCursor?: string;
      callsFinished: boolean;
      /** Call ids listed but not yet asked for. */
      queue: string[];
      /** The batch in progress and the cursor of its next transcript page. */
      batch?: { ids: string[]; cursor?: string };
      callsDone: number;
    };

export interface Step {
  records: unknown[];
  state: SourceState;
  /** Expected total (records, or calls for transcripts) when Gong reported it. */
  total?: number;
  /** Progress toward the total. */
  done?: number;
}

export function initialState(kind: SourceState["kind"]): SourceState {
  return kind === "pages"
    ? { kind, finished: false }
    : { kind, callsFinished: false, queue: [], callsDone: 0 };
}

function nextCursor(page: Page, previous?: string): string | undefined {
  if (page.meta?.hasMore === false) return undefined;
  const cursor =
    typeof page.meta?.cursor === "string" && page.meta.cursor !== "" ? page.meta.cursor : undefined;
  if (cursor !== undefined && cursor === previous) {
    throw new CliError("Gong returned the same cursor twice; the export stopped to avoid a loop.");
  }
  return cursor;
}

function asRecords(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  return data === undefined || data === null ? [] : [data];
}

/** Fetches the next page; undefined when the source is exhausted. */
export async function nextStep(
  exec: Execute,
  source: { entity: string; action: string; params: Record<string, unknown>; batchSize: number },
  state: SourceState,
): Promise<Step | undefined> {
  if (state.kind === "pages") {
    if (state.finished) return undefined;
    const params = state.cursor ? { ...source.params, cursor: state.cursor } : source.params;
    const page = await exec(source.entity, source.action, params);
    const cursor = nextCursor(page, state.cursor);
    return {
      records: asRecords(page.data),
      state: { kind: "pages", ...(cursor ? { cursor } : {}), finished: !cursor },
      ...(typeof page.meta?.totalRecords === "number" ? { total: page.meta.totalRecords } : {}),
    };
  }

  let batch = state.batch;
  let queue = state.queue;
  if (!batch && queue.length > 0) {
    batch = { ids: queue.slice(0, source.batchSize) };
    queue = queue.slice(source.batchSize);
  }
  if (batch) {
    const params = { filter: { callIds: batch.ids }, ...(batch.cursor ? { cursor: batch.cursor } : {}) };
    const page = await exec("call_transcripts", "list", params);
    const cursor = nextCursor(page, batch.cursor);
    const finishedBatch = !cursor;
    const { batch: _previous, ...rest } = state;
    return {
      records: asRecords(page.data),
      state: {
        ...rest,
        queue,
        ...(finishedBatch ? {} : { batch: { ids: batch.ids, cursor: cursor! } }),
        callsDone: state.callsDone + (finishedBatch ? batch.ids.length : 0),
      },
    };
  }
  if (state.callsFinished) return undefined;
  const params = state.callsCursor ? { ...source.params, cursor: state.callsCursor } : source.params;
  const page = await exec("calls", "list", params);
  const ids = asRecords(page.data)
    .map(
      (c) =>
        (c as { id?: unknown; metaData?: { id?: unknown } }).id ??
        (c as { metaData?: { id?: unknown } }).metaData?.id,
    )
    .filter((id): id is string | number => typeof id === "string" || typeof id === "number")
    .map(String);
  const cursor = nextCursor(page, state.callsCursor);
  return {
    records: [],
    state: {
      kind: "transcripts",
      ...(cursor ? { callsCursor: cursor } : {}),
      callsFinished: !cursor,
      queue: [...queue, ...ids],
      callsDone: state.callsDone,
    },
    ...(typeof page.meta?.totalRecords === "number" ? { total: page.meta.totalRecords } : {}),
  };
}
