/**
 * Fault injection: queue misbehaviour for the next matching requests.
 *
 * - `status` (default kind when `status` is given): answer that status with Gong's error body (or
 *   `body`), plus `Retry-After` when `retryAfter` is set (429 gets `Retry-After: 1` by default).
 * - `reset`: destroy the connection without an answer (the client sees ECONNRESET / socket hang up).
 * - `hang`: accept the request and never answer (until the client gives up or the sandbox closes).
 * - `slowBody`: process the request normally, send the headers and half of the body, then wait
 *   `delayMs` (default 1500) before the rest.
 * - `malformedJson`: process the request normally, then answer 200 with a cut-off JSON body.
 * - `delay`: process the request normally and answer after `delayMs` (default 1000).
 * A `status` fault with `delayMs` answers its status after that delay.
 */
export type FaultKind = "status" | "reset" | "hang" | "slowBody" | "malformedJson" | "delay";

export interface FaultMatch {
  /** HTTP method, case-insensitive */
  method?: string;
  /** exact path, or a RegExp tested against the path (no query string) */
  path?: string | RegExp;
}

export interface FaultSpec {
  kind?: FaultKind;
  /** status to answer (kind `status`) */
  status?: number;
  /** Retry-After header value in seconds (or any string, sent as is) */
  retryAfter?: number | string;
  /** body to answer instead of Gong's error shape; objects are sent as JSON, strings as is */
  body?: unknown;
  /** extra response headers */
  headers?: Record<string, string>;
  /** how many matching requests this applies to (default 1) */
  times?: number;
  /** which requests it applies to (default: any request) */
  match?: FaultMatch | ((request: { method: string; path: string }) => boolean);
  /**
   * `slowBody`: pause before the second half of the body (ms); `hang`: reset after this long (default:
   * never); `delay` and `status`: wait this long before answering
   */
  delayMs?: number;
}

export interface ActiveFault extends Required<Pick<FaultSpec, "kind">> {
  spec: FaultSpec;
  remaining: number;
}

export interface FaultHandle {
  /** how many more requests this fault will affect */
  readonly remaining: number;
  cancel(): void;
}

export class Faults {
  private queue: ActiveFault[] = [];

  /** Queue a fault for the next matching request(s); faults apply in the order queued. */
  next(spec: FaultSpec): FaultHandle {
    const kind: FaultKind = spec.kind ?? "status";
    if (kind === "status" && (spec.status === undefined || spec.status < 100 || spec.status > 599)) {
      throw new TypeError("faults.next(): a status fault needs `status` between 100 and 599");
    }
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1)
      throw new TypeError("faults.next(): `times` must be a positive integer");
    const fault: ActiveFault = { kind, spec, remaining: times };
    this.queue.push(fault);
    const queue = () => this.queue;
    return {
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        fault.remaining = 0;
        this.queue = queue().filter((f) => f !== fault);
      },
    };
  }

  /** Remove every queued fault. */
  clear(): void {
    this.queue = [];
  }

  /** Number of requests still to be affected by queued faults. */
  get pending(): number {
    return this.queue.reduce((sum, f) => sum + f.remaining, 0);
  }

  /** @internal Take the first fault matching this request, consuming one use. */
  take(method: string, path: string): ActiveFault | undefined {
    const fault = this.queue.find((f) => f.remaining > 0 && matches(f.spec.match, method, path));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.queue = this.queue.filter((f) => f !== fault);
    return fault;
  }
}

function matches(match: FaultSpec["match"], method: string, path: string): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match({ method, path });
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path instanceof RegExp) return match.path.test(path);
  if (typeof match.path === "string") return match.path === path;
  return true;
}
