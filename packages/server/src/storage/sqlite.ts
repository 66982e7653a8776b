/** The embedded default store: one SQLite file (WAL mode), via better-sqlite3. */
import Database from "better-sqlite3";
import {
  type AccessTokenRecord,
  type ApplicationRecord,
  ConflictError,
  type ConnectorRecord,
  type OAuthStateRecord,
  type OrganizationRecord,
  type SealedTokens,
  type Storage,
  type WorkspaceRecord,
} from "./types.js";

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_tokens (
  token_hash TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS access_tokens_expiry ON access_tokens(expires_at);
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (organization_id, name)
);
CREATE TABLE IF NOT EXISTS connectors (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  connector_type TEXT NOT NULL,
  auth_type TEXT NOT NULL,
  sealed_config TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  sealed_tokens TEXT,
  token_generation INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (workspace_id, name)
);
CREATE TABLE IF NOT EXISTS oauth_states (
  state_hash TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  workspace_name TEXT NOT NULL,
  connector_name TEXT NOT NULL,
  redirect_url TEXT NOT NULL,
  callback_url TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

const ADDED_CONNECTOR_COLUMNS: Array<[string, string]> = [
  ["settings", "TEXT NOT NULL DEFAULT '{}'"],
  ["lease_owner", "TEXT"],
  ["lease_until", "INTEGER"],
];

interface ConnectorRow {
  id: string;
  organization_id: string;
  workspace_id: string;
  workspace_name: string;
  name: string;
  connector_type: string;
  auth_type: string;
  sealed_config: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

function toConnector(row: ConnectorRow): ConnectorRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    name: row.name,
    connectorType: row.connector_type,
    authType: row.auth_type === "oauth" ? "oauth" : "access_key",
    sealedConfig: row.sealed_config,
    settings: JSON.parse(row.settings) as ConnectorRecord["settings"],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT_UNIQUE") === true
  );
}

const CONNECTOR_SELECT = `
  SELECT c.id, c.organization_id, c.workspace_id, w.name AS workspace_name, c.name, c.connector_type,
         c.auth_type, c.sealed_config, c.settings, c.created_at, c.updated_at
  FROM connectors c JOIN workspaces w ON w.id = c.workspace_id`;

export class SqliteStorage implements Storage {
  readonly #db: Database.Database;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("busy_timeout = 5000");
    this.#db.pragma("foreign_keys = ON");
    this.#migrate();
  }

  #migrate(): void {
    const version = this.#db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `The database was written by a newer server (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade the server.`,
      );
    }
    this.#db.exec(SCHEMA);
    // Columns added after a table was first created by an earlier build.
    const columns = new Set(
      (this.#db.pragma("table_info(connectors)") as Array<{ name: string }>).map((c) => c.name),
    );
    for (const [name, definition] of ADDED_CONNECTOR_COLUMNS) {
      if (!columns.has(name)) this.#db.exec(`ALTER TABLE connectors ADD COLUMN ${name} ${definition}`);
    }
    this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  async createOrganization(record: OrganizationRecord): Promise<void> {
    this.#db
      .prepare("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)")
      .run(record.id, record.name, record.createdAt);
  }

  async getOrganization(id: string): Promise<OrganizationRecord | undefined> {
    const row = this.#db.prepare("SELECT id, name, created_at FROM organizations WHERE id = ?").get(id) as
      | { id: string; name: string; created_at: string }
      | undefined;
    return row && { id: row.id, name: row.name, createdAt: row.created_at };
  }

  async createApplication(record: ApplicationRecord): Promise<void> {
    this.#db
      .prepare(
        "INSERT INTO applications (id, organization_id, client_id, secret_hash, name, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        record.id,
        record.organizationId,
        record.clientId,
        record.secretHash,
        record.name,
        record.createdAt,
      );
  }

  async findApplicationByClientId(clientId: string): Promise<ApplicationRecord | undefined> {
    const row = this.#db
      .prepare(
        "SELECT id, organization_id, client_id, secret_hash, name, created_at FROM applications WHERE client_id = ?",
      )
      .get(clientId) as
      | {
          id: string;
          organization_id: string;
          client_id: string;
          secret_hash: string;
          name: string;
          created_at: string;
        }
      | undefined;
    return (
      row && {
        id: row.id,
        organizationId: row.organization_id,
        clientId: row.client_id,
        secretHash: row.secret_hash,
        name: row.name,
        createdAt: row.created_at,
      }
    );
  }

  async saveAccessToken(record: AccessTokenRecord): Promise<void> {
    this.#db
      .prepare(
        "INSERT INTO access_tokens (token_hash, application_id, organization_id, expires_at) VALUES (?, ?, ?, ?)",
      )
      .run(record.tokenHash, record.applicationId, record.organizationId, record.expiresAt);
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | undefined> {
    const row = this.#db
      .prepare(
        "SELECT token_hash, application_id, organization_id, expires_at FROM access_tokens WHERE token_hash = ?",
      )
      .get(tokenHash) as
      | { token_hash: string; application_id: string; organization_id: string; expires_at: number }
      | undefined;
    return (
      row && {
        tokenHash: row.token_hash,
        applicationId: row.application_id,
        organizationId: row.organization_id,
        expiresAt: row.expires_at,
      }
    );
  }

  async deleteExpiredAccessTokens(now: number): Promise<number> {
    return this.#db.prepare("DELETE FROM access_tokens WHERE expires_at <= ?").run(now).changes;
  }

  async ensureWorkspace(
    organizationId: string,
    name: string,
    makeId: () => string,
  ): Promise<WorkspaceRecord> {
    const select = this.#db.prepare(
      "SELECT id, organization_id, name, created_at FROM workspaces WHERE organization_id = ? AND name = ?",
    );
    const run = this.#db.transaction(() => {
      const found = select.get(organizationId, name) as
        | { id: string; organization_id: string; name: string; created_at: string }
        | undefined;
      if (found) return found;
      const row = {
        id: makeId(),
        organization_id: organizationId,
        name,
        created_at: new Date().toISOString(),
      };
      this.#db
        .prepare("INSERT INTO workspaces (id, organization_id, name, created_at) VALUES (?, ?, ?, ?)")
        .run(row.id, row.organization_id, row.name, row.created_at);
      return row;
    });
    const row = run.immediate();
    return { id: row.id, organizationId: row.organization_id, name: row.name, createdAt: row.created_at };
  }

  async listWorkspaces(organizationId: string, nameContains?: string): Promise<WorkspaceRecord[]> {
    const rows = this.#db
      .prepare(
        `SELECT id, organization_id, name, created_at FROM workspaces
         WHERE organization_id = ? AND (? IS NULL OR instr(lower(name), lower(?)) > 0)
         ORDER BY name`,
      )
      .all(organizationId, nameContains ?? null, nameContains ?? null) as Array<{
      id: string;
      organization_id: string;
      name: string;
      created_at: string;
    }>;
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      name: row.name,
      createdAt: row.created_at,
    }));
  }

  async createConnector(record: ConnectorRecord, tokens?: string): Promise<void> {
    try {
      this.#db
        .prepare(
          `INSERT INTO connectors (id, organization_id, workspace_id, name, connector_type, auth_type, sealed_config,
             settings, sealed_tokens, token_generation, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.id,
          record.organizationId,
          record.workspaceId,
          record.name,
          record.connectorType,
          record.authType,
          record.sealedConfig,
          JSON.stringify(record.settings),
          tokens ?? null,
          tokens === undefined ? 0 : 1,
          record.createdAt,
          record.updatedAt,
        );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `A connector named "${record.name}" already exists in workspace "${record.workspaceName}".`,
        );
      }
      throw error;
    }
  }

  async listConnectors(organizationId: string, workspaceName?: string): Promise<ConnectorRecord[]> {
    const rows =
      workspaceName === undefined
        ? this.#db
            .prepare(`${CONNECTOR_SELECT} WHERE c.organization_id = ? ORDER BY c.created_at, c.id`)
            .all(organizationId)
        : this.#db
            .prepare(
              `${CONNECTOR_SELECT} WHERE c.organization_id = ? AND w.name = ? ORDER BY c.created_at, c.id`,
            )
            .all(organizationId, workspaceName);
    return (rows as ConnectorRow[]).map(toConnector);
  }

  async listAllConnectors(): Promise<ConnectorRecord[]> {
    return (this.#db.prepare(`${CONNECTOR_SELECT} ORDER BY c.created_at, c.id`).all() as ConnectorRow[]).map(
      toConnector,
    );
  }

  async updateConnectorConfig(connectorId: string, sealedConfig: string): Promise<void> {
    this.#db
      .prepare("UPDATE connectors SET sealed_config = ?, updated_at = ? WHERE id = ?")
      .run(sealedConfig, new Date().toISOString(), connectorId);
  }

  async getConnector(organizationId: string, id: string): Promise<ConnectorRecord | undefined> {
    const row = this.#db
      .prepare(`${CONNECTOR_SELECT} WHERE c.organization_id = ? AND c.id = ?`)
      .get(organizationId, id) as ConnectorRow | undefined;
    return row && toConnector(row);
  }

  async deleteConnector(organizationId: string, id: string): Promise<boolean> {
    return (
      this.#db.prepare("DELETE FROM connectors WHERE organization_id = ? AND id = ?").run(organizationId, id)
        .changes > 0
    );
  }

  async getConnectorTokens(connectorId: string): Promise<SealedTokens | undefined> {
    const row = this.#db
      .prepare("SELECT sealed_tokens, token_generation FROM connectors WHERE id = ?")
      .get(connectorId) as { sealed_tokens: string | null; token_generation: number } | undefined;
    if (!row || row.sealed_tokens === null) return undefined;
    return { sealed: row.sealed_tokens, generation: row.token_generation };
  }

  async swapConnectorTokens(
    connectorId: string,
    expectedGeneration: number,
    sealed: string,
  ): Promise<number | undefined> {
    // One UPDATE guarded by the generation is atomic in SQLite, across connections and processes.
    const result = this.#db
      .prepare(
        `UPDATE connectors SET sealed_tokens = ?, token_generation = token_generation + 1, updated_at = ?
         WHERE id = ? AND token_generation = ?`,
      )
      .run(sealed, new Date().toISOString(), connectorId, expectedGeneration);
    return result.changes === 1 ? expectedGeneration + 1 : undefined;
  }

  async acquireConnectorLease(connectorId: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const result = this.#db
      .prepare(
        `UPDATE connectors SET lease_owner = ?, lease_until = ?
         WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)`,
      )
      .run(owner, now + ttlMs, connectorId, owner, now);
    return result.changes === 1;
  }

  async releaseConnectorLease(connectorId: string, owner: string): Promise<void> {
    this.#db
      .prepare(
        "UPDATE connectors SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
      )
      .run(connectorId, owner);
  }

  async saveOAuthState(record: OAuthStateRecord): Promise<void> {
    this.#db
      .prepare(
        `INSERT INTO oauth_states (state_hash, organization_id, workspace_name, connector_name, redirect_url,
           callback_url, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.stateHash,
        record.organizationId,
        record.workspaceName,
        record.connectorName,
        record.redirectUrl,
        record.callbackUrl,
        record.expiresAt,
      );
  }

  async takeOAuthState(stateHash: string): Promise<OAuthStateRecord | undefined> {
    const take = this.#db.transaction(() => {
      const row = this.#db
        .prepare(
          `SELECT state_hash, organization_id, workspace_name, connector_name, redirect_url, callback_url, expires_at
           FROM oauth_states WHERE state_hash = ?`,
        )
        .get(stateHash) as
        | {
            state_hash: string;
            organization_id: string;
            workspace_name: string;
            connector_name: string;
            redirect_url: string;
            callback_url: string;
            expires_at: number;
          }
        | undefined;
      if (row) this.#db.prepare("DELETE FROM oauth_states WHERE state_hash = ?").run(stateHash);
      this.#db.prepare("DELETE FROM oauth_states WHERE expires_at <= ?").run(Date.now());
      return row;
    });
    const row = take.immediate();
    return (
      row && {
        stateHash: row.state_hash,
        organizationId: row.organization_id,
        workspaceName: row.workspace_name,
        connectorName: row.connector_name,
        redirectUrl: row.redirect_url,
        callbackUrl: row.callback_url,
        expiresAt: row.expires_at,
      }
    );
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
