/**
 * The framework-neutral tool that every adapter wraps. Adapters translate it into their
 * framework's native tool and error signal; all behaviour lives here in core.
 */
import type { z } from "zod";
import type { GongError } from "../errors.js";

/** What the model sends: a flat object, never a top-level union. */
export interface GongToolInput {
  entity: string;
  action: string;
  params?: Record<string, unknown> | undefined;
}

/** Anything that executes an operation: a GongConnector's `execute`, or the user's own function. */
export type ExecuteFn = (
  entity: string,
  action: string,
  params: Record<string, unknown>,
  options?: { signal?: AbortSignal },
) => Promise<unknown>;

export interface ToolCallOptions {
  signal?: AbortSignal;
  /**
   * Called while a call is in progress, for frameworks that report progress: after each page of a
   * multi-page call (`{ progress: pagesFetched, total: pagesPlanned, message: "page N: M records" }`),
   * and before an internal retry (`progress` = pages fetched so far).
   */
  onProgress?: (progress: { progress: number; total?: number; message?: string }) => void;
}

export type ToolResult =
  | {
      ok: true;
      /** JSON text for the model, bounded by `maxOutputChars`. */
      text: string;
      /** The full, untruncated `{ data, meta }` (LangChain's artifact). */
      result: unknown;
    }
  | {
      ok: false;
      /** What went wrong and what to do, for the model. Never contains a secret. */
      text: string;
      error: GongError;
    };

export interface GongToolOptions {
  /** Tool name; default `gong_execute`. */
  name?: string;
  /** Text put before the generated description. */
  descriptionPrefix?: string;
  /** Bound on the text handed to the model; default 50,000. Past it, records are cut, never the whole result. */
  maxOutputChars?: number;
  /** Retries of retryable errors inside the tool before the model sees them; default 1. */
  internalRetries?: number;
  /** Allow write actions to appear in the tool (default false: read-only). */
  allowWrites?: boolean;
  /** Offer operations that spend Gong credits (`ask_entity`, `entity_brief`; default false). */
  includeCreditSpending?: boolean;
  /**
   * Pages of a paged list fetched per call when the model does not say; default 1 (one Gong request).
   * Past one, the tool follows `meta.cursor` and concatenates the records, stopping early at the last
   * page or before the text would outgrow `maxOutputChars`; `meta.cursor` then continues exactly after them.
   */
  maxPages?: number;
  /** The most pages the model may ask for in one call with `params.pages`; default 5 (never below `maxPages`). */
  maxPagesCeiling?: number;
}

export interface GongTool {
  name: string;
  description: string;
  /** zod schema of `GongToolInput` (flat object; `params` open). */
  inputSchema: z.ZodType<GongToolInput>;
  /** Plain JSON Schema of the same input (a structured clone, safe for any framework). */
  jsonSchema: Record<string, unknown>;
  /** Validates and runs one call. Never throws for model mistakes or API errors: they become `ok: false`. */
  execute(input: unknown, options?: ToolCallOptions): Promise<ToolResult>;
  /** Whether a given input is a write that an approval hook should see. */
  isWrite(input: unknown): boolean;
}
