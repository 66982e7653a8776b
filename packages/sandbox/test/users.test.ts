// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, collect, NOW } from "./helpers.ts";
import { validateResponse } from "./openapi.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, now: NOW, rateLimit: false, dataSize: { users: 250, calls: 300 } });
  api = client(sandbox);
});
afterAll(() => sandbox.close());

describe("users", () => {
  it("pages GET /v2/users with the cursor in the query; all pages = all users, no duplicates", async () => {
    const { records, pages } = await collect(api, "GET", "/v2/users", "users");
    expect(pages.map((p) => p.json.records.currentPageSize)).toEqual([100, 100, 50]);
    expect(records).toHaveLength(250);
    expect(new Set(records.map((u) => u.id)).size).toBe(250);
    for (const p of pages) expect(validateResponse("/v2/users", "GET", p.status, p.json)).toEqual([]);
    // An org chart: every manager is a user, and exactly one person has no manager.
    const ids = new Set(records.map((u) => u.id));
    expect(records.filter((u) => !u.managerId)).toHaveLength(1);
    expect(records.every((u) => !u.managerId || ids.has(u.managerId))).toBe(true);
    expect(new Set(records.map((u) => u.emailAddress)).size).toBe(250);
  });

  it("gets one user and its settings history; 404 for an unknown id", async () => {
    const first = (await api.get("/v2/users")).json.users[7];
    const one = await api.get(`/v2/users/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.json.user).toEqual(first);
    expect(validateResponse("/v2/users/{id}", "GET", 200, one.json)).toEqual([]);
    const history = await api.get(`/v2/users/${first.id}/settings-history`);
    expect(history.status).toBe(200);
    expect(history.json.userSettingsHistory.length).toBeGreaterThan(0);
    expect(validateResponse("/v2/users/{id}/settings-history", "GET", 200, history.json)).toEqual([]);
    const missing = await api.get("/v2/users/123");
    expect(missing.status).toBe(404);
    expect(validateResponse("/v2/users/{id}", "GET", 404, missing.json)).toEqual([]);
  });

  it("filters POST /v2/users/extensive by ids and creation date, paging with the cursor in the body", async () => {
    const all = (await collect(api, "GET", "/v2/users", "users")).records;
    const ids = all.slice(10, 14).map((u) => u.id);
    const byIds = await api.post("/v2/users/extensive", { filter: { userIds: ids } });
    expect(byIds.status).toBe(200);
    expect(byIds.json.users.map((u: any) => u.id).sort()).toEqual([...ids].sort());
    expect(validateResponse("/v2/users/extensive", "POST", 200, byIds.json)).toEqual([]);

    const cutoff = [...all.map((u) => u.created)].sort()[120];
    const { records } = await collect(api, "POST", "/v2/users/extensive", "users", {
      filter: { createdFromDateTime: cutoff },
    });
    expect(records.length).toBe(all.filter((u) => u.created >= cutoff).length);
    expect(records.every((u) => u.created >= cutoff)).toBe(true);

    const empty = await api.post("/v2/users/extensive", { filter: { userIds: [] } });
    expect(empty.status).toBe(400);
    const none = await api.post("/v2/users/extensive", { filter: { userIds: ["1"] } });
    expect(none.status).toBe(404);
    expect(none.json.errors[0]).toMatch(/No users found/);
  });
});

describe("workspaces", () => {
  it("lists the company's workspaces without a cursor", async () => {
    const result = await api.get("/v2/workspaces");
    expect(result.status).toBe(200);
    expect(result.json.workspaces.map((w: any) => w.id)).toEqual(sandbox.data.workspaces.map((w) => w.id));
    expect(result.json.records).toBeUndefined();
    expect(validateResponse("/v2/workspaces", "GET", 200, result.json)).toEqual([]);
  });
});
