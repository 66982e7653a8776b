/**
 * What an adapter wraps: a GongConnector, or the user's own `execute(entity, action, params)`
 * function. Either way the behaviour (schema, description, output bound, error text, retries) is
 * core's `toolUtils`; the adapter only translates it into its framework's tool.
 */
import { type ExecuteFn, GongConnector, type GongTool, type GongToolOptions } from "@gong-agent/core";

/** Any object with the connector's `execute` method (e.g. your own wrapper around a connector). */
export interface GongExecutor {
  execute(
    entity: string,
    action: string,
    params?: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<unknown>;
}

/** A connector, an object with its `execute` method, or your own `execute(entity, action, params)` function. */
export type GongSource = GongConnector | GongExecutor | ExecuteFn;

/** Builds core's framework-neutral tool for a source. */
export function coreTool(source: GongSource, options: GongToolOptions): GongTool {
  const execute: ExecuteFn =
    typeof source === "function"
      ? source
      : (entity, action, params, callOptions) =>
          (source.execute as unknown as ExecuteFn).call(source, entity, action, params, callOptions);
  return GongConnector.toolUtils(execute, options);
}
