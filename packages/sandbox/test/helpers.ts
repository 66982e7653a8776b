// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import type { Sandbox } from "../src/index.ts";

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export function basicAuth(sandbox: Sandbox): string {
  return `Basic ${Buffer.from(`${sandbox.accessKey}:${sandbox.accessKeySecret}`).toString("base64")}`;
}

/** One HTTP call; the JSON body is parsed when there is one. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; authorization?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.authorization) headers.authorization = options.authorization;
  if (options.body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
    redirect: "manual",
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A client bound to a sandbox with its access key. */
export function client(sandbox: Sandbox, base = sandbox.url) {
  const authorization = basicAuth(sandbox);
  return {
    get: (path: string) => call(base, "GET", path, { authorization }),
    post: (path: string, body: unknown) => call(base, "POST", path, { authorization, body }),
    request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      call(base, method, path, { authorization, body, ...(headers ? { headers } : {}) }),
  };
}

/** Every record of a paged list, following cursors in the query (GET) or the body (POST). */
export async function collect(
  api: ReturnType<typeof client>,
  method: "GET" | "POST",
  path: string,
  key: string,
  body: Record<string, unknown> = {},
): Promise<{ records: any[]; pages: ApiResult[] }> {
  const records: any[] = [];
  const pages: ApiResult[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 10_000; n++) {
    const result =
      method === "GET"
        ? await api.get(
            cursor ? `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}` : path,
          )
        : await api.post(path, cursor ? { ...body, cursor } : body);
    if (result.status !== 200) throw new Error(`${method} ${path} answered ${result.status}: ${result.text}`);
    pages.push(result);
    records.push(...result.json[key]);
    cursor = result.json.records?.cursor;
    if (!cursor) break;
  }
  return { records, pages };
}

export const NOW = "2026-11-15T12:00:00Z";
