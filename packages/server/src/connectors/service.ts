/**
 * Connector lifecycle for one organization: create (credentials sealed before they reach storage),
 * list, get, delete, and execute through core. Every lookup is scoped by organization, so another
 * tenant's connector is indistinguishable from a missing one.
 */
import { randomUUID } from "node:crypto";
import { GONG_DEFINITION_ID, type WireConnector } from "@gong-agent/core";
import type { SecretBox } from "../crypto/secret-box.js";
import { type ConnectorPool, configAssociatedData } from "../execution/connector-pool.js";
import { tokensAssociatedData } from "../execution/database-token-store.js";
import { conflict, HttpError, notFound } from "../http/errors.js";
import {
  ConflictError,
  type ConnectorRecord,
  type ConnectorSettings,
  type Storage,
} from "../storage/types.js";
import type { ConnectorSecretConfig, InitialTokens } from "./credentials.js";

export const CONNECTOR_TYPES = ["Gong"] as const;

export function toWireConnector(record: ConnectorRecord): WireConnector {
  return {
    id: record.id,
    name: record.name,
    workspace_name: record.workspaceName,
    connector_type: record.connectorType,
    definition_id: GONG_DEFINITION_ID,
    auth_type: record.authType,
    settings: {
      include_private: record.settings.includePrivate === true,
      allow_credit_spend: record.settings.allowCreditSpend === true,
    },
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

export interface ExecutionOutcome {
  data: unknown;
  meta: Record<string, unknown> | undefined;
  elapsedMs: number;
}

export class ConnectorService {
  constructor(
    private readonly storage: Storage,
    private readonly box: SecretBox,
    private readonly pool: ConnectorPool,
  ) {}

  /** True when the workspace already has a connector with this name. */
  async nameTaken(organizationId: string, workspaceName: string, name: string): Promise<boolean> {
    return (await this.storage.listConnectors(organizationId, workspaceName)).some((c) => c.name === name);
  }

  /**
   * Creates the connector under `name`, or `name (2)`, `name (3)`, … when taken. Used where the
   * credentials cannot be asked for again (a just-exchanged OAuth code), so they are never dropped.
   */
  async createWithFreeName(input: Parameters<ConnectorService["create"]>[0]): Promise<ConnectorRecord> {
    for (let n = 1; ; n++) {
      try {
        return await this.create({ ...input, name: n === 1 ? input.name : `${input.name} (${n})` });
      } catch (error) {
        if (!(error instanceof HttpError && error.status === 409) || n >= 50) throw error;
      }
    }
  }

  async create(input: {
    organizationId: string;
    workspaceName: string;
    name: string;
    config: ConnectorSecretConfig;
    initialTokens?: InitialTokens | undefined;
    settings?: ConnectorSettings | undefined;
  }): Promise<ConnectorRecord> {
    const workspace = await this.storage.ensureWorkspace(
      input.organizationId,
      input.workspaceName,
      randomUUID,
    );
    const id = randomUUID();
    const now = new Date().toISOString();
    const record: ConnectorRecord = {
      id,
      organizationId: input.organizationId,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      name: input.name,
      connectorType: "Gong",
      authType: input.config.kind,
      sealedConfig: this.box.sealJson(input.config, configAssociatedData(id)),
      settings: input.settings ?? {},
      createdAt: now,
      updatedAt: now,
    };
    const tokens = input.initialTokens && this.box.sealJson(input.initialTokens, tokensAssociatedData(id));
    try {
      await this.storage.createConnector(record, tokens);
    } catch (error) {
      if (error instanceof ConflictError)
        throw conflict(`${error.message} Pick another name or delete it first.`);
      throw error;
    }
    return record;
  }

  list(organizationId: string, workspaceName?: string): Promise<ConnectorRecord[]> {
    return this.storage.listConnectors(organizationId, workspaceName);
  }

  async get(organizationId: string, id: string): Promise<ConnectorRecord> {
    const record = await this.storage.getConnector(organizationId, id);
    if (!record) throw notFound(`Connector ${id} was not found.`);
    return record;
  }

  async delete(organizationId: string, id: string): Promise<void> {
    const deleted = await this.storage.deleteConnector(organizationId, id);
    if (!deleted) throw notFound(`Connector ${id} was not found.`);
    this.pool.evict(id);
  }

  async execute(
    record: ConnectorRecord,
    entity: string,
    action: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ExecutionOutcome> {
    const started = performance.now();
    const result = await this.pool.get(record).execute(entity as never, action as never, params as never, {
      signal,
    });
    const envelope = result as { data: unknown; meta?: Record<string, unknown> };
    return {
      data: await toJsonValue(envelope.data),
      meta: envelope.meta,
      elapsedMs: Math.round(performance.now() - started),
    };
  }
}

const MAX_BINARY_BYTES = 50 * 1024 * 1024;

/**
 * JSON cannot carry a stream: a media download (`{ callId, url, status, …, stream }`) is sent with its
 * bytes as `contentBase64` instead, which core's hosted client turns back into a stream.
 */
async function toJsonValue(data: unknown): Promise<unknown> {
  if (data && typeof data === "object" && (data as { stream?: unknown }).stream instanceof ReadableStream) {
    const { stream, ...rest } = data as { stream: ReadableStream<Uint8Array> };
    const bytes = await readCapped(stream);
    return { ...rest, contentLength: bytes.length, contentBase64: bytes.toString("base64") };
  }
  return data;
}

async function readCapped(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BINARY_BYTES) {
      await reader.cancel();
      throw new HttpError(
        413,
        "validation_error",
        `The media file is larger than ${MAX_BINARY_BYTES} bytes; pass params.range to download it in parts, or use local mode.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
