/** Gong's answers → `{ data, meta }`: records, list meta, empty results, single records. */
import type { ExecuteResult, ListMeta, OperationSpec } from "../catalog/types.js";
import { GongNotFoundError, GongPermissionError } from "../errors.js";
import { isPlainObject } from "../params/normalize.js";
import { dropPrivateRecords, isPrivateRecord } from "./private-calls.js";

export const EMPTY_RESULT_NOTE =
  "Gong found no records. Gong gives the same answer when the key cannot see these records: if you expected data, check the filters (dates, ids) and the key's permissions.";

export interface AnswerContext {
  spec: OperationSpec;
  /** `entity action`, for messages. */
  label: string;
  /** The params sent, for messages. */
  params: Record<string, unknown>;
  includePrivate: boolean;
}

export interface Answer {
  body: unknown;
  /** Gong's 404 "No … found": an empty result, not an error. */
  empty: boolean;
  requestId: string | undefined;
}

export function shapeAnswer(context: AnswerContext, answer: Answer): ExecuteResult {
  const { spec, label, params } = context;
  const body = isPlainObject(answer.body) ? answer.body : {};
  const requestId =
    answer.requestId ?? (typeof body["requestId"] === "string" ? body["requestId"] : undefined);
  if (spec.kind === "list") {
    if (answer.empty) {
      const meta: ListMeta = { hasMore: false, totalRecords: 0, note: EMPTY_RESULT_NOTE };
      if (requestId !== undefined) meta.requestId = requestId;
      return { data: [], meta };
    }
    const found = spec.records ? body[spec.records] : body;
    const records = Array.isArray(found) ? found : found === undefined || found === null ? [] : [found];
    const { kept, omitted } =
      spec.privateFlag && !context.includePrivate
        ? dropPrivateRecords(records, spec.privateFlag)
        : { kept: records, omitted: 0 };
    const meta = listMeta(body["records"], requestId);
    if (omitted > 0) meta.privateOmitted = omitted;
    const details = answerDetails(body, spec.records);
    if (details) meta.details = details;
    return { data: kept, meta };
  }
  if (answer.empty) {
    throw new GongNotFoundError(
      `${label}: Gong found nothing for ${describeTarget(params)}. It may not exist, or the key cannot see it.`,
      { status: 404, requestId, method: spec.method, path: spec.path },
    );
  }
  let data: unknown;
  if (spec.records) {
    data = body[spec.records];
  } else {
    const { requestId: _ignored, ...rest } = body;
    data = rest;
  }
  if (spec.privateFlag && !context.includePrivate && isPrivateRecord(data, spec.privateFlag)) {
    throw new GongPermissionError(
      `${label}: ${describeTarget(params)} is a private call. Private calls are hidden unless the connector is created with includePrivate: true.`,
      { status: 403, requestId, method: spec.method, path: spec.path },
    );
  }
  return requestId === undefined ? { data } : { data, meta: { requestId } };
}

function describeTarget(params: Record<string, unknown>): string {
  const keys = Object.entries(params)
    .filter(([, value]) => typeof value === "string" || typeof value === "number")
    .map(([key, value]) => `${key}=${String(value)}`);
  return keys.length > 0 ? keys.join(", ") : "these params";
}

/** Gong's other top-level fields beside the records (a stats time zone, a library folder's name, …). */
function answerDetails(
  body: Record<string, unknown>,
  recordsKey: string | undefined,
): Record<string, unknown> | undefined {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "requestId" || key === "records" || key === recordsKey) continue;
    details[key] = value;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** Gong's `records {totalRecords, currentPageSize, currentPageNumber, cursor}` → list meta. */
function listMeta(records: unknown, requestId: string | undefined): ListMeta {
  const meta: ListMeta = { hasMore: false };
  if (isPlainObject(records)) {
    const cursor = records["cursor"];
    if (typeof cursor === "string" && cursor !== "") {
      meta.cursor = cursor;
      meta.hasMore = true;
    }
    for (const key of ["totalRecords", "currentPageNumber", "currentPageSize"] as const) {
      const value = records[key];
      if (typeof value === "number") meta[key] = value;
      else if (typeof value === "string" && /^\d+$/.test(value)) meta[key] = Number(value);
    }
  }
  if (requestId !== undefined) meta.requestId = requestId;
  return meta;
}
