/**
 * Execution is pluggable: the connector hands every call to an Executor. The local one runs the
 * catalog against Gong through a GongClient (`LocalExecutor`); hosted mode forwards the same calls to a
 * hosted API (`HostedExecutor`).
 */
import type { ExecuteResult } from "./catalog/types.js";

export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
}

export interface Executor {
  execute(
    entity: string,
    action: string,
    params: Record<string, unknown>,
    options?: ExecuteOptions,
  ): Promise<ExecuteResult>;
  /**
   * The params as they will be sent (aliases resolved, defaults applied). `paginate` freezes them once
   * so every page repeats identical inputs. Executors that cannot tell return the params unchanged.
   */
  prepare?(entity: string, action: string, params: Record<string, unknown>): Record<string, unknown>;
}
