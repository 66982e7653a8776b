/**
 * Reads the sandbox over plain HTTP, without core, to know what the right answers are. Scenarios
 * compare what the model received against these answers, so a bug in core cannot confirm itself.
 */
import type { SandboxConnection } from "./driver.js";

interface CallsPage {
  calls?: Array<{ id: string; started?: string; isPrivate?: boolean }>;
  records?: { cursor?: string; totalRecords?: number };
}

function authorization(connection: SandboxConnection): string {
  return `Basic ${Buffer.from(`${connection.accessKey}:${connection.accessKeySecret}`).toString("base64")}`;
}

/** Every call whose start is in [from, to), following Gong's cursor, as the raw API lists them. */
export async function listCallsDirect(
  connection: SandboxConnection,
  range: { fromDateTime: string; toDateTime: string },
): Promise<Array<{ id: string; started?: string; isPrivate?: boolean }>> {
  const calls: Array<{ id: string; started?: string; isPrivate?: boolean }> = [];
  let cursor: string | undefined;
  do {
    const url = new URL("/v2/calls", connection.baseUrl);
    url.searchParams.set("fromDateTime", range.fromDateTime);
    url.searchParams.set("toDateTime", range.toDateTime);
    if (cursor) url.searchParams.set("cursor", cursor);
    const response = await fetch(url, { headers: { authorization: authorization(connection) } });
    if (response.status === 404) return calls;
    if (!response.ok) throw new Error(`sandbox answered ${response.status} to ${url.pathname}`);
    const page = (await response.json()) as CallsPage;
    calls.push(...(page.calls ?? []));
    cursor = page.records?.cursor;
  } while (cursor);
  return calls;
}
