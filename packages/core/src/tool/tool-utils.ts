/**
 * `toolUtils(executeFn, options?)`: the framework-neutral tool every adapter wraps. It checks the
 * call against the catalog, answers `describe` itself, retries temporary failures, and hands the model
 * bounded JSON text or an error message it can act on. It never throws for model mistakes.
 */

import { describeOperation, type EntityDoc } from "../catalog/describe.js";
import { actionNames, entityNames, findOperation, listOperations } from "../catalog/index.js";
import { GongValidationError } from "../errors.js";
import { type DescriptionOptions, generateDescription, isOffered } from "./description.js";
import { asGongError, errorText } from "./error-text.js";
import { toolInputSchema, toolJsonSchema } from "./input.js";
import { DEFAULT_MAX_OUTPUT_CHARS, renderResult, toJson } from "./output.js";
import type {
  ExecuteFn,
  GongTool,
  GongToolInput,
  GongToolOptions,
  ToolCallOptions,
  ToolResult,
} from "./types.js";

export const DEFAULT_TOOL_NAME = "gong_execute";

const DESCRIBE = "describe";

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function offeredEntities(options: DescriptionOptions): string[] {
  return entityNames().filter((entity) =>
    actionNames(entity).some((action) => isOffered(findOperation(entity, action)!, options)),
  );
}

/** The model's input, forgiving the usual slips (params as a JSON string). */
function parseInput(input: unknown): GongToolInput {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw new GongValidationError(
        'The tool input must be an object: {"entity": "...", "action": "...", "params": {...}}.',
      );
    }
  }
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { params?: unknown }).params === "string"
  ) {
    const raw = (value as { params: string }).params;
    try {
      value = { ...(value as object), params: raw.trim() === "" ? {} : JSON.parse(raw) };
    } catch {
      throw new GongValidationError("params must be a JSON object, not a string.", { field: "params" });
    }
  }
  const parsed = toolInputSchema.safeParse(value);
  if (!parsed.success) {
    throw new GongValidationError(
      'The tool input must be {"entity": string, "action": string, "params"?: object}. ' +
        parsed.error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; "),
    );
  }
  return parsed.data;
}

function entityDoc(entity: string, options: DescriptionOptions): EntityDoc {
  const actions = listOperations()
    .filter((entry) => entry.entity === entity && isOffered(entry.spec, options))
    .map((entry) => describeOperation(entry.action, entry.spec));
  return { entity, actions };
}

/** Full docs of one entity as compact text. */
export function entityDocText(doc: EntityDoc): string {
  const lines: string[] = [];
  for (const action of doc.actions) {
    const paging =
      action.cursor === "none"
        ? "single page"
        : "paged: repeat with params.cursor = meta.cursor while meta.hasMore";
    lines.push(
      `${doc.entity} ${action.action}: ${action.hint} (${paging}; scopes: ${action.scopes.join(" ") || "n/a"})`,
    );
    for (const param of action.params) {
      if (param.name === "cursor") continue;
      const facts = [
        param.type + (param.format ? ` ${param.format}` : ""),
        param.required ? "required" : "optional",
      ];
      if (param.enum) facts.push(`one of ${param.enum.join("|")}`);
      const spellings = [...(param.aliases ?? []), ...(param.wireName ? [param.wireName] : [])];
      if (spellings.length > 0) facts.push(`also ${spellings.join(", ")}`);
      lines.push(`  ${param.name} (${facts.join(", ")})${param.description ? `: ${param.description}` : ""}`);
    }
  }
  return lines.join("\n");
}

export function toolUtils(executeFn: ExecuteFn, options: GongToolOptions = {}): GongTool {
  const offer: DescriptionOptions = {
    allowWrites: options.allowWrites,
    includeCreditSpending: options.includeCreditSpending,
  };
  const maxChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  const retries = Math.max(0, options.internalRetries ?? 1);
  const generated = generateDescription(offer);
  const description = options.descriptionPrefix ? `${options.descriptionPrefix}\n${generated}` : generated;

  const describeAnswer = (input: GongToolInput): ToolResult => {
    const named =
      input.entity !== DESCRIBE
        ? input.entity
        : typeof input.params?.["entity"] === "string"
          ? input.params["entity"]
          : input.action !== DESCRIBE && input.action !== "list" && input.action !== "get"
            ? input.action
            : undefined;
    const entities = offeredEntities(offer);
    if (named === undefined) {
      const docs = entities.map((entity) => entityDoc(entity, offer));
      return { ok: true, text: docs.map(entityDocText).join("\n"), result: { entities: docs } };
    }
    if (!entities.includes(named)) throw unknownEntity(named, entities);
    const doc = entityDoc(named, offer);
    return { ok: true, text: entityDocText(doc), result: doc };
  };

  const run = async (input: GongToolInput, call: ToolCallOptions): Promise<ToolResult> => {
    if (input.entity === DESCRIBE || input.action === DESCRIBE) return describeAnswer(input);
    const entities = offeredEntities(offer);
    if (!entities.includes(input.entity)) throw unknownEntity(input.entity, entities);
    const spec = findOperation(input.entity, input.action);
    const actions = actionNames(input.entity).filter((action) =>
      isOffered(findOperation(input.entity, action)!, offer),
    );
    if (!spec || !isOffered(spec, offer)) {
      throw new GongValidationError(
        `Unknown action "${input.action}" for entity "${input.entity}". Valid actions: ${[...actions, DESCRIBE].join(", ")}.`,
        { field: "action", validValues: [...actions, DESCRIBE] },
      );
    }
    const { offset: rawOffset, limit: rawLimit, ...params } = input.params ?? {};
    const offset = wholeNumber(rawOffset, "offset", 0) ?? 0;
    const limit = wholeNumber(rawLimit, "limit", 1);
    let attempt = 0;
    for (;;) {
      try {
        const result = await executeFn(input.entity, input.action, params, { signal: call.signal });
        releaseStreams(result);
        return { ok: true, text: renderResult(result, { maxChars, offset, limit }), result };
      } catch (error) {
        const gongError = asGongError(error);
        if (!gongError.retryable || attempt >= retries || call.signal?.aborted) throw gongError;
        attempt += 1;
        const wait = (gongError as { retryAfterMs?: number }).retryAfterMs ?? 500 * 2 ** (attempt - 1);
        call.onProgress?.({
          progress: attempt,
          message: `retrying after a temporary error (${gongError.name})`,
        });
        await sleep(Math.min(wait, 10_000), call.signal);
      }
    }
  };

  return {
    name: options.name ?? DEFAULT_TOOL_NAME,
    description,
    inputSchema: toolInputSchema,
    jsonSchema: toolJsonSchema(),
    async execute(input: unknown, call: ToolCallOptions = {}): Promise<ToolResult> {
      try {
        return await run(parseInput(input), call);
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

/** The tool's own paging params: `offset` (records of the page to skip) and `limit` (records to show). */
function wholeNumber(value: unknown, name: string, minimum: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number) || number < minimum) {
    throw new GongValidationError(`params.${name} must be a whole number ≥ ${minimum}.`, {
      field: `params.${name}`,
    });
  }
  return number;
}

function unknownEntity(entity: string, entities: string[]): GongValidationError {
  return new GongValidationError(`Unknown entity "${entity}". Valid entities: ${entities.join(", ")}.`, {
    field: "entity",
    validValues: entities,
  });
}

/** A model cannot read a byte stream: close it so the connection is not held open. */
function releaseStreams(result: unknown): void {
  const data = (result as { data?: { stream?: unknown } } | null)?.data;
  const stream = data?.stream;
  if (typeof ReadableStream !== "undefined" && stream instanceof ReadableStream && !stream.locked) {
    stream.cancel().catch(() => {});
  }
}

export { toJson };
