/**
 * When and how long to wait before trying again: exponential backoff with jitter, and Gong's
 * `Retry-After` read defensively (seconds or an HTTP date; implausible values clamped).
 */
import { GongAbortError } from "../errors.js";

/** Statuses worth another try: rate limited, request timeout, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599 && status !== 501);
}

/** No Gong quota window is longer than a day; anything beyond is a bogus header. */
const MAX_PLAUSIBLE_MS = 24 * 60 * 60 * 1000;

/**
 * Milliseconds to wait according to a `Retry-After` header, or undefined when absent or unreadable.
 * Accepts delta-seconds (also fractional) and HTTP dates. A value that would mean more than a day is
 * read as milliseconds if that makes it plausible (seen in the wild), else clamped to one day.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    const ms = seconds * 1000;
    if (ms <= MAX_PLAUSIBLE_MS) return Math.ceil(ms);
    return seconds <= MAX_PLAUSIBLE_MS ? Math.ceil(seconds) : MAX_PLAUSIBLE_MS;
  }
  // HTTP dates name a weekday and month; bare numbers like "-5" are garbage, not dates.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_PLAUSIBLE_MS);
}

/** Backoff before retry number `attempt` (0-based): base·2^attempt capped at max, with "equal jitter". */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Sleeps, rejecting with GongAbortError as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, what = "waiting to retry"): Promise<void> {
  if (signal?.aborted) return Promise.reject(new GongAbortError(`The call was aborted while ${what}.`));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GongAbortError(`The call was aborted while ${what}.`));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
