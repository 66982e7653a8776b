/**
 * Slows down guessing of application secrets: after `limit` refused attempts for one client id from one
 * address within `windowMs`, further attempts are refused with 429 until the window has passed. Keyed by
 * address and client id together, so an attacker cannot lock a legitimate client out from elsewhere.
 */
export class FailureThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfterMs(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, recent[0]! + this.windowMs - this.now());
  }

  recordFailure(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.now());
    this.#failures.set(key, recent);
    if (this.#failures.size > 10_000) this.#prune();
  }

  recordSuccess(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  #prune(): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key).length === 0) this.#failures.delete(key);
    }
  }
}
