import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "../auth/credentials.js";
import { AUTHORIZE_PATH, authorize, generateCustomerToken, TOKEN_PATH } from "../auth/oauth-routes.js";
import type { OAuthState } from "../auth/oauth-state.js";
import type { Dataset } from "../data/dataset.js";
import { rngFor } from "../data/random.js";
import type { WriteStore } from "../data/store.js";
import { GongHttpError } from "../gong/errors.js";
import type { ActiveFault, Faults } from "../hooks/faults.js";
import type { RateLimiter } from "../hooks/rate-limit.js";
import { type LoggedRequest, maskFields, maskHeaders, type RequestLog } from "../hooks/request-log.js";
import { MEDIA_PREFIX, type MediaSigner } from "../media/media.js";
import { stringifyJson } from "./json.js";
import { jsonRaw, type RawReply } from "./raw.js";
import type { Router } from "./router.js";
import type { Listener, RouteContext } from "./types.js";

export interface ServerState {
  seed: number;
  data: Dataset;
  store: WriteStore;
  nowMs: number;
  keys: { accessKey: string; accessKeySecret: string };
  oauth: OAuthState;
  media: MediaSigner;
  log: RequestLog;
  faults: Faults;
  limiter: RateLimiter | undefined;
  router: Router;
  /** describes the sandbox at `GET /` (no secrets) */
  info(): Record<string, unknown>;
  /** timers of slow or hanging answers, cleared on close */
  timers: Set<NodeJS.Timeout>;
  /** arrival counter shared by both listeners (request ids derive from it) */
  nextSeq(): number;
}

const JSON_TYPE = "application/json; charset=utf-8";
const MAX_BODY = 20 * 1024 * 1024;
const GONG_STATUS_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Access denied",
  402: "Payment required: not enough Gong credits",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  429: "Too many requests: API rate limit exceeded",
  500: "Internal server error",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

interface ParsedBody {
  value: unknown;
  invalidJson: boolean;
  form: Record<string, string>;
}

function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { value: undefined, invalidJson: false, form: {} };
  const text = raw.toString("utf8");
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams(text));
    return { value: form, invalidJson: false, form };
  }
  if (type.includes("json") || type === "" || /^\s*[[{]/.test(text)) {
    try {
      const value = JSON.parse(text) as unknown;
      const form: Record<string, string> = {};
      if (value && typeof value === "object" && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) if (typeof v === "string") form[k] = v;
      }
      return { value, invalidJson: false, form };
    } catch {
      return { value: text, invalidJson: true, form: {} };
    }
  }
  return { value: text, invalidJson: false, form: {} };
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of query) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function gongError(
  requestId: string,
  status: number,
  errors: readonly string[],
  headers: Record<string, string> = {},
): RawReply {
  return {
    status,
    headers: { "content-type": JSON_TYPE, ...headers },
    body: stringifyJson({ requestId, errors }),
  };
}

/** The request pipeline shared by both listeners: log, faults, then OAuth, media or the API. */
export function createRequestHandler(state: ServerState, listener: Listener) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        handle(state, listener, state.nextSeq(), req, res, Buffer.concat(chunks), size > MAX_BODY);
      } catch (error) {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": JSON_TYPE });
          res.end(
            JSON.stringify({
              requestId: "sandbox",
              errors: [`Sandbox failure: ${(error as Error).message}`],
            }),
          );
        }
      }
    });
    req.on("error", () => res.destroy());
  };
}

function handle(
  state: ServerState,
  listener: Listener,
  seq: number,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  tooLarge: boolean,
): void {
  const started = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? "" : target.slice(q + 1));
  const requestId = rngFor(state.seed, "request", seq).alnum(19);
  const parsed = parseBody(raw, req.headers["content-type"]);
  const maskedBody =
    parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value)
      ? maskFields(parsed.value as Record<string, unknown>)
      : parsed.value;
  const entry: LoggedRequest = {
    seq,
    time: new Date().toISOString(),
    method,
    path,
    query: maskFields(queryObject(query)),
    headers: maskHeaders(req.headers),
    body: maskedBody,
    listener,
    host: req.headers.host ?? "",
  };
  state.log.add(entry);

  const fault = state.faults.take(method, path);
  if (fault) entry.fault = fault.kind;
  const finish = (reply: RawReply | undefined) => {
    if (reply) {
      entry.status = reply.status;
      const body = typeof reply.body === "string" ? reply.body : undefined;
      if (body?.startsWith('{"requestId":"')) entry.requestId = requestId;
    }
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
  };

  if (fault && (fault.kind === "status" || fault.kind === "reset" || fault.kind === "hang")) {
    finish(applyImmediateFault(state, fault, requestId, res));
    return;
  }

  let reply: RawReply;
  try {
    reply = route(state, listener, { method, path, query, req, parsed, requestId, tooLarge });
  } catch (error) {
    reply =
      error instanceof GongHttpError
        ? gongError(requestId, error.status, error.errors, { ...error.headers })
        : gongError(requestId, 500, [`Internal error in the sandbox: ${(error as Error).message}`]);
  }
  deliver(state, res, reply, fault);
  finish(fault?.kind === "malformedJson" ? { ...reply, status: 200 } : reply);
}

function applyImmediateFault(
  state: ServerState,
  fault: ActiveFault,
  requestId: string,
  res: ServerResponse,
): RawReply | undefined {
  const spec = fault.spec;
  if (fault.kind === "reset") {
    res.socket?.resetAndDestroy();
    return undefined;
  }
  if (fault.kind === "hang") {
    if (spec.delayMs !== undefined) {
      const timer = setTimeout(() => {
        state.timers.delete(timer);
        res.socket?.destroy();
      }, spec.delayMs);
      state.timers.add(timer);
    }
    return undefined;
  }
  const status = spec.status ?? 500;
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  const retryAfter = spec.retryAfter ?? (status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  const reply: RawReply =
    spec.body === undefined
      ? gongError(requestId, status, [GONG_STATUS_TEXT[status] ?? `Error ${status}`], headers)
      : typeof spec.body === "string"
        ? { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers }, body: spec.body }
        : { status, headers: { "content-type": JSON_TYPE, ...headers }, body: stringifyJson(spec.body) };
  deliver(state, res, reply, fault);
  return reply;
}

function deliver(
  state: ServerState,
  res: ServerResponse,
  reply: RawReply,
  fault: ActiveFault | undefined,
): void {
  let body = typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body;
  let status = reply.status;
  const headers: Record<string, string> = { ...reply.headers };
  if (fault?.kind === "malformedJson") {
    status = 200;
    headers["content-type"] = JSON_TYPE;
    delete headers["content-range"];
    const cut = body.length > 2 ? Math.floor(body.length / 2) : 1;
    body = Buffer.from(
      body
        .subarray(0, cut)
        .toString("utf8")
        .replace(/\uFFFD$/, "") || "{",
    );
  }
  if (headers["content-length"] === undefined || fault?.kind === "malformedJson")
    headers["content-length"] = String(body.length);
  const waitMs =
    fault?.kind === "delay"
      ? (fault.spec.delayMs ?? 1000)
      : fault?.kind === "status"
        ? fault.spec.delayMs
        : undefined;
  if (waitMs !== undefined && waitMs > 0) {
    // Answer late: nothing is sent until the delay has passed.
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      if (!res.destroyed) {
        res.writeHead(status, headers);
        res.end(body);
      }
    }, waitMs);
    state.timers.add(timer);
    return;
  }
  res.writeHead(status, headers);
  if (fault?.kind === "slowBody" && body.length > 1) {
    const half = Math.floor(body.length / 2);
    res.write(body.subarray(0, half));
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      if (!res.destroyed) res.end(body.subarray(half));
    }, fault.spec.delayMs ?? 1500);
    state.timers.add(timer);
    return;
  }
  res.end(body);
}

interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  req: IncomingMessage;
  parsed: ParsedBody;
  requestId: string;
  tooLarge: boolean;
}

function route(state: ServerState, listener: Listener, incoming: Incoming): RawReply {
  const { method, path, query, req, parsed, requestId } = incoming;
  if (path.startsWith("/v2/") || path === "/v2") return api(state, listener, incoming);
  if (path === AUTHORIZE_PATH || path === TOKEN_PATH) {
    const request = { method, query, form: parsed.form, authorization: req.headers.authorization };
    return path === AUTHORIZE_PATH
      ? authorize(state.oauth, request)
      : generateCustomerToken(state.oauth, request);
  }
  if (path.startsWith(MEDIA_PREFIX)) return state.media.serve(state.data, method, path, query, req.headers);
  if (path === "/" && method === "GET") return jsonRaw(200, state.info());
  return gongError(requestId, 404, [`No such path: ${path}. The Gong API lives under /v2/`]);
}

function api(state: ServerState, listener: Listener, incoming: Incoming): RawReply {
  const { method, path, query, req, parsed, requestId } = incoming;
  const principal = authenticate(req.headers.authorization, listener, state.keys, state.oauth);
  if (state.limiter) {
    const wait = state.limiter.acquire();
    if (wait > 0) {
      throw new GongHttpError(
        429,
        ["API request rate limit exceeded: slow down and retry after the Retry-After header"],
        {
          "retry-after": String(wait),
        },
      );
    }
  }
  const match = state.router.match(method, path);
  if (!match) {
    const methods = state.router.methodsFor(path);
    throw new GongHttpError(404, [
      methods.length > 0
        ? `${method} ${path} is not served; this path answers ${[...new Set(methods)].join(", ")}`
        : `No such endpoint: ${method} ${path}`,
    ]);
  }
  if (principal.kind === "bearer" && !principal.scopes.has(match.route.scope)) {
    throw new GongHttpError(403, [
      `The access token lacks the scope ${match.route.scope} required by ${method} ${path}`,
    ]);
  }
  if (incoming.tooLarge) throw new GongHttpError(400, ["Request body is too large"]);
  if (parsed.invalidJson) throw new GongHttpError(400, ["Request body is not valid JSON"]);
  const ctx: RouteContext = {
    method,
    path,
    query,
    body: parsed.value,
    params: match.params,
    data: state.data,
    store: state.store,
    nowMs: state.nowMs,
    mediaUrl: (callId, kind) => state.media.url(callId, kind),
  };
  const reply = match.route.handler(ctx);
  return {
    status: reply.status ?? 200,
    headers: { "content-type": JSON_TYPE, ...(reply.headers ?? {}) },
    body: stringifyJson(reply.bare ? reply.body : { requestId, ...reply.body }),
  };
}
