/**
 * createServer / startServer: wires storage, encryption, application auth, routes and execution into
 * one node:http server speaking the hosted API.
 */
import { randomUUID } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { hostedErrorResponse, type RateLimitOptions } from "@gong-agent/core";
import {
  ApplicationAuth,
  createApplication,
  createOrganizationRecord,
  type NewApplication,
  type NewOrganization,
} from "./auth/applications.js";
import { ConnectorService } from "./connectors/service.js";
import { loadEncryptionKey, loadPreviousKeys } from "./crypto/keys.js";
import { SecretBox } from "./crypto/secret-box.js";
import { ConnectorPool } from "./execution/connector-pool.js";
import { HttpError } from "./http/errors.js";
import { sendJson } from "./http/io.js";
import { Router } from "./http/router.js";
import { createLogger, type LogLevel, type ServerLogger } from "./logger.js";
import { applicationRoutes } from "./routes/applications.js";
import { connectorRoutes } from "./routes/connectors.js";
import { type OAuthAppSettings, oauthRoutes } from "./routes/oauth.js";
import { organizationRoutes } from "./routes/organizations.js";
import { SqliteStorage } from "./storage/sqlite.js";
import type { Storage } from "./storage/types.js";

export const GONG_AUTHORIZE_URL = "https://app.gong.io/oauth2/authorize";
export const GONG_TOKEN_URL = "https://app.gong.io/oauth2/generate-customer-token";

export interface ServerOptions {
  /** Port to listen on (0 = any free port). Default 8787. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1; use 0.0.0.0 behind a TLS-terminating proxy. */
  host?: string;
  /** SQLite file. Default `gong-agent-server.db` in the working directory; `:memory:` for tests. */
  dbPath?: string;
  /** A ready storage (e.g. Postgres later) instead of SQLite at dbPath. */
  storage?: Storage;
  /** 32-byte key (base64, hex or bytes). Default: GONG_AGENT_SERVER_KEY or GONG_AGENT_SERVER_KEY_FILE. */
  encryptionKey?: string | Uint8Array;
  /** Keys used before a rotation, accepted for reading. Default: GONG_AGENT_SERVER_PREVIOUS_KEYS (comma-separated). */
  previousEncryptionKeys?: readonly (string | Uint8Array)[];
  /** Allows starting without a key (a generated one is kept next to the database) and plain-http Gong URLs. */
  dev?: boolean;
  /** Gong API host for connectors that do not name one. Default https://api.gong.io. */
  gongBaseUrl?: string;
  /** Gong's OAuth token endpoint. Default Gong's. */
  gongTokenUrl?: string;
  /** Gong's OAuth authorize page. Default Gong's. */
  gongAuthorizeUrl?: string;
  /** The Gong OAuth app for the connect flow; without it `oauth/initiate` answers 501. */
  gongOAuth?: { clientId: string; clientSecret: string; scope?: string };
  /** Options of the Gong HTTP client used for executions. */
  gongClient?: {
    rateLimit?: RateLimitOptions | false;
    timeoutMs?: number;
    maxRetries?: number;
    fetch?: typeof fetch;
  };
  /** Lifetime of application bearer tokens in seconds. Default 900. */
  tokenTtlSeconds?: number;
  /** URL browsers reach this server at (for the OAuth callback). Default: derived from the listening address. */
  publicUrl?: string;
  logger?: ServerLogger;
  logLevel?: LogLevel;
  /** Environment to read keys from (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface GongAgentServer {
  /** The node:http server (not listening until `listen`). */
  readonly http: Server;
  readonly storage: Storage;
  /** Bootstrap: a new organization with one application client. The secret is returned once. */
  createOrganization(name: string, applicationName?: string): Promise<NewOrganization>;
  /** Another application client for an existing organization. */
  createApplication(organizationId: string, name?: string): Promise<NewApplication>;
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

export interface RunningServer extends GongAgentServer {
  url: string;
  port: number;
}

export function createServer(options: ServerOptions = {}): GongAgentServer {
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? "info" });
  const dbPath = options.dbPath ?? "gong-agent-server.db";
  const { key, origin } = loadEncryptionKey({
    encryptionKey: options.encryptionKey,
    dev: options.dev,
    dbPath,
    env: options.env ?? process.env,
  });
  if (origin.startsWith("dev")) logger.warn("Dev mode: using a generated encryption key", { origin });
  const box = new SecretBox(
    key,
    loadPreviousKeys(options.previousEncryptionKeys, options.env ?? process.env),
  );
  const storage = options.storage ?? new SqliteStorage(dbPath);
  const auth = new ApplicationAuth(storage, options.tokenTtlSeconds ?? 900);
  const tokenUrl = options.gongTokenUrl ?? GONG_TOKEN_URL;
  const pool = new ConnectorPool(
    storage,
    box,
    {
      baseUrl: options.gongBaseUrl,
      tokenUrl,
      oauthClient: options.gongOAuth,
      ...(options.gongClient ?? {}),
    },
    logger,
  );
  const connectors = new ConnectorService(storage, box, pool);
  const urlPolicy = {
    trusted: [options.gongBaseUrl, options.gongTokenUrl].filter((u): u is string => typeof u === "string"),
    allowHttp: options.dev === true,
  };

  let listeningUrl = "";
  const publicUrl = () => (options.publicUrl ?? listeningUrl).replace(/\/+$/, "");
  const oauthApp: OAuthAppSettings | undefined = options.gongOAuth && {
    clientId: options.gongOAuth.clientId,
    clientSecret: options.gongOAuth.clientSecret,
    authorizeUrl: options.gongAuthorizeUrl ?? GONG_AUTHORIZE_URL,
    tokenUrl,
    scope: options.gongOAuth.scope,
  };

  const router = new Router();
  router.add("GET", "/health", async ({ res }) => sendJson(res, 200, { status: "ok" }));
  applicationRoutes(router, auth);
  organizationRoutes(router, auth, storage);
  oauthRoutes(router, {
    auth,
    connectors,
    storage,
    logger,
    app: oauthApp,
    publicUrl,
    fetch: options.gongClient?.fetch,
  });
  connectorRoutes(router, auth, connectors, urlPolicy);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      const { handler, params } = router.match(req.method ?? "GET", url.pathname);
      await handler({ req, res, url, params });
    } catch (error) {
      respondWithError(res, error, logger, requestId);
    } finally {
      // Path only: query strings can hold OAuth codes and states.
      logger.info("request", {
        requestId,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    }
  };

  const http = createHttpServer((req, res) => {
    void handle(req, res);
  });

  return {
    http,
    storage,
    createOrganization: (name, applicationName) => createOrganizationRecord(storage, name, applicationName),
    createApplication: (organizationId, name) => createApplication(storage, organizationId, name),
    async listen(port = options.port ?? 8787, host = options.host ?? "127.0.0.1") {
      await new Promise<void>((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          http.off("error", reject);
          resolve();
        });
      });
      const address = http.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      listeningUrl = `http://${shownHost === "0.0.0.0" ? "127.0.0.1" : shownHost}:${address.port}`;
      logger.info("listening", { url: listeningUrl });
      return { url: listeningUrl, port: address.port };
    },
    async close() {
      if (http.listening) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
      await storage.close();
    },
  };
}

/** Creates the server and starts listening. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const server = createServer(options);
  try {
    const { url, port } = await server.listen();
    return Object.assign(server, { url, port });
  } catch (error) {
    await server.storage.close();
    throw error;
  }
}

function respondWithError(
  res: ServerResponse,
  error: unknown,
  logger: ServerLogger,
  requestId: string,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendJson(res, error.status, error.toBody(), error.extra.headers);
    return;
  }
  const { status, body } = hostedErrorResponse(error, "gong");
  if (status === 500) {
    // Unknown failures: log the class and message for operators, answer a generic text.
    logger.error("request failed", {
      requestId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
  const headers: Record<string, string> = {};
  if (body.error.retry_after_ms !== undefined)
    headers["retry-after"] = String(Math.ceil(body.error.retry_after_ms / 1000));
  sendJson(res, status, body, headers);
}
