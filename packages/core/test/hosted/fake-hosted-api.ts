/**
 * A scriptable HTTP server speaking the hosted API's wire format, for testing the client's side of
 * the protocol (token lifetime, headers, error mapping) without the real server package.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };
export type Handler = (request: RecordedRequest) => Reply | undefined;

export interface FakeHostedApi {
  url: string;
  requests: RecordedRequest[];
  tokensIssued: number;
  expiresIn: number | undefined;
  /** Tokens the fake accepts; cleared to simulate a revoked token. */
  validTokens: Set<string>;
  /** Per-test override; return undefined to fall through to the defaults. */
  handler: Handler | undefined;
  connectors: Array<{ id: string; name: string; workspace_name: string; connector_type: string }>;
  close(): Promise<void>;
}

export async function startFakeHostedApi(): Promise<FakeHostedApi> {
  const api: FakeHostedApi = {
    url: "",
    requests: [],
    tokensIssued: 0,
    expiresIn: 900,
    validTokens: new Set(),
    handler: undefined,
    connectors: [],
    close: async () => {},
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    api.requests.push(recorded);
    const reply = api.handler?.(recorded) ?? defaultReply(api, recorded);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => new Promise((resolve) => server.close(() => resolve()));
  return api;
}

function defaultReply(api: FakeHostedApi, request: RecordedRequest): Reply {
  if (request.path === "/api/v1/account/applications/token") {
    const body = request.body as { client_id?: string; client_secret?: string };
    if (body?.client_id !== "app-id" || body?.client_secret !== "app-secret") {
      return {
        status: 401,
        body: {
          error: { type: "authentication_error", message: "bad client", source: "server", retryable: false },
        },
      };
    }
    api.tokensIssued += 1;
    const token = `token-${api.tokensIssued}`;
    api.validTokens.add(token);
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: "Bearer",
        ...(api.expiresIn === undefined ? {} : { expires_in: api.expiresIn }),
      },
    };
  }
  const auth = request.headers.authorization ?? "";
  if (!api.validTokens.has(auth.replace(/^Bearer /, ""))) {
    return {
      status: 401,
      body: {
        error: { type: "authentication_error", message: "token expired", source: "server", retryable: false },
      },
    };
  }
  if (request.path === "/api/v1/integrations/connectors" && request.method === "GET") {
    const ws = request.query.get("workspace_name");
    return {
      status: 200,
      body: { data: api.connectors.filter((c) => ws === null || c.workspace_name === ws) },
    };
  }
  const execute = /^\/api\/v1\/integrations\/connectors\/([^/]+)\/execute$/.exec(request.path);
  if (execute) {
    const body = request.body as { entity: string; action: string; params: unknown };
    return {
      status: 200,
      body: {
        status: "success",
        result: [{ entity: body.entity, action: body.action, params: body.params }],
        connector_metadata: { hasMore: false },
        execution_metadata: { connector_instance_id: execute[1], execution_time_ms: 3 },
      },
    };
  }
  return { status: 404, body: { detail: "Not Found" } };
}
