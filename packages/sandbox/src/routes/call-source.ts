import type { Dataset } from "../data/dataset.js";
import type { PageSource } from "../gong/pagination.js";

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
