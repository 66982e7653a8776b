/** Starts a server on 127.0.0.1:0 with a temporary database and captured log lines. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type RunningServer, type ServerOptions, startServer } from "../../src/index.js";

export interface Harness {
  server: RunningServer;
  dir: string;
  dbPath: string;
  key: string;
  logs: string[];
  close(): Promise<void>;
}

/** Restarts the server of a harness on the same database, key and log. */
export async function restartHarness(h: Harness, options: Partial<ServerOptions> = {}): Promise<void> {
  await h.server.close();
  h.server = await startServer({
    port: 0,
    dbPath: h.dbPath,
    encryptionKey: h.key,
    logger: createLogger({ level: "debug", write: (line) => h.logs.push(line) }),
    env: {},
    ...options,
  });
}

export async function startHarness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "gong-agent-server-"));
  const dbPath = join(dir, "server.db");
  const key = randomBytes(32).toString("base64");
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    dbPath,
    encryptionKey: key,
    logger: createLogger({ level: "debug", write: (line) => logs.push(line) }),
    env: {},
    ...options,
  });
  const harness: Harness = {
    server,
    dir,
    dbPath,
    key,
    logs,
    async close() {
      await harness.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export async function requestJson(
  url: string,
  init: {
    method?: string;
    token?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on their fields
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers["authorization"] = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.rawBody ?? (init.body === undefined ? null : JSON.stringify(init.body)),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep text
  }
  return { status: response.status, body, headers: response.headers };
}

export async function applicationToken(url: string, clientId: string, clientSecret: string): Promise<string> {
  const { status, body } = await requestJson(`${url}/api/v1/account/applications/token`, {
    method: "POST",
    body: { client_id: clientId, client_secret: clientSecret },
  });
  if (status !== 200) throw new Error(`token request failed: ${status}`);
  return body.access_token as string;
}
