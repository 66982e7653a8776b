/**
 * GongConnector: config → execute / paginate / describe / check, plus typed helpers
 * (`gong.calls.list(…)`) generated from the catalog.
 */

import type { AuthConfig } from "./auth/config.js";
import { type CatalogDescription, describeCatalog } from "./catalog/describe.js";
import {
  type ActionName,
  type CallTranscript,
  catalog,
  type EntityName,
  type ListActionName,
  type ParamsOf,
  type RecordOf,
  type ResultOf,
} from "./catalog/index.js";
import type { ExecuteResult } from "./catalog/types.js";
import { GongError, GongValidationError } from "./errors.js";
import type { ExecuteOptions, Executor } from "./executor.js";
import type { HostedConfig } from "./hosted/config.js";
import { HostedExecutor } from "./hosted/executor.js";
import { LocalExecutor } from "./local-executor.js";
import { toolUtils } from "./tool/tool-utils.js";
import type { ExecuteFn, GongTool, GongToolOptions } from "./tool/types.js";
import { createGongClient, DEFAULT_BASE_URL, type GongClientOptions } from "./transport/client.js";
import type { GongClient } from "./transport/types.js";

/**
 * Options of the HTTP client (auth, baseUrl, tokenStore, onTokenRefresh, timeoutMs, maxRetries,
 * rateLimit, logger, fetch, …), passed through when the connector creates it. `auth` is optional here
 * because a connector built with `client`, `executor` or `hosted` needs none.
 */
export type GongClientSettings = Partial<GongClientOptions>;

export interface GongConnectorConfig extends GongClientSettings {
  /** The Python SDK's spelling of `auth`. */
  auth_config?: AuthConfig | undefined;
  /** The Python SDK's flat credentials: `{ access_key, access_key_secret }` or `{ refresh_token, … }`. */
  access_key?: string | undefined;
  access_key_secret?: string | undefined;
  refresh_token?: string | undefined;
  access_token?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
  /** Hosted mode: run every call through a hosted API instead of calling Gong directly. */
  hosted?: HostedConfig | undefined;
  /** Use this client instead of creating one from `auth`. */
  client?: GongClient | undefined;
  /** Use this executor instead of the local one (e.g. hosted mode, tests). */
  executor?: Executor | undefined;
  /** Keep calls marked `isPrivate` in results (default false: they are left out). */
  includePrivate?: boolean | undefined;
  /** Allow operations that spend Gong credits (`ask_entity`, `entity_brief`; default false). */
  allowCreditSpend?: boolean | undefined;
  /** Clock for default date ranges (tests). */
  now?: (() => Date) | undefined;
}

export interface PaginateOptions extends ExecuteOptions {
  /** Stop after this many records. */
  limit?: number | undefined;
}

export interface CheckResult {
  status: "healthy" | "unhealthy";
  error?: string;
  checkedEntity: string;
  checkedAction: string;
}

export interface TranscriptBatchOptions extends ExecuteOptions {
  /** Call ids per request (default 100). */
  chunkSize?: number | undefined;
}

/** `call_transcripts` → `callTranscripts`. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Rest}`
  ? `${Head}${Capitalize<CamelCase<Rest>>}`
  : S;

type HelperArgs<E extends EntityName, A extends ActionName<E>> =
  // biome-ignore lint/complexity/noBannedTypes: "accepts an empty object" is exactly the question
  {} extends ParamsOf<E, A>
    ? [params?: ParamsOf<E, A>, options?: ExecuteOptions]
    : [params: ParamsOf<E, A>, options?: ExecuteOptions];

type PaginateArgs<E extends EntityName, A extends ActionName<E>> =
  // biome-ignore lint/complexity/noBannedTypes: "accepts an empty object" is exactly the question
  {} extends ParamsOf<E, A>
    ? [params?: ParamsOf<E, A>, options?: PaginateOptions]
    : [params: ParamsOf<E, A>, options?: PaginateOptions];

/** `gong.calls.list(params)`, `gong.users.get({ id })`: one function per catalog action. */
export type EntityHelpers<E extends EntityName> = {
  readonly [A in ActionName<E>]: (...args: HelperArgs<E, A>) => Promise<ResultOf<E, A>>;
};

export type TypedHelpers = { readonly [E in EntityName]: EntityHelpers<E> } & {
  readonly [E in EntityName as CamelCase<E>]: EntityHelpers<E>;
};

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export interface GongConnector extends TypedHelpers {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the generated typed helpers
export class GongConnector {
  /** The executor every call goes through (local catalog + client, or hosted). */
  readonly executor: Executor;
  /** `execute` with plain string arguments, for tools and generic callers. */
  readonly executeFn: ExecuteFn;

  constructor(config: GongConnectorConfig = {}) {
    this.executor =
      config.executor ?? (config.hosted ? new HostedExecutor(config.hosted) : createLocalExecutor(config));
    this.executeFn = (entity, action, params, options) =>
      this.executor.execute(entity, action, params ?? {}, options);
    for (const [entity, actions] of Object.entries(catalog)) {
      const helpers: Record<
        string,
        (params?: Record<string, unknown>, options?: ExecuteOptions) => Promise<unknown>
      > = {};
      for (const action of Object.keys(actions)) {
        helpers[action] = (params, options) => this.executor.execute(entity, action, params ?? {}, options);
      }
      Object.freeze(helpers);
      for (const name of new Set([entity, camelCase(entity)])) {
        Object.defineProperty(this, name, { value: helpers, enumerable: false });
      }
    }
  }

  /** Runs one operation: `{ data, meta? }`, typed from the catalog. */
  execute<E extends EntityName, A extends ActionName<E>>(
    entity: E,
    action: A,
    ...args: HelperArgs<E, A>
  ): Promise<ResultOf<E, A>> {
    const [params, options] = args;
    return this.executor.execute(
      entity,
      action,
      (params ?? {}) as Record<string, unknown>,
      options,
    ) as Promise<ResultOf<E, A>>;
  }

  /**
   * Every record across pages. The params are resolved once (defaults included) and re-sent
   * unchanged with each page's cursor, as Gong requires.
   */
  async *paginate<E extends EntityName, A extends ListActionName<E> & ActionName<E>>(
    entity: E,
    action: A,
    ...args: PaginateArgs<E, A>
  ): AsyncGenerator<RecordOf<E, A>, void, undefined> {
    const [params, options = {}] = args;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const raw = (params ?? {}) as Record<string, unknown>;
    const base = this.executor.prepare ? this.executor.prepare(entity, action, raw) : raw;
    const seen = new Set<string>();
    let cursor = typeof base["cursor"] === "string" ? base["cursor"] : undefined;
    let count = 0;
    for (;;) {
      const page: ExecuteResult = await this.executor.execute(
        entity,
        action,
        cursor === undefined ? base : { ...base, cursor },
        { signal: options.signal },
      );
      if (!Array.isArray(page.data)) {
        throw new GongValidationError(
          `${entity} ${action} does not return a list; use execute instead of paginate.`,
          {
            field: "action",
          },
        );
      }
      for (const record of page.data) {
        yield record as RecordOf<E, A>;
        count += 1;
        if (count >= limit) return;
      }
      const next = page.meta?.["hasMore"] === true ? page.meta["cursor"] : undefined;
      if (typeof next !== "string" || next === "") return;
      if (seen.has(next)) {
        throw new GongError(
          `${entity} ${action}: Gong returned the same cursor twice; stopped to avoid a loop.`,
        );
      }
      seen.add(next);
      cursor = next;
    }
  }

  /**
   * Transcripts of many calls in few requests: ids are deduplicated and sent `chunkSize` (100) per
   * request, each chunk paginated. 500 calls take 5 requests (more only if Gong pages a chunk).
   */
  async transcriptsForCalls(
    callIds: readonly string[],
    options: TranscriptBatchOptions = {},
  ): Promise<CallTranscript[]> {
    const chunkSize = options.chunkSize ?? 100;
    if (!Number.isInteger(chunkSize) || chunkSize < 1) {
      throw new GongValidationError("chunkSize must be a positive integer.", { field: "chunkSize" });
    }
    const ids = [...new Set(callIds.map(String))];
    const transcripts: CallTranscript[] = [];
    for (let start = 0; start < ids.length; start += chunkSize) {
      const chunk = ids.slice(start, start + chunkSize);
      for await (const transcript of this.paginate(
        "call_transcripts",
        "list",
        { filter: { callIds: chunk } },
        options,
      )) {
        transcripts.push(transcript);
      }
    }
    return transcripts;
  }

  /** The catalog: entities, actions and their parameters (one entity when named). */
  describe(entity?: string): CatalogDescription {
    return describeCatalog(entity);
  }

  /** One cheap call (`users list`) to tell whether the credentials and host work. */
  async check(options: ExecuteOptions = {}): Promise<CheckResult> {
    const checked = { checkedEntity: "users", checkedAction: "list" };
    try {
      await this.executor.execute("users", "list", {}, options);
      return { status: "healthy", ...checked };
    } catch (error) {
      return {
        status: "unhealthy",
        error: error instanceof Error ? error.message : String(error),
        ...checked,
      };
    }
  }

  /** The framework-neutral tool for this connector (see `GongConnector.toolUtils`). */
  tool(options?: GongToolOptions): GongTool {
    return toolUtils(this.executeFn, options);
  }

  /** The framework-neutral tool around any execute function (this connector's `executeFn`, or your own). */
  static toolUtils(executeFn: ExecuteFn | GongConnector, options?: GongToolOptions): GongTool {
    return toolUtils(executeFn instanceof GongConnector ? executeFn.executeFn : executeFn, options);
  }
}

function createLocalExecutor(config: GongConnectorConfig): Executor {
  const client = config.client ?? createClient(config);
  return new LocalExecutor({
    client,
    includePrivate: config.includePrivate,
    allowCreditSpend: config.allowCreditSpend,
    now: config.now,
  });
}

function createClient(config: GongConnectorConfig): GongClient {
  const {
    auth_config,
    client: _client,
    executor: _executor,
    includePrivate: _includePrivate,
    allowCreditSpend: _allowCreditSpend,
    now: _now,
    hosted: _hosted,
    access_key: _accessKey,
    access_key_secret: _accessKeySecret,
    refresh_token: _refreshToken,
    access_token: _accessToken,
    client_id: _clientId,
    client_secret: _clientSecret,
    ...settings
  } = config;
  const auth = settings.auth ?? auth_config ?? pythonStyleAuth(config);
  // Without credentials the connector can still describe itself; calls say what is missing.
  if (auth === undefined) return missingCredentials(settings.baseUrl);
  return createGongClient({ ...settings, auth });
}

function missingCredentials(baseUrl: string | undefined): GongClient {
  const refuse = () =>
    Promise.reject(
      new GongValidationError(
        "No Gong credentials: create the connector with auth: { accessKey, accessKeySecret } (access key), auth: { refreshToken, clientId, clientSecret } (OAuth), or hosted: { … } for hosted mode.",
        { field: "auth" },
      ),
    );
  return { baseUrl: baseUrl ?? DEFAULT_BASE_URL, request: refuse, download: refuse };
}

/** `new GongConnector({ access_key, access_key_secret })`: the Python SDK's flat config. */
function pythonStyleAuth(config: GongConnectorConfig): AuthConfig | undefined {
  const flat = config as Record<string, unknown>;
  const keys = [
    "access_key",
    "access_key_secret",
    "refresh_token",
    "access_token",
    "client_id",
    "client_secret",
  ];
  const given = keys.filter((key) => flat[key] !== undefined);
  if (given.length === 0) return undefined;
  return Object.fromEntries(given.map((key) => [key, flat[key]])) as unknown as AuthConfig;
}
