import { HostedApiClient } from "./api-client.js";
import { type HostedConfig, resolveHostedConfig } from "./config.js";

export interface HostedExecuteOptions {
  signal?: AbortSignal | undefined;
}

/** What a hosted execution answers: the same envelope as local mode. */
export interface HostedEnvelope {
  data: unknown;
  meta?: Record<string, unknown>;
}

/**
 * Runs `execute(entity, action, params)` through a hosted API instead of calling Gong directly.
 * The connector id is looked up at most once (when not given) and then reused for every call.
 */
export class HostedExecutor {
  readonly client: HostedApiClient;
  readonly workspaceName: string;
  private connectorId: string | undefined;
  private resolving: Promise<string> | undefined;

  constructor(config: HostedConfig, client?: HostedApiClient) {
    const resolved = resolveHostedConfig(config, {});
    this.client = client ?? new HostedApiClient(resolved);
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

  async execute(
    entity: string,
    action: string,
    params: Record<string, unknown> = {},
    options: HostedExecuteOptions = {},
  ): Promise<HostedEnvelope> {
    const connectorId = await this.resolveConnectorId(options);
    const answer = await this.client.execute(connectorId, { entity, action, params }, options);
    const envelope: HostedEnvelope = { data: answer.result };
    if (answer.connectorMetadata && typeof answer.connectorMetadata === "object") {
      envelope.meta = answer.connectorMetadata;
    }
    return envelope;
  }
}
