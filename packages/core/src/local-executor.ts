/**
 * Runs catalog operations against Gong: look up, normalize, default, validate, build the request,
 * send it through the GongClient, and shape Gong's answer into `{ data, meta }`.
 */
import { actionNames, entityNames, findOperation } from "./catalog/index.js";
import type { ExecuteResult, ListMeta, OperationContext, OperationSpec } from "./catalog/types.js";
import {
  GongAuthenticationError,
  GongNotFoundError,
  GongPermissionError,
  GongValidationError,
} from "./errors.js";
import type { ExecuteOptions, Executor } from "./executor.js";
import { deepMerge, isPlainObject, normalizeParams } from "./params/normalize.js";
import { metaOf, shapeOf } from "./params/schema.js";
import { validateParams } from "./params/validate.js";
import type { GongClient, GongRequest, QueryValue } from "./transport/types.js";

export interface LocalExecutorOptions {
  client: GongClient;
  /** Keep calls marked `isPrivate` (default false: left out). */
  includePrivate?: boolean | undefined;
  /** Allow operations that spend Gong credits (default false: refused). */
  allowCreditSpend?: boolean | undefined;
  /** Clock for default date ranges (tests). */
  now?: (() => Date) | undefined;
}

export const EMPTY_RESULT_NOTE =
  "Gong found no records. Gong gives the same answer when the key cannot see these records: if you expected data, check the filters (dates, ids) and the key's permissions.";

/** Looks up an operation or explains which entities/actions exist. */
export function requireOperation(entity: string, action: string): OperationSpec {
  const spec = findOperation(entity, action);
  if (spec) return spec;
  const entities = entityNames();
  if (!entities.includes(entity)) {
    throw new GongValidationError(`Unknown entity "${entity}". Valid entities: ${entities.join(", ")}.`, {
      field: "entity",
      validValues: entities,
    });
  }
  const actions = actionNames(entity);
  throw new GongValidationError(
    `Unknown action "${action}" for entity "${entity}". Valid actions for ${entity}: ${actions.join(", ")}.`,
    { field: "action", validValues: actions },
  );
}

export class LocalExecutor implements Executor {
  readonly client: GongClient;
  private readonly includePrivate: boolean;
  private readonly allowCreditSpend: boolean;
  private readonly now: () => Date;

  constructor(options: LocalExecutorOptions) {
    this.client = options.client;
    this.includePrivate = options.includePrivate ?? false;
    this.allowCreditSpend = options.allowCreditSpend ?? false;
    this.now = options.now ?? (() => new Date());
  }

  prepare(entity: string, action: string, params: Record<string, unknown>): Record<string, unknown> {
    const spec = requireOperation(entity, action);
    return this.resolve(spec, `${entity} ${action}`, params).params;
  }

  async execute(
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: ExecuteOptions = {},
  ): Promise<ExecuteResult> {
    const spec = requireOperation(entity, action);
    const label = `${entity} ${action}`;
    if (spec.spendsCredits && !this.allowCreditSpend) {
      throw new GongValidationError(
        `${label} spends Gong credits and is disabled. Create the connector with allowCreditSpend: true to allow it.`,
        { field: "entity" },
      );
    }
    const { params: resolved, parsed } = this.resolve(spec, label, params);
    if (spec.run) {
      const context: OperationContext = {
        client: this.client,
        signal: options.signal,
        includePrivate: this.includePrivate,
        now: this.now(),
        run: (e, a, p) => this.execute(e, a, p, options),
      };
      return spec.run(context, parsed as never);
    }
    const request = buildRequest(spec, resolved);
    if (options.signal) request.signal = options.signal;
    const response = await this.client.request<Record<string, unknown>>(request);
    const empty = response.emptyResult === true;
    const result = this.shape(spec, label, resolved, response.data, empty, response.requestId);
    if (spec.privateLookup && !this.includePrivate && !selectsCallsById(resolved)) {
      return this.dropPrivateByLookup(result, options);
    }
    return result;
  }

  /**
   * Leaves out records of private calls when the records do not say so themselves (transcripts):
   * one `/v2/calls/extensive` request per 100 calls of the page reads their `isPrivate` flags.
   */
  private async dropPrivateByLookup(result: ExecuteResult, options: ExecuteOptions): Promise<ExecuteResult> {
    const records = result.data as Record<string, unknown>[];
    const ids = [
      ...new Set(records.map((record) => record["callId"]).filter((id) => typeof id === "string")),
    ];
    const hidden = new Set<string>();
    for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
      const response = await this.client
        .request<Record<string, unknown>>({
          method: "POST",
          path: "/v2/calls/extensive",
          body: { filter: { callIds: ids.slice(start, start + LOOKUP_CHUNK) }, contentSelector: {} },
          idempotent: true,
          ...(options.signal ? { signal: options.signal } : {}),
        })
        .catch((error: unknown) => {
          // Fail closed: without the flags, private calls cannot be told apart.
          if (error instanceof GongPermissionError || error instanceof GongAuthenticationError) {
            throw new GongPermissionError(
              `Cannot tell which of these calls are private: reading their flags on /v2/calls/extensive was refused (${error.message}). Give the key scope api:calls:read:extensive, select calls by params.filter.callIds, or create the connector with includePrivate: true.`,
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
        if (isPlainObject(meta) && meta["isPrivate"] === true && typeof meta["id"] === "string")
          hidden.add(meta["id"]);
      }
    }
    if (hidden.size === 0) return result;
    const kept = records.filter((record) => !hidden.has(record["callId"] as string));
    const meta = { ...(result.meta as ListMeta), privateOmitted: records.length - kept.length };
    return { data: kept, meta };
  }

  /** Aliases → canonical names, defaults deep-merged under the user's values, validation. */
  private resolve(
    spec: OperationSpec,
    label: string,
    params: Record<string, unknown>,
  ): { params: Record<string, unknown>; parsed: unknown } {
    const normalized = normalizeParams(params, spec.params, label);
    const withDefaults = spec.defaults
      ? deepMerge(spec.defaults(this.now(), normalized), normalized)
      : normalized;
    const parsed = validateParams(spec.params, withDefaults, label);
    spec.check?.(parsed as never);
    return { params: withDefaults, parsed };
  }

  private shape(
    spec: OperationSpec,
    label: string,
    params: Record<string, unknown>,
    body: Record<string, unknown> | undefined,
    empty: boolean,
    requestId: string | undefined,
  ): ExecuteResult {
    const answer = isPlainObject(body) ? body : {};
    const id = requestId ?? (typeof answer["requestId"] === "string" ? answer["requestId"] : undefined);
    if (spec.kind === "list") {
      if (empty) {
        const meta: ListMeta = { hasMore: false, totalRecords: 0, note: EMPTY_RESULT_NOTE };
        if (id !== undefined) meta.requestId = id;
        return { data: [], meta };
      }
      const found = spec.records ? answer[spec.records] : answer;
      const records = Array.isArray(found) ? found : found === undefined || found === null ? [] : [found];
      const { kept, omitted } = this.dropPrivate(spec, records);
      const meta = listMeta(answer["records"], id);
      if (omitted > 0) meta.privateOmitted = omitted;
      const details = answerDetails(answer, spec.records);
      if (details) meta.details = details;
      return { data: kept, meta };
    }
    if (empty) {
      throw new GongNotFoundError(
        `${label}: Gong found nothing for ${describeTarget(params)}. It may not exist, or the key cannot see it.`,
        { status: 404, requestId: id, method: spec.method, path: spec.path },
      );
    }
    let data: unknown;
    if (spec.records) {
      data = answer[spec.records];
    } else {
      const { requestId: _ignored, ...rest } = answer;
      data = rest;
    }
    if (spec.privateFlag && !this.includePrivate && isPrivateRecord(data, spec.privateFlag)) {
      throw new GongPermissionError(
        `${label}: ${describeTarget(params)} is a private call. Private calls are hidden unless the connector is created with includePrivate: true.`,
        { status: 403, requestId: id, method: spec.method, path: spec.path },
      );
    }
    return id === undefined ? { data } : { data, meta: { requestId: id } };
  }

  private dropPrivate(spec: OperationSpec, records: unknown[]): { kept: unknown[]; omitted: number } {
    if (!spec.privateFlag || this.includePrivate) return { kept: records, omitted: 0 };
    const kept = records.filter((record) => !isPrivateRecord(record, spec.privateFlag!));
    return { kept, omitted: records.length - kept.length };
  }
}

const LOOKUP_CHUNK = 100;

function selectsCallsById(params: Record<string, unknown>): boolean {
  const filter = params["filter"];
  return isPlainObject(filter) && Array.isArray(filter["callIds"]) && filter["callIds"].length > 0;
}

/** Only an explicit `true` hides a record; a record without the flag is kept. */
function isPrivateRecord(record: unknown, flagPath: string): boolean {
  let current: unknown = record;
  for (const part of flagPath.split(".")) {
    if (!isPlainObject(current)) return false;
    current = current[part];
  }
  return current === true;
}

function describeTarget(params: Record<string, unknown>): string {
  const keys = Object.entries(params)
    .filter(([, value]) => typeof value === "string" || typeof value === "number")
    .map(([key, value]) => `${key}=${String(value)}`);
  return keys.length > 0 ? keys.join(", ") : "these params";
}

/** Gong's other top-level fields beside the records (a stats time zone, a library folder's name, …). */
function answerDetails(
  answer: Record<string, unknown>,
  recordsKey: string | undefined,
): Record<string, unknown> | undefined {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) {
    if (key === "requestId" || key === "records" || key === recordsKey) continue;
    details[key] = value;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

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

/**
 * Places canonical params where Gong wants them: `{name}` path segments, the query of GET (and
 * DELETE) requests under Gong's wire names, the JSON body of POST/PUT/PATCH requests. The cursor is a
 * param like any other, so it lands in the query of GET and the top-level body of POST endpoints.
 */
export function buildRequest(spec: OperationSpec, params: Record<string, unknown>): GongRequest {
  const rest: Record<string, unknown> = { ...params };
  const path = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null || value === "") {
      throw new GongValidationError(`params.${name} is required.`, { field: `params.${name}` });
    }
    return encodeURIComponent(String(value));
  });
  const shape = shapeOf(spec.params);
  const wire = (name: string) => {
    const field = shape[name];
    return (field && metaOf(field).wireName) || name;
  };
  const request: GongRequest = { method: spec.method, path, idempotent: spec.access === "read" };
  if (spec.method === "GET" || spec.method === "DELETE") {
    const query: Record<string, QueryValue> = {};
    for (const [name, value] of Object.entries(rest)) query[wire(name)] = value as QueryValue;
    if (Object.keys(query).length > 0) request.query = query;
  } else {
    const body: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest)) body[wire(name)] = value;
    request.body = body;
  }
  return request;
}
