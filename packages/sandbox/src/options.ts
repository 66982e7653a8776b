import type { RateLimitOptions } from "./hooks/rate-limit.js";

export type DataSize = "small" | "default" | "large";

export interface SandboxOptions {
  /** port of the default listener (`url`); 0 (default) picks a free port */
  port?: number;
  /** port of the tenant listener (`oauth.apiBaseUrl`); 0 (default) picks a free port */
  tenantPort?: number;
  /** interface to bind (default 127.0.0.1) */
  host?: string;
  /** seed of the generated data and credentials (default 1); same seed and `now` → same bytes */
  seed?: number | string;
  /** the moment the data is generated relative to (default: the current hour) */
  now?: Date | string | number;
  /** Gong's limits (3/s, 10,000/day) by default; `false` turns them off */
  rateLimit?: false | RateLimitOptions;
  /** lifetime of OAuth access tokens in seconds (`expires_in`, default 3600) */
  tokenTtlSeconds?: number;
  /**
   * How much data: "small" (12 users, 200 calls), "default" (60 users, 2,000 calls),
   * "large" (300 users, 100,000 calls), a number of calls, or explicit counts.
   */
  dataSize?: DataSize | number | { calls?: number; users?: number };
  /** fixed access key credentials (default: derived from the seed) */
  accessKey?: string;
  accessKeySecret?: string;
  /** redirect URIs the OAuth client may use (default: any http(s) URI) */
  redirectUris?: string[];
  /** Gong credits for the AI endpoints (`/v2/entities/*`); each answer spends one, then 402 (default: unlimited) */
  aiCredits?: number;
  /** how many requests the log keeps (default 10,000; oldest dropped first) */
  requestLogLimit?: number;
}

const SIZES: Record<DataSize, { calls: number; users: number }> = {
  small: { calls: 200, users: 12 },
  default: { calls: 2000, users: 60 },
  large: { calls: 100_000, users: 300 },
};

export function resolveSize(size: SandboxOptions["dataSize"]): { calls: number; users: number } {
  if (size === undefined) return SIZES.default;
  if (typeof size === "string") {
    const preset = SIZES[size];
    if (!preset)
      throw new TypeError(
        `dataSize must be "small", "default", "large", a number or { calls, users }; got ${JSON.stringify(size)}`,
      );
    return preset;
  }
  const calls = typeof size === "number" ? size : (size.calls ?? SIZES.default.calls);
  const users = typeof size === "number" ? SIZES.default.users : (size.users ?? SIZES.default.users);
  for (const [name, n] of [
    ["calls", calls],
    ["users", users],
  ] as const) {
    if (!Number.isInteger(n) || n < (name === "users" ? 1 : 0) || n > 10_000_000) {
      throw new TypeError(
        `dataSize ${name} must be an integer between ${name === "users" ? 1 : 0} and 10,000,000; got ${n}`,
      );
    }
  }
  return { calls, users };
}

export function resolveNow(now: SandboxOptions["now"]): number {
  if (now === undefined) return Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const ms = now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now);
  if (!Number.isFinite(ms))
    throw new TypeError(
      `now must be a Date, an epoch in ms or an ISO date string; got ${JSON.stringify(now)}`,
    );
  return ms;
}

export function resolveSeed(seed: SandboxOptions["seed"]): number {
  if (seed === undefined) return 1;
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) throw new TypeError("seed must be a finite number or a string");
    return seed >>> 0;
  }
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (Math.imul(h, 31) + seed.charCodeAt(i)) >>> 0;
  return h;
}
