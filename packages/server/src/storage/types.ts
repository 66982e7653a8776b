/**
 * What the server keeps, behind an interface so that SQLite (the embedded default) can be replaced by
 * Postgres or another database without touching routes. Secrets arrive here already hashed or sealed:
 * a storage implementation never sees a plaintext Gong credential or application secret.
 * Methods are async even though SQLite is synchronous, so network-backed stores fit the same shape.
 */

export interface OrganizationRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface ApplicationRecord {
  id: string;
  organizationId: string;
  clientId: string;
  /** scrypt hash of the client secret. */
  secretHash: string;
  name: string;
  createdAt: string;
}

export interface AccessTokenRecord {
  /** SHA-256 of the bearer token. */
  tokenHash: string;
  applicationId: string;
  organizationId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface WorkspaceRecord {
  id: string;
  organizationId: string;
  name: string;
  createdAt: string;
}

export type ConnectorAuthType = "access_key" | "oauth";

export interface ConnectorSettings {
  /** Keep calls marked private in results (core's `includePrivate`). Default false. */
  includePrivate?: boolean;
  /** Allow operations that spend Gong credits (core's `allowCreditSpend`). Default false. */
  allowCreditSpend?: boolean;
}

export interface ConnectorRecord {
  id: string;
  organizationId: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  connectorType: string;
  authType: ConnectorAuthType;
  /** Sealed JSON of the connector's fixed credentials (access key, or OAuth client and first refresh token). */
  sealedConfig: string;
  /** Behaviour chosen by whoever created the connector (not secret). */
  settings: ConnectorSettings;
  createdAt: string;
  updatedAt: string;
}

/** The rotating OAuth token pair of a connector, sealed, with its compare-and-swap generation. */
export interface SealedTokens {
  sealed: string;
  generation: number;
}

export interface OAuthStateRecord {
  /** SHA-256 of the `state` value sent through the browser. */
  stateHash: string;
  organizationId: string;
  workspaceName: string;
  connectorName: string;
  redirectUrl: string;
  /** The callback URL given to Gong, which the code exchange must repeat. */
  callbackUrl: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface Storage {
  createOrganization(record: OrganizationRecord): Promise<void>;
  getOrganization(id: string): Promise<OrganizationRecord | undefined>;

  createApplication(record: ApplicationRecord): Promise<void>;
  findApplicationByClientId(clientId: string): Promise<ApplicationRecord | undefined>;

  saveAccessToken(record: AccessTokenRecord): Promise<void>;
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined>;
  deleteExpiredAccessTokens(now: number): Promise<number>;

  /** Returns the workspace with this name in the organization, creating it when missing. */
  ensureWorkspace(organizationId: string, name: string, makeId: () => string): Promise<WorkspaceRecord>;
  /** The organization's workspaces, optionally only those whose name contains `nameContains` (any case). */
  listWorkspaces(organizationId: string, nameContains?: string): Promise<WorkspaceRecord[]>;

  /** Creates the connector and, for OAuth, its first token pair at generation 1, in one transaction. */
  createConnector(record: ConnectorRecord, tokens?: string): Promise<void>;
  listConnectors(organizationId: string, workspaceName?: string): Promise<ConnectorRecord[]>;
  /** Every connector of every organization (administration only: key rotation). */
  listAllConnectors(): Promise<ConnectorRecord[]>;
  /** Replaces the sealed fixed credentials (administration only: key rotation). */
  updateConnectorConfig(connectorId: string, sealedConfig: string): Promise<void>;
  /** Undefined when the connector does not exist or belongs to another organization. */
  getConnector(organizationId: string, id: string): Promise<ConnectorRecord | undefined>;
  deleteConnector(organizationId: string, id: string): Promise<boolean>;

  getConnectorTokens(connectorId: string): Promise<SealedTokens | undefined>;
  /**
   * Writes a new token pair only if the stored generation still equals `expectedGeneration`
   * (0 = none stored yet). Returns the new generation, or undefined when another writer came first.
   */
  swapConnectorTokens(
    connectorId: string,
    expectedGeneration: number,
    sealed: string,
  ): Promise<number | undefined>;

  /**
   * Takes the connector's token-refresh lease when it is free or expired (true when taken), so that
   * several server processes sharing one database refresh a connector's tokens one at a time.
   */
  acquireConnectorLease(connectorId: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseConnectorLease(connectorId: string, owner: string): Promise<void>;

  saveOAuthState(record: OAuthStateRecord): Promise<void>;
  /** Returns and deletes the state (single use), and drops expired ones; undefined if unknown. Expiry is checked by the caller. */
  takeOAuthState(stateHash: string): Promise<OAuthStateRecord | undefined>;

  close(): Promise<void>;
}

/** A uniqueness rule was broken (e.g. a connector name already used in the workspace). */
export class ConflictError extends Error {
  override name = "ConflictError";
}
