/** Private calls (`isPrivate: true`) are left out of what the connector returns unless `includePrivate`. */
import { GongAuthenticationError, GongPermissionError } from "../errors.js";
import { isPlainObject } from "../params/normalize.js";
import type { GongClient } from "../transport/types.js";

/** Only an explicit `true` hides a record; a record without the flag is kept. */
export function isPrivateRecord(record: unknown, flagPath: string): boolean {
  let current: unknown = record;
  for (const part of flagPath.split(".")) {
    if (!isPlainObject(current)) return false;
    current = current[part];
  }
  return current === true;
}

export function dropPrivateRecords(
  records: unknown[],
  flagPath: string,
): { kept: unknown[]; omitted: number } {
  const kept = records.filter((record) => !isPrivateRecord(record, flagPath));
  return { kept, omitted: records.length - kept.length };
}

const LOOKUP_CHUNK = 100;

/**
 * Which of these calls are private, read from `/v2/calls/extensive` (one request per 100 calls) for
 * records that do not carry the flag themselves (transcripts). Fails closed: when the lookup is refused,
 * the caller gets an error saying how to proceed, never records that might be private.
 */
export async function findPrivateCalls(
  client: GongClient,
  callIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (let start = 0; start < callIds.length; start += LOOKUP_CHUNK) {
    const response = await client
      .request<Record<string, unknown>>({
        method: "POST",
        path: "/v2/calls/extensive",
        body: { filter: { callIds: callIds.slice(start, start + LOOKUP_CHUNK) }, contentSelector: {} },
        idempotent: true,
        ...(signal ? { signal } : {}),
      })
      .catch((error: unknown) => {
        if (error instanceof GongPermissionError || error instanceof GongAuthenticationError) {
          throw new GongPermissionError(
            `Cannot tell which of these calls are private: reading their flags on /v2/calls/extensive was refused (${error.message}). Give the key scope api:calls:read:extensive, or create the connector with includePrivate: true if private calls may be shown.`,
            {
              status: error.status,
              requestId: error.requestId,
              method: "POST",
              path: "/v2/calls/extensive",
              cause: error,
            },
          );
        }
        throw error;
      });
    if (response.emptyResult) continue;
    const calls = response.data?.["calls"];
    for (const call of Array.isArray(calls) ? calls : []) {
      const meta = isPlainObject(call) ? call["metaData"] : undefined;
      if (isPlainObject(meta) && meta["isPrivate"] === true && typeof meta["id"] === "string") {
        hidden.add(meta["id"]);
      }
    }
  }
  return hidden;
}
