import { DAY_MS } from "../gong/dates.js";

export interface RateLimitOptions {
  /** requests per rolling second (Gong: 3) */
  perSecond?: number;
  /** requests per UTC day (Gong: 10,000) */
  perDay?: number;
}

/**
 * Gong's per-company limits: a rolling one-second window and a daily quota. Answers how many
 * seconds to wait (Retry-After) when over, or 0 when the request may proceed (and counts it).
 */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly perDay: number;
  private recent: number[] = [];
  private day = -1;
  private dayCount = 0;

  constructor(
    options: RateLimitOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.perSecond = options.perSecond ?? 3;
    this.perDay = options.perDay ?? 10_000;
  }

  /** 0 when allowed, otherwise the whole number of seconds to wait. */
  acquire(): number {
    const now = this.clock();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayCount = 0;
    }
    if (this.dayCount >= this.perDay) return Math.max(1, Math.ceil(((day + 1) * DAY_MS - now) / 1000));
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - 1000) this.recent.shift();
    if (this.recent.length >= this.perSecond) {
      return Math.max(1, Math.ceil(((this.recent[0] ?? now) + 1000 - now) / 1000));
    }
    this.recent.push(now);
    this.dayCount++;
    return 0;
  }

  /** Requests counted today. */
  get usedToday(): number {
    return this.dayCount;
  }
}
