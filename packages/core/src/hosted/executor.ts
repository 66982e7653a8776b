import type { ExecuteResult } from "../catalog/types.js";
import type { Executor } from "../executor.js";
import { LocalExecutor } from "../local-executor.js";
import type { GongClient } from "../transport/types.js";
import { HostedApiClient } from "./api-client.js";
import { type HostedApiClientLike, type HostedConfig, resolveHostedConfig } from "./config.js";

export interface HostedExecuteOptions {
  signal?: AbortSignal | undefined;
}

/** What a hosted execution answers: the same envelope as local mode. */
export type HostedEnvelope = ExecuteResult;

/** Params are checked and completed locally; this client is never asked to send anything. */
const NO_NETWORK: GongClient = {
  baseUrl: "",
  request: () =>
    Promise.reject(new Error("Hosted mode prepares params locally and never calls Gong itself.")),
  download: () =>
    Promise.reject(new Error("Hosted mode prepares params locally and never calls Gong itself.")),
};

/**
 * Runs `execute(entity, action, params)` through a hosted API instead of calling Gong directly.
 * The connector id is looked up at most once (when not given) and then reused for every call.
 */
export class HostedExecutor implements Executor {
  readonly client: HostedApiClientLike;
  readonly workspaceName: string;
  private connectorId: string | undefined;
  private resolving: Promise<string> | undefined;
  private preparer: LocalExecutor | undefined;

  constructor(config: HostedConfig, client?: HostedApiClientLike) {
    const shared = client ?? config.client;
    const resolved = resolveHostedConfig(config, {});
    this.client = shared ?? new HostedApiClient(resolved);
    this.workspaceName = resolved.workspaceName;
    this.connectorId = resolved.connectorId;
  }

  /** The connector executions go to, once known. */
  get resolvedConnectorId(): string | undefined {
    return this.connectorId;
  }

  /** Finds the workspace's Gong connector once; later calls reuse the answer. */
  async resolveConnectorId(options: HostedExecuteOptions = {}): Promise<string> {
    if (this.connectorId !== undefined) return this.connectorId;
    if (!this.resolving) {
      this.resolving = this.client.resolveConnectorId(this.workspaceName, options).then(
        (id) => {
          this.connectorId = id;
          return id;
        },
        (error: unknown) => {
          this.resolving = undefined;
          throw error;
        },
      );
    }
    return this.resolving;
  }

  /**
   * Resolves aliases and defaults (e.g. relative date ranges) here, once, so every page of a
   * pagination sends identical inputs even though each page is a separate hosted call.
   */
  prepare(entity: string, action: string, params: Record<string, unknown>): Record<string, unknown> {
    this.preparer ??= new LocalExecutor({ client: NO_NETWORK });
    return this.preparer.prepare(entity, action, params);
  }

  async execute(
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: HostedExecuteOptions = {},
  ): Promise<HostedEnvelope> {
    const connectorId = await this.resolveConnectorId(options);
    const answer = await this.client.execute(connectorId, { entity, action, params }, options);
    const envelope: HostedEnvelope = { data: fromWireMedia(answer.result) };
    if (answer.connectorMetadata && typeof answer.connectorMetadata === "object") {
      envelope.meta = answer.connectorMetadata;
    }
    return envelope;
  }
}

/** A media download arrives with its bytes in `contentBase64`; hand it over as a stream, like local mode. */
function fromWireMedia(result: unknown): unknown {
  if (!result || typeof result !== "object") return result;
  const { contentBase64, ...rest } = result as { contentBase64?: unknown };
  if (typeof contentBase64 !== "string") return result;
  const bytes = Buffer.from(contentBase64, "base64");
  return {
    ...rest,
    stream: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    }),
  };
}
