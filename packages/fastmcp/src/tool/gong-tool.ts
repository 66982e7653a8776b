/**
 * `gongTool` turns core's framework-neutral Gong tool into a FastMCP tool definition. All behaviour
 * (validation, description, output bounds, error text, internal retries) lives in core; this file only
 * maps it onto MCP: the input schema clients see, annotations, progress notifications, the abort
 * signal, and errors as `UserError` (a tool result with `isError: true` that the model reads).
 */
import { type ExecuteFn, GongConnector, type GongToolOptions, listOperations } from "@gong-agent/core";
import { type FastMCP, type FastMCPSessionAuth, type Tool, type ToolParameters, UserError } from "fastmcp";
import { gongToolParameters } from "./parameters.js";
import { currentProgress, type ProgressSink, progressReporter } from "./progress.js";

/**
 * Your own `execute(entity, action, params, options)`. Besides `signal`, `options.onProgress` lets a
 * function that does long work (many pages) tell the MCP client how far it got.
 */
export type GongExecuteFunction = (
  entity: string,
  action: string,
  params: Record<string, unknown>,
  options?: { signal?: AbortSignal; onProgress?: ProgressSink },
) => Promise<unknown>;

/** A connector (anything with `execute`), or your own function to decorate. */
export type GongToolSource =
  | {
      execute(
        entity: string,
        action: string,
        params: Record<string, unknown>,
        options?: { signal?: AbortSignal },
      ): Promise<unknown>;
    }
  | GongExecuteFunction;

export interface GongMcpToolOptions extends GongToolOptions {
  /** Human-readable title shown by MCP clients; default "Gong". */
  title?: string;
  /** Abort a call after this many milliseconds (FastMCP aborts the signal and answers with an error). */
  timeoutMs?: number;
}

/** The FastMCP tool definition `gongTool` returns. */
export type GongMcpTool = Tool<FastMCPSessionAuth, ToolParameters>;

/** One execute function for core's tool, reporting the start of each request to the call's client. */
function toExecuteFn(source: GongToolSource): ExecuteFn {
  let run: GongExecuteFunction;
  if (typeof source === "function") run = source;
  else if (source !== null && typeof source === "object" && typeof source.execute === "function") {
    run = (entity, action, params, options) =>
      source.execute(entity, action, params, { signal: options?.signal });
  } else {
    throw new TypeError(
      "gongTool needs a GongConnector or an execute(entity, action, params) function as its first argument.",
    );
  }
  return (entity, action, params, options) => {
    const onProgress = currentProgress.getStore();
    onProgress?.({ message: `asking Gong: ${entity} ${action}` });
    return run(entity, action, params, { ...options, ...(onProgress ? { onProgress } : {}) });
  };
}

/**
 * Builds the FastMCP tool for Gong: `server.addTool(gongTool(gong))`.
 * Read-only unless `allowWrites` is set, which is what the `readOnlyHint` annotation says.
 */
export function gongTool(source: GongToolSource, options: GongMcpToolOptions = {}): GongMcpTool {
  const { title = "Gong", timeoutMs, ...toolOptions } = options;
  const core = GongConnector.toolUtils(toExecuteFn(source), toolOptions);
  const readOnly = toolOptions.allowWrites !== true;

  const tool: GongMcpTool = {
    name: core.name,
    description: core.description,
    parameters: gongToolParameters(core.jsonSchema),
    annotations: {
      title,
      readOnlyHint: readOnly,
      // Only writes the catalog marks destructive (deletes, overwrites) make the tool destructive.
      destructiveHint:
        !readOnly && listOperations().some(({ spec }) => spec.access === "write" && spec.destructive),
      idempotentHint: readOnly,
      openWorldHint: true,
    },
    async execute(args, context) {
      const onProgress = progressReporter((progress) => {
        // Notifications are best effort: a client that left must not fail the call.
        context.reportProgress(progress).catch(() => {});
      });
      const result = await currentProgress.run(onProgress, () =>
        core.execute(args, { signal: context.signal, onProgress }),
      );
      if (!result.ok) throw new UserError(result.text);
      return result.text;
    },
  };
  if (timeoutMs !== undefined) tool.timeoutMs = timeoutMs;
  return tool;
}

/** Adds the Gong tool to an existing FastMCP server and returns the tool definition. */
export function addGongTool<T extends FastMCPSessionAuth>(
  server: FastMCP<T>,
  source: GongToolSource,
  options: GongMcpToolOptions = {},
): GongMcpTool {
  const tool = gongTool(source, options);
  server.addTool(tool as unknown as Tool<T, ToolParameters>);
  return tool;
}
