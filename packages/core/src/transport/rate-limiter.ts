/**
 * Client-side throttling so our own traffic never earns a 429. Gong allows 3 calls per second and
 * 10,000 per day per company, shared by everything that calls it; the default limiter is shared by every
 * client in this process and keyed by tenant (base URL + a hash of the credential identity).
 * `RateLimiter` is deliberately small so a distributed implementation (Redis, a database) can replace it.
 */
import { GongAbortError, GongRateLimitError } from "../errors.js";

export interface RateLimiter {
  /**
   * Resolves when one request for `key` may be sent, reserving it. Rejects with GongRateLimitError when the
   * budget is spent for longer than it makes sense to wait, or GongAbortError when `signal` fires.
   */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
  /** Optional: Gong said to wait (429 + Retry-After); hold requests for `key` back until `untilMs`. */
  pause?(key: string, untilMs: number): void;
}

export interface RateLimitOptions {
  /** Requests per second per tenant. Default 3 (Gong's limit). */
  perSecond?: number;
  /** Requests per day per tenant. Default 10,000 (Gong's limit). `Infinity` turns the daily budget off. */
  perDay?: number;
  /**
   * Extra spacing added to the one-second window, so network jitter never lets Gong see more than
   * `perSecond` requests in one of its windows. Default 50 ms.
   */
  marginMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface TenantState {
  /** Start times reserved in the current sliding second, ascending. */
  starts: number[];
  dayStart: number;
  dayCount: number;
  pausedUntil: number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GongAbortError("The call was aborted while waiting for the client-side rate limiter."));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A sliding-window limiter (per second) plus a fixed daily budget, per key, in this process's memory. */
export class SlidingWindowRateLimiter implements RateLimiter {
  readonly perSecond: number;
  readonly perDay: number;
  readonly #windowMs: number;
  readonly #tenants = new Map<string, TenantState>();
  readonly #now: () => number;

  constructor(options: RateLimitOptions = {}, now: () => number = Date.now) {
    this.perSecond = options.perSecond ?? 3;
    this.perDay = options.perDay ?? 10_000;
    if (!(this.perSecond > 0) || !(this.perDay > 0)) {
      throw new RangeError("rateLimit.perSecond and rateLimit.perDay must be positive numbers.");
    }
    this.#windowMs = 1000 + (options.marginMs ?? 50);
    this.#now = now;
  }

  #state(key: string): TenantState {
    let state = this.#tenants.get(key);
    if (!state) {
      state = { starts: [], dayStart: this.#now(), dayCount: 0, pausedUntil: 0 };
      this.#tenants.set(key, state);
    }
    return state;
  }

  async acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new GongAbortError("The call was aborted before it was sent.");
    const now = this.#now();
    const state = this.#state(key);
    if (now - state.dayStart >= DAY_MS) {
      state.dayStart = now;
      state.dayCount = 0;
    }
    if (state.dayCount >= this.perDay) {
      const resetsAt = state.dayStart + DAY_MS;
      throw new GongRateLimitError(
        `The client-side daily budget of ${this.perDay} Gong API requests for this tenant is spent; it resets at ` +
          `${new Date(resetsAt).toISOString()}. Gong allows 10,000 calls a day per company, shared by every integration; ` +
          "wait until then, or raise rateLimit.perDay if your Gong contract allows more.",
        { status: 0, retryAfterMs: resetsAt - now },
      );
    }
    // Reserve the earliest start that keeps at most `perSecond` starts in any window.
    const starts = state.starts;
    while (starts.length > 0 && starts[0]! <= now - this.#windowMs) starts.shift();
    let slot = Math.max(now, state.pausedUntil);
    if (starts.length >= this.perSecond) {
      slot = Math.max(slot, starts[starts.length - this.perSecond]! + this.#windowMs);
    }
    starts.push(slot);
    state.dayCount++;
    try {
      await sleep(slot - now, signal);
    } catch (error) {
      // Give the reservation back; later reservations only become more conservative.
      const index = starts.indexOf(slot);
      if (index >= 0) starts.splice(index, 1);
      state.dayCount--;
      throw error;
    }
  }

  pause(key: string, untilMs: number): void {
    const state = this.#state(key);
    state.pausedUntil = Math.max(state.pausedUntil, untilMs);
  }
}

const shared = new Map<string, SlidingWindowRateLimiter>();

/**
 * The process-wide limiter for these settings: every client created with the same options shares one,
 * so several connector instances for one tenant together stay under Gong's limits.
 */
export function sharedRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const id = `${options.perSecond ?? 3}/${options.perDay ?? 10_000}/${options.marginMs ?? 50}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new SlidingWindowRateLimiter(options);
    shared.set(id, limiter);
  }
  return limiter;
}
