/**
 * One live GongConnector per stored connector, so concurrent executions share its HTTP client, its
 * rate limiter and its OAuth single flight (20 callers with an expired token → one refresh).
 */
import { GongConnector, type RateLimitOptions } from "@gong-agent/core";
import type { ConnectorSecretConfig } from "../connectors/credentials.js";
import type { SecretBox } from "../crypto/secret-box.js";
import type { ServerLogger } from "../logger.js";
import type { ConnectorRecord, Storage } from "../storage/types.js";
import { DatabaseTokenStore } from "./database-token-store.js";

export interface GongSettings {
  /** Default Gong API host for connectors that do not name one (default Gong's). */
  baseUrl?: string | undefined;
  /** Default OAuth token endpoint (default Gong's). */
  tokenUrl?: string | undefined;
  /** OAuth app used when a connector's credentials carry no client id/secret (the server's own app). */
  oauthClient?: { clientId: string; clientSecret: string } | undefined;
  rateLimit?: RateLimitOptions | false | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  fetch?: typeof fetch | undefined;
}

export function configAssociatedData(connectorId: string): string {
  return `connector:${connectorId}:config`;
}

const MAX_LIVE_CONNECTORS = 500;

export class ConnectorPool {
  readonly #live = new Map<string, GongConnector>();

  constructor(
    private readonly storage: Storage,
    private readonly box: SecretBox,
    private readonly gong: GongSettings,
    private readonly logger: ServerLogger,
  ) {}

  get(record: ConnectorRecord): GongConnector {
    const existing = this.#live.get(record.id);
    if (existing) {
      // Refresh its place in the LRU order.
      this.#live.delete(record.id);
      this.#live.set(record.id, existing);
      return existing;
    }
    const connector = this.#create(record);
    this.#live.set(record.id, connector);
    if (this.#live.size > MAX_LIVE_CONNECTORS) {
      const oldest = this.#live.keys().next().value;
      if (oldest !== undefined) this.#live.delete(oldest);
    }
    return connector;
  }

  evict(connectorId: string): void {
    this.#live.delete(connectorId);
  }

  #create(record: ConnectorRecord): GongConnector {
    const config = this.box.openJson<ConnectorSecretConfig>(
      record.sealedConfig,
      configAssociatedData(record.id),
    );
    const common = {
      baseUrl: config.baseUrl ?? this.gong.baseUrl,
      logger: this.logger,
      includePrivate: record.settings.includePrivate === true,
      allowCreditSpend: record.settings.allowCreditSpend === true,
      ...(this.gong.rateLimit === undefined ? {} : { rateLimit: this.gong.rateLimit }),
      ...(this.gong.timeoutMs === undefined ? {} : { timeoutMs: this.gong.timeoutMs }),
      ...(this.gong.maxRetries === undefined ? {} : { maxRetries: this.gong.maxRetries }),
      ...(this.gong.fetch === undefined ? {} : { fetch: this.gong.fetch }),
    };
    if (config.kind === "access_key") {
      return new GongConnector({
        ...common,
        auth: { accessKey: config.accessKey, accessKeySecret: config.accessKeySecret },
      });
    }
    const client =
      config.clientId !== undefined && config.clientSecret !== undefined
        ? { clientId: config.clientId, clientSecret: config.clientSecret }
        : this.gong.oauthClient;
    return new GongConnector({
      ...common,
      auth: {
        refreshToken: config.refreshToken,
        ...(client ?? {}),
        tokenUrl: config.tokenUrl ?? this.gong.tokenUrl,
      },
      tokenStore: new DatabaseTokenStore(this.storage, this.box, record.id),
    });
  }
}
