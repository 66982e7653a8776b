/**
 * The shape of one catalog entry. The catalog is data: `execute`, `paginate`, `describe`, the typed
 * helpers, the tool description and REFERENCE.md are all derived from these declarations.
 */
import type { z } from "zod";
import type { GongClient, HttpMethod } from "../transport/types.js";

/** list: records plus pagination meta; get: one record or object; download: a media stream. */
export type OperationKind = "list" | "get" | "download";

/** Where the pagination cursor goes: the query of GET endpoints, the top-level body of POST endpoints. */
export type CursorLocation = "query" | "body" | "none";

// biome-ignore lint/suspicious/noExplicitAny: any object shape is a valid parameter schema
export type ParamsSchema = z.ZodObject<any, any>;

/** Meta of a list answer. `hasMore` is true exactly when `cursor` is present. */
export type ListMeta = {
  hasMore: boolean;
  /** Pass back as `params.cursor` (other params unchanged) to get the next page. */
  cursor?: string;
  totalRecords?: number;
  currentPageNumber?: number;
  currentPageSize?: number;
  requestId?: string;
  /** How many private calls were left out of `data` (see `includePrivate`). */
  privateOmitted?: number;
  /** Explains an empty answer, e.g. that the key may lack visibility. */
  note?: string;
  /** Gong's other top-level fields beside the records, e.g. a stats answer's `timeZone`, a library folder's `name`. */
  details?: Record<string, unknown>;
};

export type GetMeta = {
  requestId?: string;
};

export interface ExecuteResult<D = unknown, M = Record<string, unknown>> {
  data: D;
  meta?: M;
}

export interface ListResult<R> {
  data: R[];
  meta: ListMeta;
}

export interface GetResult<R> {
  data: R;
  meta?: GetMeta;
}

/** What `call_audio`/`call_video` `link` return: the pre-signed media URL, nothing opened. */
export interface MediaLink {
  callId: string;
  /** The pre-signed media URL (valid for about 8 hours); fetch it without any Gong credential. */
  url: string;
}

/** What `call_audio`/`call_video` `download` return: the opened file, streamed (not buffered). */
export interface MediaDownload extends MediaLink {
  /** HTTP status of the media host: 200, or 206 for a `range` request. */
  status: number;
  contentType: string | undefined;
  contentLength: number | undefined;
  /** `Content-Range` answered to a `range` request. */
  contentRange: string | undefined;
  /** The file's bytes. Read it or cancel it: an unread stream keeps the connection open. */
  stream: ReadableStream<Uint8Array>;
}

/** What a custom operation (e.g. a download) can use. */
export interface OperationContext {
  client: GongClient;
  signal?: AbortSignal | undefined;
  includePrivate: boolean;
  now: Date;
  /** Runs another catalog operation through the same pipeline (validation, defaults, extraction). */
  run(entity: string, action: string, params: Record<string, unknown>): Promise<ExecuteResult>;
}

export type Access = "read" | "write";

interface OperationFields<P extends ParamsSchema, K extends OperationKind> {
  /** Parameters as users write them (Gong's camelCase names). */
  params: P;
  kind: K;
  method: HttpMethod;
  /** Path under the base URL; `{name}` is filled from the parameter of that name. */
  path: string;
  cursor: CursorLocation;
  /** Key of the records (or the single record) in Gong's answer; absent: the whole answer minus `requestId`. */
  records?: string;
  /** Where a record says it is private; such records are left out unless `includePrivate`. */
  privateFlag?: "isPrivate" | "metaData.isPrivate";
  /**
   * The records carry only a `callId`, no private flag: when the request selects calls by date (not by
   * id), the page's calls are looked up on `/v2/calls/extensive` and private ones are left out.
   */
  privateLookup?: "callId";
  /** Defaults, deep-merged under the user's params. Computed per call from the current time. */
  defaults?: (now: Date, params: Record<string, unknown>) => Record<string, unknown>;
  /** Rules across fields that a schema cannot say; throws GongValidationError. */
  check?: (params: z.output<P>) => void;
  /** Custom execution instead of one request (downloads). */
  run?: (context: OperationContext, params: z.output<P>) => Promise<ExecuteResult>;
  /** OAuth scopes Gong requires (empty when Gong's document states none). */
  scopes: readonly string[];
  /** One line for agents: what it returns and when to use it. */
  hint: string;
}

export interface OperationInit<P extends ParamsSchema, K extends OperationKind>
  extends Omit<OperationFields<P, K>, "params"> {
  /** Builds the parameter schema; called once, on first use, so importing the catalog stays cheap. */
  params: () => P;
  access?: Access;
  destructive?: boolean;
  spendsCredits?: boolean;
}

export interface OperationSpec<
  P extends ParamsSchema = ParamsSchema,
  R = unknown,
  K extends OperationKind = OperationKind,
> extends OperationFields<P, K> {
  access: Access;
  /** Deletes or overwrites data in Gong (writes only). */
  destructive: boolean;
  /** Spends Gong credits (refused unless the connector has `allowCreditSpend: true`). */
  spendsCredits: boolean;
  /** Type-only: the record type this operation yields. */
  readonly __record?: R;
}

/**
 * Declares one operation. Curried so the record type is given explicitly while the
 * parameter schema and kind are inferred: `operation<Call>()({ … })`.
 */
export function operation<R>() {
  return <P extends ParamsSchema, K extends OperationKind>(
    init: OperationInit<P, K>,
  ): OperationSpec<P, R, K> => {
    const { params: build, ...rest } = init;
    let schema: P | undefined;
    const spec = { access: "read", destructive: false, spendsCredits: false, ...rest } as OperationSpec<
      P,
      R,
      K
    >;
    Object.defineProperty(spec, "params", {
      enumerable: true,
      get: () => {
        schema ??= build();
        return schema;
      },
    });
    return spec;
  };
}

/** An area's operations: entity → action → declaration. */
export type OperationGroup = Record<string, Record<string, OperationSpec>>;
