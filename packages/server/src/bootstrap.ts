/** Admin bootstrap without a running server: opens the database, adds an organization and its first client. */
import { createOrganizationRecord, type NewOrganization } from "./auth/applications.js";
import { SqliteStorage } from "./storage/sqlite.js";
import type { Storage } from "./storage/types.js";

export interface BootstrapOptions {
  name: string;
  /** SQLite file of the server. Default `gong-agent-server.db`. */
  dbPath?: string;
  storage?: Storage;
  applicationName?: string;
}

/** Returns `{ organizationId, clientId, clientSecret, name }`; the secret is shown only here. */
export async function createOrganization(options: BootstrapOptions): Promise<NewOrganization> {
  const storage = options.storage ?? new SqliteStorage(options.dbPath ?? "gong-agent-server.db");
  try {
    return await createOrganizationRecord(storage, options.name, options.applicationName);
  } finally {
    if (!options.storage) await storage.close();
  }
}
