/**
 * What an adapter wraps: a GongConnector, any object with its `execute` method, or the user's own
 * `execute(entity, action, params)` function. `toGongTool` turns any of them into the
 * framework-neutral tool, so every adapter accepts the same sources in the same way.
 */
import type { GongConnector } from "../connector.js";
import { toolUtils } from "./tool-utils.js";
import type { ExecuteFn, GongTool, GongToolOptions } from "./types.js";

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

/** The execute function behind a source; an object's `execute` is called as its method. */
export function executeFnOf(source: GongSource): ExecuteFn {
  if (typeof source === "function") return source;
  // The connector's `execute` is typed per entity; at run time it takes the same plain strings.
  return (entity, action, params, options) =>
    (source.execute as unknown as ExecuteFn).call(source, entity, action, params, options);
}

/** Core's framework-neutral tool for a connector, an object with `execute`, or an execute function. */
export function toGongTool(source: GongSource, options: GongToolOptions = {}): GongTool {
  return toolUtils(executeFnOf(source), options);
}
