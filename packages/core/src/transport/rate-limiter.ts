/**
 * Client-side throttling so our own traffic never earns a 429. Gong allows 3 calls per second and
 * 10,000 per day per company, shared by everything that calls it; the default limiter is shared by every
 * client in this process and keyed by tenant (base URL + a hash of the credential identity).
 * `RateLimiter` is deliberately small so a distributed implementation (Redis, a database) can replace it.
 */
import { GongAbortError, GongRateLimitError } from "../errors.js";

/** Tells the limiter that the request it released got an answer (or failed). */
export type RateLimitDone = () => void;

export interface RateLimiter {
  /**
   * Resolves when one request for `key` may be sent, reserving it. Rejects with GongRateLimitError when the
   * budget is spent for longer than it makes sense to wait, or GongAbortError when `signal` fires.
   * May resolve to a function that the caller calls once the request got its answer or failed, so the
   * limiter knows by when the request had reached the server at the latest.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a plain `async acquire(): Promise<void>` must fit too.
  acquire(key: string, signal?: AbortSignal): Promise<void | RateLimitDone>;
  /** Optional: Gong said to wait (429 + Retry-After); hold requests for `key` back until `untilMs`. */
  pause?(key: string, untilMs: number): void;
}

export interface RateLimitOptions {
  /** Requests per second per tenant. Default 3 (Gong's limit). */
  perSecond?: number;
  /** Requests per day per tenant. Default 10,000 (Gong's limit). `Infinity` turns the daily budget off. */
  perDay?: number;
  /** Extra spacing added to the one-second window. Default 50 ms. */
  marginMs?: number;
  /**
   * A request counts in the window from the moment its answer arrived: Gong saw it at the latest then, so a
   * slow send (a busy event loop, a new connection) can never add up to a burst at Gong. While no answer is
   * reported it counts as arriving "now", for at most this long after its release (for limiter users that
   * never report answers). Default 30 s, the default request timeout.
   */
  sendAllowanceMs?: number;
  /**
   * After Gong answered 429 with a long Retry-After, calls for that tenant fail at once with
   * GongRateLimitError instead of queueing when the pause is longer than this. Default 60 s.
   */
  maxPauseWaitMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Sent {
  releasedAt: number;
  answeredAt: number | undefined;
}

interface TenantState {
  sent: Sent[];
  dayStart: number;
  dayCount: number;
  pausedUntil: number;
  /** Tail of the FIFO of waiting callers, so waiters are served in arrival order. */
  queue: Promise<void>;
  /** Wakes the waiter at the head of the queue early when an answer arrives. */
  wake: (() => void) | undefined;
}

function abortError(): GongAbortError {
  return new GongAbortError("The call was aborted while waiting for the client-side rate limiter.");
}

/** Waits `ms`, or less when woken, rejecting when `signal` fires. */
function nap(ms: number, signal: AbortSignal | undefined, state: TenantState): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (state.wake === finish) state.wake = undefined;
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    const timer = setTimeout(() => {
      finish();
      resolve();
    }, ms);
    state.wake = () => {
      finish();
      resolve();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Waits for `promise` unless `signal` fires first. */
function waitTurn(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}

/**
 * A sliding-window limiter (per second) plus a fixed daily budget, per key, in this process's memory.
 * A caller is released only when the window, checked at that moment, has room; earlier requests count
 * from when they were answered (still in flight: from now, up to release + `sendAllowanceMs`), so a stalled
 * event loop that delays sending never turns into a burst at Gong.
 */
export class SlidingWindowRateLimiter implements RateLimiter {
  readonly perSecond: number;
  readonly perDay: number;
  readonly #windowMs: number;
  readonly #sendAllowanceMs: number;
  readonly #maxPauseWaitMs: number;
  readonly #tenants = new Map<string, TenantState>();
  readonly #now: () => number;

  constructor(options: RateLimitOptions = {}, now: () => number = Date.now) {
    this.perSecond = options.perSecond ?? 3;
    this.perDay = options.perDay ?? 10_000;
    if (!(this.perSecond > 0) || !(this.perDay > 0)) {
      throw new RangeError("rateLimit.perSecond and rateLimit.perDay must be positive numbers.");
    }
    this.#windowMs = 1000 + (options.marginMs ?? 50);
    this.#sendAllowanceMs = options.sendAllowanceMs ?? 30_000;
    this.#maxPauseWaitMs = options.maxPauseWaitMs ?? 60_000;
    this.#now = now;
  }

  #state(key: string): TenantState {
    let state = this.#tenants.get(key);
    if (!state) {
      state = {
        sent: [],
        dayStart: this.#now(),
        dayCount: 0,
        pausedUntil: 0,
        queue: Promise.resolve(),
        wake: undefined,
      };
      this.#tenants.set(key, state);
    }
    return state;
  }

  /** The latest moment a sent request can have reached the server, as far as is known at `now`. */
  #reachedBy(sent: Sent, now: number): number {
    if (sent.answeredAt !== undefined) return sent.answeredAt;
    return Math.min(now, sent.releasedAt + this.#sendAllowanceMs);
  }

  /** Milliseconds until one more request fits in the window (0: now). */
  #windowWait(state: TenantState, now: number): number {
    state.sent = state.sent.filter((s) => this.#reachedBy(s, now) + this.#windowMs > now);
    if (state.sent.length < this.perSecond) return 0;
    const times = state.sent.map((s) => this.#reachedBy(s, now)).sort((a, b) => a - b);
    return times[times.length - this.perSecond]! + this.#windowMs - now;
  }

  async acquire(key: string, signal?: AbortSignal): Promise<RateLimitDone> {
    if (signal?.aborted) throw new GongAbortError("The call was aborted before it was sent.");
    const state = this.#state(key);
    const now = this.#now();
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
    if (state.pausedUntil - now > this.#maxPauseWaitMs) {
      throw new GongRateLimitError(
        `Gong rate-limited this tenant and asked to wait until ${new Date(state.pausedUntil).toISOString()}; ` +
          "not sending more requests before then. Gong's limits (3/second, 10,000/day per company) are shared by " +
          "every integration of the company; try again after that time.",
        { status: 0, retryAfterMs: state.pausedUntil - now },
      );
    }
    state.dayCount++; // Reserved now, so concurrent callers cannot overspend the day.

    const previous = state.queue;
    let myTurnDone!: () => void;
    state.queue = new Promise<void>((resolve) => {
      myTurnDone = resolve;
    });
    try {
      await waitTurn(previous, signal);
      for (;;) {
        const current = this.#now();
        const wait = Math.max(this.#windowWait(state, current), state.pausedUntil - current);
        if (wait <= 0) {
          const sent: Sent = { releasedAt: current, answeredAt: undefined };
          state.sent.push(sent);
          return () => {
            if (sent.answeredAt !== undefined) return;
            sent.answeredAt = this.#now();
            state.wake?.(); // The head waiter may be able to go sooner now.
          };
        }
        await nap(wait, signal, state);
      }
    } catch (error) {
      state.dayCount--; // Not sent: give the day's reservation back.
      throw error;
    } finally {
      myTurnDone();
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
  const id = [
    options.perSecond ?? 3,
    options.perDay ?? 10_000,
    options.marginMs ?? 50,
    options.sendAllowanceMs ?? 30_000,
    options.maxPauseWaitMs ?? 60_000,
  ].join("/");
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new SlidingWindowRateLimiter(options);
    shared.set(id, limiter);
  }
  return limiter;
}
