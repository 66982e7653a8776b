/**
 * Shortens one JSON value structurally so that its rendering fits a character bound: long arrays keep
 * their first items and long strings their first characters, and every cut is listed (by path) so the
 * reader knows what is partial. Sizes are always measured on the final serialized text, so JSON
 * escaping (quotes, backslashes, newlines, control characters) can never push it past the bound.
 */

/** One kind of cut at one place of the value; array indices in `path` are written `[]`. */
export interface Cut {
  path: string;
  /** `items`: an array kept its first items; `chars`: a string kept its first characters (and ends with "…"). */
  kind: "items" | "chars";
  /** How many arrays or strings at this path were cut. */
  cuts: number;
  /** Items or characters shown, summed over those cuts. */
  shown: number;
  /** Items or characters they had, summed over those cuts. */
  total: number;
}

interface Limits {
  items: number;
  chars: number;
}

const MARK = "…";

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The start of `text`, never ending inside a surrogate pair. */
function headOf(text: string, length: number): string {
  const head = text.slice(0, length);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

function shorten(value: unknown, limits: Limits): { value: unknown; cuts: Cut[] } {
  const cuts = new Map<string, Cut>();
  const note = (path: string, kind: Cut["kind"], shown: number, total: number) => {
    const key = `${kind} ${path}`;
    const cut = cuts.get(key) ?? { path, kind, cuts: 0, shown: 0, total: 0 };
    cut.cuts += 1;
    cut.shown += shown;
    cut.total += total;
    cuts.set(key, cut);
  };
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === "string") {
      if (node.length <= limits.chars) return node;
      const head = headOf(node, limits.chars);
      note(path || "(value)", "chars", head.length, node.length);
      return head + MARK;
    }
    if (Array.isArray(node)) {
      if (node.length > limits.items) note(path || "(value)", "items", limits.items, node.length);
      return node.slice(0, limits.items).map((item) => walk(item, `${path}[]`));
    }
    if (isObject(node)) {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [key, walk(child, path ? `${path}.${key}` : key)]),
      );
    }
    return node;
  };
  return { value: walk(value, ""), cuts: [...cuts.values()] };
}

/** Longest array and longest string anywhere in the value: the upper ends of the searches. */
function extremes(value: unknown): Limits {
  const found: Limits = { items: 0, chars: 0 };
  const walk = (node: unknown) => {
    if (typeof node === "string") found.chars = Math.max(found.chars, node.length);
    else if (Array.isArray(node)) {
      found.items = Math.max(found.items, node.length);
      for (const item of node) walk(item);
    } else if (isObject(node)) for (const child of Object.values(node)) walk(child);
  };
  walk(value);
  return found;
}

/** Largest n in [low, high] for which `fits(n)` holds (assumed to hold less as n grows), or undefined. */
function largest(low: number, high: number, fits: (n: number) => boolean): number | undefined {
  if (high < low || !fits(low)) return undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The text `render(shortened, cuts)` for the least shortened form of `value` that fits `maxChars`, or
 * undefined when even its bare skeleton (empty arrays and strings) does not. `value` must be plain JSON.
 * Arrays are cut first (strings whole); only if one item per array is still too much are strings cut,
 * first with one item per array, then with none.
 */
export function shrinkToFit(
  value: unknown,
  maxChars: number,
  render: (shortened: unknown, cuts: Cut[]) => string,
): string | undefined {
  const most = extremes(value);
  const attempt = (limits: Limits): string | undefined => {
    const { value: shortened, cuts } = shorten(value, limits);
    const text = render(shortened, cuts);
    return text.length <= maxChars ? text : undefined;
  };
  const whole = Number.POSITIVE_INFINITY;
  const items = largest(1, most.items, (n) => attempt({ items: n, chars: whole }) !== undefined);
  if (items !== undefined) return attempt({ items, chars: whole });
  for (const itemsKept of [1, 0]) {
    const chars = largest(0, most.chars, (n) => attempt({ items: itemsKept, chars: n }) !== undefined);
    if (chars !== undefined) return attempt({ items: itemsKept, chars });
  }
  return undefined;
}
