/** One request as it reached the sandbox, with credentials masked. */
export interface LoggedRequest {
  /** 1-based arrival order since the sandbox started (not reset by clear()) */
  seq: number;
  /** ISO time of arrival (wall clock) */
  time: string;
  method: string;
  /** path without the query string, e.g. `/v2/calls/extensive` */
  path: string;
  /** query parameters; repeated keys become arrays */
  query: Record<string, string | string[]>;
  /** lower-case header names; Authorization and other secrets masked */
  headers: Record<string, string>;
  /** parsed JSON body, a masked form body as an object, raw text otherwise, or undefined when empty */
  body: unknown;
  /** which listener received it: `default` (the `url`) or `tenant` (`oauth.apiBaseUrl`) */
  listener: "default" | "tenant";
  /** the Host header */
  host: string;
  /** HTTP status answered; undefined while pending, or when the connection was reset or left hanging */
  status?: number;
  /** the request id answered in the body, when the answer was JSON */
  requestId?: string;
  /** the fault that was applied, if any */
  fault?: string;
  durationMs?: number;
}

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);
const SECRET_FIELDS = new Set([
  "client_secret",
  "refresh_token",
  "access_token",
  "code",
  "code_verifier",
  "password",
]);

export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    if (SECRET_HEADERS.has(name)) {
      const scheme = /^(\w+)\s/.exec(text)?.[1];
      out[name] = scheme ? `${scheme} ***` : "***";
    } else {
      out[name] = text;
    }
  }
  return out;
}

export function maskFields<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = SECRET_FIELDS.has(key) ? "***" : value;
  return out as T;
}

/**
 * The log of what arrived, newest last. Bounded (oldest entries are dropped past `limit`) so a
 * long benchmark cannot exhaust memory.
 */
export class RequestLog implements Iterable<LoggedRequest> {
  private items: LoggedRequest[] = [];

  constructor(private readonly limit = 10_000) {}

  /** @internal */
  add(entry: LoggedRequest): void {
    this.items.push(entry);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
  }

  /** A copy of the entries, oldest first. */
  get all(): LoggedRequest[] {
    return this.items.slice();
  }

  get length(): number {
    return this.items.length;
  }

  last(): LoggedRequest | undefined {
    return this.items[this.items.length - 1];
  }

  filter(predicate: (entry: LoggedRequest) => boolean): LoggedRequest[] {
    return this.items.filter(predicate);
  }

  find(predicate: (entry: LoggedRequest) => boolean): LoggedRequest | undefined {
    return this.items.find(predicate);
  }

  /** Entries whose path equals `path` (and method, when given). */
  forPath(path: string, method?: string): LoggedRequest[] {
    const m = method?.toUpperCase();
    return this.items.filter((e) => e.path === path && (m === undefined || e.method === m));
  }

  clear(): void {
    this.items = [];
  }

  [Symbol.iterator](): Iterator<LoggedRequest> {
    return this.items.slice()[Symbol.iterator]();
  }
}
