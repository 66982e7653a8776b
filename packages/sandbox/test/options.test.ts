import { spawn } from "node:child_process";
import { once } from "node:events";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../src/index.ts";
import { basicAuth, call, client, NOW } from "./helpers.ts";
import { validateResponse } from "./openapi.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("options", () => {
  it("sizes the data as asked", async () => {
    for (const [dataSize, users, calls] of [
      ["small", 12, 200],
      [500, 60, 500],
      [{ calls: 10, users: 3 }, 3, 10],
    ] as const) {
      const sandbox = await startSandbox({ now: NOW, rateLimit: false, dataSize });
      try {
        expect([sandbox.data.userCount, sandbox.data.callCount]).toEqual([users, calls]);
        const first = (await client(sandbox).get("/v2/calls")).json;
        expect(first.records.totalRecords).toBe(calls);
      } finally {
        await sandbox.close();
      }
    }
  });

  it("refuses bad options with a clear TypeError", async () => {
    await expect(startSandbox({ dataSize: "huge" as never })).rejects.toThrow(/dataSize must be/);
    await expect(startSandbox({ dataSize: -1 })).rejects.toThrow(/dataSize calls/);
    await expect(startSandbox({ now: "not a date" })).rejects.toThrow(/now must be/);
    await expect(startSandbox({ tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
  });

  it("spends AI credits and answers 402 when none are left", async () => {
    const sandbox = await startSandbox({ seed: 8, now: NOW, rateLimit: false, aiCredits: 1 });
    try {
      const api = client(sandbox);
      const accountId = (
        await api.post("/v2/calls/extensive", { filter: {}, contentSelector: { context: "Basic" } })
      ).json.calls.find((c: { context: unknown[] }) => c.context.length > 0).context[0].objects[0].objectId;
      const ws = sandbox.data.workspaces[0]!.id;
      const ask = `/v2/entities/ask-entity?workspaceId=${ws}&crmEntityType=ACCOUNT&crmEntityId=${accountId}&timePeriod=ALL_CONVERSATIONS&question=next%20steps`;
      expect((await api.get(ask)).status).toBe(200);
      const broke = await api.get(ask);
      expect(broke.status).toBe(402);
      expect(validateResponse("/v2/entities/ask-entity", "GET", 402, broke.json)).toEqual([]);
    } finally {
      await sandbox.close();
    }
    await expect(startSandbox({ aiCredits: -1 })).rejects.toThrow(/aiCredits/);
  });

  it("says which port is taken", async () => {
    const first = await startSandbox({ now: NOW });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startSandbox({ now: NOW, port })).rejects.toThrow(
        new RegExp(`port ${port} .* already in use`),
      );
    } finally {
      await first.close();
    }
  });

  it("accepts fixed access keys and describes itself at /", async () => {
    const sandbox = await startSandbox({ now: NOW, accessKey: "KEY", accessKeySecret: "SECRET" });
    try {
      expect(basicAuth(sandbox)).toBe(`Basic ${Buffer.from("KEY:SECRET").toString("base64")}`);
      const info = await call(sandbox.url, "GET", "/");
      expect(info.status).toBe(200);
      expect(info.json.tenantApiBaseUrl).toBe(sandbox.oauth.apiBaseUrl);
      expect(info.json.operations).toContain("POST /v2/calls/extensive");
      expect(info.text).not.toContain("SECRET");
    } finally {
      await sandbox.close();
    }
  });
});

describe("gong-sandbox bin", () => {
  it("prints the connection details and serves until stopped", async () => {
    const bin = path.resolve(here, "../dist/bin.js");
    const child = spawn(
      process.execPath,
      [bin, "--port", "0", "--tenant-port", "0", "--seed", "5", "--no-rate-limit", "--json"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      let out = "";
      child.stdout.setEncoding("utf8");
      while (!out.trimEnd().endsWith("}")) {
        const [chunk] = (await once(child.stdout, "data")) as [string];
        out += chunk;
      }
      const details = JSON.parse(out);
      expect(details.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(details.oauth.apiBaseUrl).not.toBe(details.url);
      const auth = `Basic ${Buffer.from(`${details.accessKey}:${details.accessKeySecret}`).toString("base64")}`;
      const result = await call(details.url, "GET", "/v2/workspaces", { authorization: auth });
      expect(result.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    }
  });

  it("exits 2 on a bad option", async () => {
    const bin = path.resolve(here, "../dist/bin.js");
    const child = spawn(process.execPath, [bin, "--nope"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => {
      err += c;
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(err).toContain("Unknown option");
  });
});
