/**
 * The Storage contract, run against SQLite. A Postgres (or other) implementation runs the same
 * `storageContract` to prove it keeps tenancy, single-use states and compare-and-swap.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, type ConnectorRecord, SqliteStorage, type Storage } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "gong-agent-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seedConnector(
  storage: Storage,
  organizationId: string,
  name = "Gong",
): Promise<ConnectorRecord> {
  const workspace = await storage.ensureWorkspace(organizationId, "ws", randomUUID);
  const now = new Date().toISOString();
  const record: ConnectorRecord = {
    id: randomUUID(),
    organizationId,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    name,
    connectorType: "Gong",
    authType: "oauth",
    sealedConfig: "v1.sealed-config",
    settings: { includePrivate: true },
    createdAt: now,
    updatedAt: now,
  };
  await storage.createConnector(record);
  return record;
}

async function newOrganization(storage: Storage): Promise<string> {
  const id = randomUUID();
  await storage.createOrganization({ id, name: `org ${id}`, createdAt: new Date().toISOString() });
  return id;
}

export function storageContract(name: string, open: () => Storage, openSecond?: () => Storage): void {
  describe(`Storage contract: ${name}`, () => {
    it("scopes connectors by organization", async () => {
      const storage = open();
      const a = await newOrganization(storage);
      const b = await newOrganization(storage);
      const connector = await seedConnector(storage, a);
      expect((await storage.getConnector(a, connector.id))?.name).toBe("Gong");
      expect((await storage.getConnector(a, connector.id))?.settings).toEqual({ includePrivate: true });
      expect(await storage.getConnector(b, connector.id)).toBeUndefined();
      expect(await storage.listConnectors(b)).toEqual([]);
      expect(await storage.deleteConnector(b, connector.id)).toBe(false);
      expect(await storage.deleteConnector(a, connector.id)).toBe(true);
      expect(await storage.getConnector(a, connector.id)).toBeUndefined();
      await storage.close();
    });

    it("refuses a second connector with the same name in a workspace", async () => {
      const storage = open();
      const org = await newOrganization(storage);
      await seedConnector(storage, org, "same");
      await expect(seedConnector(storage, org, "same")).rejects.toBeInstanceOf(ConflictError);
      await storage.close();
    });

    it("swaps tokens only from the expected generation", async () => {
      const storage = open();
      const connector = await seedConnector(storage, await newOrganization(storage));
      expect(await storage.getConnectorTokens(connector.id)).toBeUndefined();
      expect(await storage.swapConnectorTokens(connector.id, 1, "v1.wrong")).toBeUndefined();
      expect(await storage.swapConnectorTokens(connector.id, 0, "v1.first")).toBe(1);
      expect(await storage.swapConnectorTokens(connector.id, 0, "v1.late")).toBeUndefined();
      expect(await storage.getConnectorTokens(connector.id)).toEqual({ sealed: "v1.first", generation: 1 });
      await storage.close();
    });

    it("hands out each OAuth state once", async () => {
      const storage = open();
      const org = await newOrganization(storage);
      const state = {
        stateHash: randomUUID(),
        organizationId: org,
        workspaceName: "ws",
        connectorName: "n",
        redirectUrl: "https://app.example/done",
        callbackUrl: "https://hosted.example/cb",
        expiresAt: Date.now() + 60_000,
      };
      await storage.saveOAuthState(state);
      expect(await storage.takeOAuthState(state.stateHash)).toEqual(state);
      expect(await storage.takeOAuthState(state.stateHash)).toBeUndefined();
      await storage.close();
    });

    it("lets one holder at a time take a connector's lease, and takes over an expired one", async () => {
      const storage = open();
      const connector = await seedConnector(storage, await newOrganization(storage));
      expect(await storage.acquireConnectorLease(connector.id, "p1", 60_000)).toBe(true);
      expect(await storage.acquireConnectorLease(connector.id, "p2", 60_000)).toBe(false);
      await storage.releaseConnectorLease(connector.id, "p2"); // not the holder: no effect
      expect(await storage.acquireConnectorLease(connector.id, "p2", 60_000)).toBe(false);
      await storage.releaseConnectorLease(connector.id, "p1");
      expect(await storage.acquireConnectorLease(connector.id, "p2", 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await storage.acquireConnectorLease(connector.id, "p3", 60_000)).toBe(true);
      await storage.close();
    });

    if (openSecond) {
      it("keeps compare-and-swap atomic across two connections to the same database", async () => {
        const first = open();
        const connector = await seedConnector(first, await newOrganization(first));
        const second = openSecond();
        const results = await Promise.all([
          first.swapConnectorTokens(connector.id, 0, "v1.from-first"),
          second.swapConnectorTokens(connector.id, 0, "v1.from-second"),
        ]);
        expect(results.filter((r) => r === 1)).toHaveLength(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(1);
        const stored = await second.getConnectorTokens(connector.id);
        expect(stored?.generation).toBe(1);
        expect(stored?.sealed).toBe(results[0] === 1 ? "v1.from-first" : "v1.from-second");
        await first.close();
        await second.close();
      });
    }
  });
}

const file = join(dir, "contract.db");
storageContract(
  "SQLite file",
  () => new SqliteStorage(file),
  () => new SqliteStorage(file),
);
storageContract("SQLite in memory", () => new SqliteStorage(":memory:"));

describe("SqliteStorage", () => {
  it("adds columns that a database from an earlier build lacks", async () => {
    const path = join(dir, "earlier.db");
    const raw = new Database(path);
    raw.exec(`CREATE TABLE connectors (
      id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, workspace_id TEXT NOT NULL, name TEXT NOT NULL,
      connector_type TEXT NOT NULL, auth_type TEXT NOT NULL, sealed_config TEXT NOT NULL, sealed_tokens TEXT,
      token_generation INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      UNIQUE (workspace_id, name))`);
    raw.close();
    const storage = new SqliteStorage(path);
    const connector = await seedConnector(storage, await newOrganization(storage));
    expect(await storage.acquireConnectorLease(connector.id, "p1", 1000)).toBe(true);
    expect((await storage.getConnector(connector.organizationId, connector.id))?.settings).toEqual({
      includePrivate: true,
    });
    await storage.close();
  });

  it("refuses a database written by a newer schema", async () => {
    const path = join(dir, "future.db");
    const storage = new SqliteStorage(path);
    await storage.close();
    const raw = new Database(path);
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => new SqliteStorage(path)).toThrow(/newer server/);
  });
});
