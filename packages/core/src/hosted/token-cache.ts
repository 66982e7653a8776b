/**
 * Caches the hosted API's application token and renews it from the lifetime the server announced
 * (`expires_in`), never from a guessed one. Concurrent callers share one token request.
 */

export interface ApplicationToken {
  accessToken: string;
  /** Epoch ms after which the token must not be used; undefined when the server gave no lifetime. */
  expiresAt: number | undefined;
}

/** Renew this long before expiry: 10% of the lifetime, at least 5 s, at most 60 s, never over half of it. */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(lifetimeMs / 2, Math.min(60_000, Math.max(5_000, lifetimeMs * 0.1)));
}

export class ApplicationTokenCache {
  private current: ApplicationToken | undefined;
  private inFlight: Promise<ApplicationToken> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<{
      accessToken: string;
      expiresInSeconds?: number | undefined;
    }>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, fetched only when none is cached, it is about to expire, or `force` is set. */
  async get(force = false): Promise<string> {
    if (!force && this.current && this.isFresh(this.current)) return this.current.accessToken;
    if (!this.inFlight) {
      this.inFlight = this.fetch().finally(() => {
        this.inFlight = undefined;
      });
    }
    return (await this.inFlight).accessToken;
  }

  /** Forgets a token the server refused, unless a newer one replaced it meanwhile. */
  invalidate(accessToken: string): void {
    if (this.current?.accessToken === accessToken) this.current = undefined;
  }

  private isFresh(token: ApplicationToken): boolean {
    return token.expiresAt === undefined || this.now() < token.expiresAt;
  }

  private async fetch(): Promise<ApplicationToken> {
    const issuedAt = this.now();
    const { accessToken, expiresInSeconds } = await this.fetchToken();
    let expiresAt: number | undefined;
    if (typeof expiresInSeconds === "number" && Number.isFinite(expiresInSeconds) && expiresInSeconds > 0) {
      const lifetimeMs = expiresInSeconds * 1000;
      expiresAt = issuedAt + lifetimeMs - renewalMarginMs(lifetimeMs);
    }
    this.current = { accessToken, expiresAt };
    return this.current;
  }
}
