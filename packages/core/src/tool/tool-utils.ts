/**
 * `toolUtils(executeFn, options?)`: the framework-neutral tool every adapter wraps. It checks the
 * call against the catalog, answers `describe` itself, retries temporary failures, and hands the model
 * bounded JSON text or an error message it can act on. It never throws for model mistakes.
 */
import { findOperation } from "../catalog/index.js";
import type { OperationSpec } from "../catalog/types.js";
import { describeAnswer } from "./describe-action.js";
import { generateDescription } from "./description.js";
import { asGongError, errorText } from "./error-text.js";
import { parseToolInput, toolInputSchema, toolJsonSchema, wholeNumber } from "./input.js";
import { DESCRIBE, type OfferOptions, requireOffered } from "./offer.js";
import { DEFAULT_MAX_OUTPUT_CHARS, renderResult } from "./output.js";
import { fetchPages, pageLimits, plannedPages } from "./pages.js";
import type {
  ExecuteFn,
  GongTool,
  GongToolInput,
  GongToolOptions,
  ToolCallOptions,
  ToolResult,
} from "./types.js";

export { entityDocText } from "./describe-action.js";

export const DEFAULT_TOOL_NAME = "gong_execute";

/** Longest wait between internal retries, whatever Retry-After says: the model is waiting. */
const MAX_RETRY_WAIT_MS = 10_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

export function toolUtils(executeFn: ExecuteFn, options: GongToolOptions = {}): GongTool {
  const offer: OfferOptions = {
    allowWrites: options.allowWrites,
    includeCreditSpending: options.includeCreditSpending,
  };
  const maxChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  const retries = Math.max(0, options.internalRetries ?? 1);
  const pages = pageLimits(options);
  const generated = generateDescription({
    ...offer,
    maxPages: pages.standard,
    maxPagesCeiling: pages.ceiling,
  });
  const description = options.descriptionPrefix ? `${options.descriptionPrefix}\n${generated}` : generated;

  /** One call: retryable failures are retried `retries` times before the model sees them. */
  const executeWithRetries = async (
    request: ModelCall,
    call: ToolCallOptions,
    pagesDone: number,
  ): Promise<unknown> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await executeFn(request.entity, request.action, request.params, { signal: call.signal });
      } catch (error) {
        const gongError = asGongError(error);
        const wait = (gongError as { retryAfterMs?: number }).retryAfterMs ?? 500 * 2 ** attempt;
        // A long Retry-After (e.g. the daily quota) is the model's to know, not worth holding the call for.
        if (!gongError.retryable || attempt >= retries || call.signal?.aborted || wait > MAX_RETRY_WAIT_MS) {
          throw gongError;
        }
        call.onProgress?.({
          progress: pagesDone,
          message: `retrying after a temporary error (${gongError.name})`,
        });
        await sleep(wait, call.signal);
      }
    }
  };

  const run = async (input: GongToolInput, call: ToolCallOptions): Promise<ToolResult> => {
    if (input.entity === DESCRIBE || input.action === DESCRIBE) return describeAnswer(input, offer, maxChars);
    const spec = requireOffered(input.entity, input.action, offer);
    // `offset`, `limit` and `pages` are the tool's own: they shape the answer, Gong never sees them.
    const { offset: rawOffset, limit: rawLimit, pages: rawPages, ...params } = input.params ?? {};
    const offset = wholeNumber(rawOffset, "offset", 0) ?? 0;
    const limit = wholeNumber(rawLimit, "limit", 1);
    const request = asModelCall(input, spec, params);
    const result = await fetchPages({
      params: request.params,
      planned: plannedPages(rawPages, pages, spec),
      maxChars,
      offset,
      limit,
      call,
      fetchPage: (pageParams, done) => executeWithRetries({ ...request, params: pageParams }, call, done),
    });
    releaseStreams(result);
    return { ok: true, text: renderResult(result, { maxChars, offset, limit }), result };
  };

  return {
    name: options.name ?? DEFAULT_TOOL_NAME,
    description,
    inputSchema: toolInputSchema,
    jsonSchema: toolJsonSchema(),
    async execute(input: unknown, call: ToolCallOptions = {}): Promise<ToolResult> {
      try {
        return await run(parseToolInput(input), call);
      } catch (error) {
        const gongError = asGongError(error);
        return { ok: false, text: errorText(gongError), error: gongError };
      }
    },
    isWrite(input: unknown): boolean {
      if (input === null || typeof input !== "object") return false;
      const { entity, action } = input as { entity?: unknown; action?: unknown };
      if (typeof entity !== "string" || typeof action !== "string") return false;
      return findOperation(entity, action)?.access === "write";
    },
  };
}

interface ModelCall {
  entity: string;
  action: string;
  params: Record<string, unknown>;
}

const RANGE_SPELLINGS = ["range", "rangeHeader", "range_header"];

/**
 * What the tool runs for a model's call. A model cannot use a byte stream, so a media `download`
 * runs the entity's `link` action: the model gets the pre-signed URL and no file is opened (nor, in
 * hosted mode, shipped through the hosted API).
 */
function asModelCall(input: GongToolInput, spec: OperationSpec, params: Record<string, unknown>): ModelCall {
  if (spec.kind === "download" && findOperation(input.entity, "link")) {
    const linkParams = Object.fromEntries(
      Object.entries(params).filter(([key]) => !RANGE_SPELLINGS.includes(key)),
    );
    return { entity: input.entity, action: "link", params: linkParams };
  }
  return { entity: input.entity, action: input.action, params };
}

/** A model cannot read a byte stream: close any that a custom execute function returns. */
function releaseStreams(result: unknown): void {
  const stream = (result as { data?: { stream?: unknown } } | null)?.data?.stream;
  if (typeof ReadableStream !== "undefined" && stream instanceof ReadableStream && !stream.locked) {
    stream.cancel().catch(() => {});
  }
}
