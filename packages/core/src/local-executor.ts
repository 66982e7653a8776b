/**
 * Runs catalog operations against Gong: look up, normalize, default, validate, build the request,
 * send it through the GongClient, and shape Gong's answer into `{ data, meta }`.
 */
import { actionNames, entityNames, findOperation } from "./catalog/index.js";
import type { ExecuteResult, ListMeta, OperationContext, OperationSpec } from "./catalog/types.js";
import { GongValidationError } from "./errors.js";
import { findPrivateCalls } from "./execution/private-calls.js";
import { buildRequest } from "./execution/request.js";
import { shapeAnswer } from "./execution/results.js";
import type { ExecuteOptions, Executor } from "./executor.js";
import { deepMerge, normalizeParams } from "./params/normalize.js";
import { validateParams } from "./params/validate.js";
import type { GongClient } from "./transport/types.js";

export { buildRequest } from "./execution/request.js";
export { EMPTY_RESULT_NOTE } from "./execution/results.js";

export interface LocalExecutorOptions {
  client: GongClient;
  /** Keep calls marked `isPrivate` (default false: left out). */
  includePrivate?: boolean | undefined;
  /** Allow operations that spend Gong credits (default false: refused). */
  allowCreditSpend?: boolean | undefined;
  /** Clock for default date ranges (tests). */
  now?: (() => Date) | undefined;
}

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
    const result = shapeAnswer(
      { spec, label, params: resolved, includePrivate: this.includePrivate },
      { body: response.data, empty: response.emptyResult === true, requestId: response.requestId },
    );
    // Also when calls are selected by id: private ids show elsewhere (e.g. activity stats), so an id
    // alone must never open a private call's transcript.
    if (spec.privateLookup && !this.includePrivate) {
      return this.dropPrivateByLookup(result, options);
    }
    return result;
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

  /** Records that do not carry the private flag (transcripts): look their calls up, leave private ones out. */
  private async dropPrivateByLookup(result: ExecuteResult, options: ExecuteOptions): Promise<ExecuteResult> {
    const records = result.data as Record<string, unknown>[];
    const ids = [
      ...new Set(records.map((record) => record["callId"]).filter((id) => typeof id === "string")),
    ];
    const hidden = await findPrivateCalls(this.client, ids, options.signal);
    if (hidden.size === 0) return result;
    const kept = records.filter((record) => !hidden.has(record["callId"] as string));
    const meta = { ...(result.meta as ListMeta), privateOmitted: records.length - kept.length };
    return { data: kept, meta };
  }
}
