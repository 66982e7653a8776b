import type { Dataset } from "../data/dataset.js";
import type { AddedCall, WriteStore } from "../data/store.js";
import { arraySource, type PageSource } from "../gong/pagination.js";

/** A generated call (its index) or a call created with `POST /v2/calls`. */
export type CallRef = number | AddedCall;

export interface CallFilter {
  fromMs?: number;
  toMs?: number;
  workspaceIndex?: number;
  callIds?: readonly string[];
  primaryUserIds?: readonly string[];
}

/**
 * Pages over call indexes matching a filter. Calls are ordered by start time; a date range becomes
 * an index range by binary search, and only the remaining predicates need a scan.
 */
export function callSource(data: Dataset, filter: CallFilter): PageSource<number> {
  const lo = filter.fromMs === undefined ? 0 : data.firstCallAtOrAfter(filter.fromMs);
  const hi = filter.toMs === undefined ? data.callCount : data.firstCallAtOrAfter(filter.toMs);
  const hostSet = filter.primaryUserIds
    ? new Set(
        filter.primaryUserIds.map((id) => data.userByIdOrUndefined(id)?.index).filter((i) => i !== undefined),
      )
    : undefined;
  const predicate =
    filter.workspaceIndex === undefined && hostSet === undefined
      ? undefined
      : (index: number) => {
          const core = data.callCore(index);
          if (filter.workspaceIndex !== undefined && core.workspaceIndex !== filter.workspaceIndex)
            return false;
          if (hostSet !== undefined && !hostSet.has(core.primaryUserIndex)) return false;
          return true;
        };

  if (filter.callIds) {
    const indexes = [...new Set(filter.callIds.map((id) => data.callIndexById(id)))]
      .filter(
        (i): i is number => i !== undefined && i >= lo && i < hi && (predicate === undefined || predicate(i)),
      )
      .sort((a, b) => a - b);
    return {
      count: () => indexes.length,
      take: (position, max) => ({ items: indexes.slice(position, position + max), next: position + max }),
    };
  }
  if (predicate === undefined) {
    return {
      count: () => Math.max(0, hi - lo),
      take: (position, max) => {
        const start = lo + position;
        const end = Math.min(hi, start + max);
        const items: number[] = [];
        for (let i = start; i < end; i++) items.push(i);
        return { items, next: end - lo };
      },
    };
  }
  return {
    count: () => {
      let n = 0;
      for (let i = lo; i < hi; i++) if (predicate(i)) n++;
      return n;
    },
    take: (position, max) => {
      const items: number[] = [];
      let i = lo + position;
      for (; i < hi && items.length < max; i++) if (predicate(i)) items.push(i);
      return { items, next: i - lo };
    },
  };
}

/**
 * Like callSource, but with created calls merged in by start time. Created calls are left out of
 * transcripts (`includeAdded: false`): Gong has not processed them.
 */
export function callRefSource(
  data: Dataset,
  store: WriteStore,
  filter: CallFilter,
  includeAdded: boolean,
): PageSource<CallRef> {
  const generated = callSource(data, filter);
  if (!includeAdded || store.addedCalls.length === 0) return generated;
  const hosts = filter.primaryUserIds ? new Set(filter.primaryUserIds) : undefined;
  const ids = filter.callIds ? new Set(filter.callIds) : undefined;
  const added = store.addedCalls.filter(
    (c) =>
      (filter.fromMs === undefined || c.startMs >= filter.fromMs) &&
      (filter.toMs === undefined || c.startMs < filter.toMs) &&
      (filter.workspaceIndex === undefined || c.workspaceIndex === filter.workspaceIndex) &&
      (hosts === undefined || hosts.has(String(c.meta.primaryUserId))) &&
      (ids === undefined || ids.has(c.id)),
  );
  const merged: CallRef[] = generated.take(0, generated.count()).items;
  for (const call of added) {
    let at = merged.findIndex(
      (r) => (typeof r === "number" ? data.callStartMs(r) : r.startMs) > call.startMs,
    );
    if (at < 0) at = merged.length;
    merged.splice(at, 0, call);
  }
  return arraySource(merged);
}
