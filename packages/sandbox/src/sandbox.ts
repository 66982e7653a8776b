import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AUTHORIZE_PATH, TOKEN_PATH } from "./auth/oauth-routes.js";
import { OAuthState } from "./auth/oauth-state.js";
import { Dataset } from "./data/dataset.js";
import { rngFor } from "./data/random.js";
import { sampleIds } from "./data/settings.js";
import { WriteStore } from "./data/store.js";
import { isoDateTime } from "./gong/dates.js";
import { Faults } from "./hooks/faults.js";
import { RateLimiter } from "./hooks/rate-limit.js";
import { RequestLog } from "./hooks/request-log.js";
import { Router } from "./http/router.js";
import { createRequestHandler, type ServerState } from "./http/server.js";
import { MediaSigner } from "./media/media.js";
import { resolveNow, resolveSeed, resolveSize, type SandboxOptions } from "./options.js";
import { allScopes, apiRoutes } from "./routes/index.js";

export interface SandboxOAuth {
  clientId: string;
  clientSecret: string;
  /** a valid refresh token for the tenant, with every scope (single use, like all refresh tokens) */
  refreshToken: string;
  /** the consent page: `GET` with client_id, response_type=code, redirect_uri, scope, state */
  authorizeUrl: string;
  /** `POST` with Basic client auth and grant parameters in the query */
  tokenUrl: string;
  /** the tenant host returned as `api_base_url_for_customer`; Bearer tokens work only here */
  apiBaseUrl: string;
  /** registered redirect URIs, when restricted */
  redirectUris?: string[];
  /** every scope the sandbox knows, space separated */
  scopes: string;
}

export interface SandboxDataSummary {
  seed: number;
  /** the moment the data is relative to */
  now: string;
  userCount: number;
  callCount: number;
  workspaces: Array<{ id: string; name: string }>;
  /** external accounts calls are held with, busiest first in the list */
  accounts: string[];
  /** first and last call start */
  callsFrom: string | undefined;
  callsTo: string | undefined;
  /** ids of seeded objects that only writes would otherwise create */
  samples: { crmClientRequestId: string; bulkAssignmentId: string };
}

export interface Sandbox {
  /** default API host (access keys), OAuth pages and media, e.g. `http://127.0.0.1:51234` */
  url: string;
  accessKey: string;
  accessKeySecret: string;
  oauth: SandboxOAuth;
  /** every request that arrived, credentials masked */
  requests: RequestLog;
  /** queue misbehaviour for the next requests */
  faults: Faults;
  /** what was generated */
  data: SandboxDataSummary;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE"
          ? `port ${port} on ${host} is already in use; pick another ${what} or 0 for any free port`
          : error.message;
      reject(new Error(`The sandbox could not listen (${what}): ${reason}`, { cause: error }));
    };
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Starts a local Gong API v2 on two listeners: `url` (access keys, OAuth, media) and the tenant
 * host `oauth.apiBaseUrl` (access keys and OAuth Bearer tokens).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = resolveSeed(options.seed);
  const nowMs = resolveNow(options.now);
  const size = resolveSize(options.dataSize);
  const host = options.host ?? "127.0.0.1";
  const ttl = options.tokenTtlSeconds ?? 3600;
  if (!Number.isFinite(ttl) || ttl <= 0)
    throw new TypeError("tokenTtlSeconds must be a positive number of seconds");
  if (options.aiCredits !== undefined && !(options.aiCredits >= 0)) {
    throw new TypeError("aiCredits must be a number of credits, 0 or more");
  }

  const data = new Dataset({ seed, nowMs, callCount: size.calls, userCount: size.users });
  const keyRng = rngFor(seed, "access-key");
  const keys = {
    accessKey: options.accessKey ?? keyRng.alnum(32).toUpperCase(),
    accessKeySecret: options.accessKeySecret ?? `eyJhbGciOiJIUzI1NiJ9.${keyRng.alnum(64)}`,
  };
  let url = "";
  let tenantUrl = "";
  const scopes = allScopes();
  const oauth = new OAuthState(seed, scopes, ttl, options.redirectUris, () => tenantUrl);
  const media = new MediaSigner(seed, () => url);
  const router = new Router(apiRoutes);
  const summary: SandboxDataSummary = {
    seed,
    now: new Date(nowMs).toISOString(),
    userCount: data.users.length,
    callCount: data.callCount,
    workspaces: data.workspaces.map((w) => ({ id: w.id, name: w.name })),
    accounts: data.accounts.map((a) => a.name),
    callsFrom: data.callCount > 0 ? isoDateTime(data.callStartMs(0)) : undefined,
    callsTo: data.callCount > 0 ? isoDateTime(data.callStartMs(data.callCount - 1)) : undefined,
    samples: sampleIds(seed),
  };
  let seq = 0;
  const state: ServerState = {
    seed,
    data,
    store: new WriteStore(seed, options.aiCredits),
    nowMs,
    keys,
    oauth,
    media,
    log: new RequestLog(options.requestLogLimit ?? 10_000),
    faults: new Faults(),
    limiter: options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? {}),
    router,
    timers: new Set(),
    nextSeq: () => ++seq,
    info: () => ({
      name: "Gong API v2 sandbox",
      apiBaseUrl: url,
      tenantApiBaseUrl: tenantUrl,
      authorizeUrl: `${url}${AUTHORIZE_PATH}`,
      tokenUrl: `${url}${TOKEN_PATH}`,
      operations: router.all.map((r) => `${r.method} ${r.path}`),
      data: summary,
    }),
  };

  const main = createServer({ keepAliveTimeout: 10_000 }, createRequestHandler(state, "default"));
  const tenant = createServer({ keepAliveTimeout: 10_000 }, createRequestHandler(state, "tenant"));
  const mainPort = await listen(main, options.port ?? 0, host, "port");
  let tenantPort: number;
  try {
    tenantPort = await listen(tenant, options.tenantPort ?? 0, host, "tenantPort");
  } catch (error) {
    await closeServer(main);
    throw error;
  }
  url = urlFor(host, mainPort);
  tenantUrl = urlFor(host, tenantPort);

  let closed: Promise<void> | undefined;
  return {
    url,
    accessKey: keys.accessKey,
    accessKeySecret: keys.accessKeySecret,
    oauth: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      refreshToken: oauth.initialRefreshToken,
      authorizeUrl: `${url}${AUTHORIZE_PATH}`,
      tokenUrl: `${url}${TOKEN_PATH}`,
      apiBaseUrl: tenantUrl,
      ...(options.redirectUris ? { redirectUris: [...options.redirectUris] } : {}),
      scopes,
    },
    requests: state.log,
    faults: state.faults,
    data: summary,
    close() {
      closed ??= (async () => {
        for (const timer of state.timers) clearTimeout(timer);
        state.timers.clear();
        await Promise.all([closeServer(main), closeServer(tenant)]);
      })();
      return closed;
    },
  };
}
