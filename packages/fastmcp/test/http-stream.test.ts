/**
 * The adapter in a user's own FastMCP server, decorating the user's own execute function, over
 * streamable HTTP (the other transport `createGongMcpServer` is ready for), with the official client.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { FastMCP } from "fastmcp";
import { afterEach, describe, expect, it } from "vitest";
import { addGongTool, createGongMcpServer, gongTool } from "../src/index.js";
import { textOf } from "./helpers/stdio-server.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serveAndConnect(server: FastMCP): Promise<Client> {
  const port = await freePort();
  await server.start({ transportType: "httpStream", httpStream: { port, host: "127.0.0.1" } });
  cleanups.push(() => server.stop());
  const client = new Client({ name: "gong-http-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
  cleanups.push(() => client.close());
  return client;
}

describe("addGongTool on a user's server", () => {
  it("serves the user's execute function, passing entity, action and params through", async () => {
    const received: Array<{ entity: string; action: string; params: Record<string, unknown> }> = [];
    const server = new FastMCP({ name: "my-server", version: "1.2.3" });
    const tool = addGongTool(
      server,
      async (entity, action, params) => {
        received.push({ entity, action, params });
        return { data: [{ id: "42", title: "Kickoff with Acme" }], meta: { hasMore: false } };
      },
      { name: "crm_gong", descriptionPrefix: "Our sales calls." },
    );
    expect(tool.name).toBe("crm_gong");

    const client = await serveAndConnect(server);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["crm_gong"]);
    expect(tools[0]!.description!.startsWith("Our sales calls.")).toBe(true);

    const result = await client.callTool({
      name: "crm_gong",
      arguments: {
        entity: "users",
        action: "list",
        params: { cursor: "abc", somethingCustom: { deep: [1, 2] } },
      },
    });
    expect(result.isError).not.toBe(true);
    expect(JSON.parse(textOf(result))).toEqual({
      data: [{ id: "42", title: "Kickoff with Acme" }],
      meta: { hasMore: false },
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ entity: "users", action: "list" });
    expect(received[0]!.params).toMatchObject({ cursor: "abc", somethingCustom: { deep: [1, 2] } });
  });

  it("turns a failure of the user's function into isError text the model can read", async () => {
    const server = createGongMcpServer({
      execute: async () => {
        throw new Error("the warehouse is offline");
      },
    });
    const client = await serveAndConnect(server);
    const result = await client.callTool({
      name: "gong_execute",
      arguments: { entity: "users", action: "list" },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("the warehouse is offline");
  });
});

describe("progress", () => {
  it("forwards the progress a long-running execute function reports, page by page and in order", async () => {
    const server = createGongMcpServer({
      execute: async (_entity, _action, _params, options) => {
        const records: Array<{ id: string }> = [];
        for (let page = 1; page <= 3; page++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          records.push({ id: String(page) });
          options?.onProgress?.({ progress: page, total: 3, message: `page ${page} of 3` });
        }
        return { data: records, meta: { hasMore: false } };
      },
    });
    const client = await serveAndConnect(server);
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await client.callTool(
      { name: "gong_execute", arguments: { entity: "calls", action: "list" } },
      undefined,
      { onprogress: (update) => progress.push(update) },
    );
    expect(result.isError).not.toBe(true);
    expect(progress).toEqual([
      { progress: 0, message: "asking Gong: calls list" },
      { progress: 1, total: 3, message: "page 1 of 3" },
      { progress: 2, total: 3, message: "page 2 of 3" },
      { progress: 3, total: 3, message: "page 3 of 3" },
    ]);
  });

  it("keeps progress increasing when a source reports numbers that go backwards", async () => {
    const server = createGongMcpServer({
      execute: async (_entity, _action, _params, options) => {
        options?.onProgress?.({ progress: 5, message: "five" });
        options?.onProgress?.({ progress: 2, total: 9, message: "two" });
        return { data: [] };
      },
    });
    const client = await serveAndConnect(server);
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    await client.callTool(
      { name: "gong_execute", arguments: { entity: "users", action: "list" } },
      undefined,
      {
        onprogress: (update) => progress.push(update),
      },
    );
    expect(progress.map((p) => p.progress)).toEqual([0, 5, 6]);
    expect(progress[2]).toEqual({ progress: 6, message: "two" });
  });
});

describe("progress between pages", () => {
  it("puts notes without a number halfway to the next step, so page numbers still rise", async () => {
    const server = createGongMcpServer({
      execute: async (_entity, _action, _params, options) => {
        options?.onProgress?.({ progress: 1, total: 2, message: "page 1" });
        options?.onProgress?.({ message: "retrying" });
        options?.onProgress?.({ progress: 1, message: "retrying again at the same page" });
        options?.onProgress?.({ progress: 2, total: 2, message: "page 2" });
        return { data: [] };
      },
    });
    const client = await serveAndConnect(server);
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    await client.callTool(
      { name: "gong_execute", arguments: { entity: "users", action: "list" } },
      undefined,
      {
        onprogress: (update) => progress.push(update),
      },
    );
    expect(progress.map((p) => p.progress)).toEqual([0, 1, 1.5, 1.75, 2]);
    expect(progress.at(-1)).toEqual({ progress: 2, total: 2, message: "page 2" });
  });
});

describe("annotations", () => {
  it("marks the tool read-only unless writes are allowed", () => {
    const execute = async () => ({ data: [] });
    expect(gongTool(execute).annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    expect(gongTool(execute, { allowWrites: true }).annotations).toMatchObject({ readOnlyHint: false });
    expect(gongTool(execute, { title: "Sales calls" }).annotations?.title).toBe("Sales calls");
  });
});

describe("createGongMcpServer", () => {
  it("announces its own name and version, and names the tool as told", async () => {
    const server = createGongMcpServer({
      execute: async () => ({ data: [] }),
      name: "acme-gong",
      toolName: "acme_gong",
    });
    const client = await serveAndConnect(server);
    const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(client.getServerVersion()).toMatchObject({ name: "acme-gong", version: packageJson.version });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["acme_gong"]);
    expect(client.getInstructions()).toContain("meta.cursor");
  });

  it("needs exactly one of connector or execute", () => {
    expect(() => createGongMcpServer({})).toThrow(/exactly one of `connector`/);
    const execute = async () => ({ data: [] });
    expect(() => createGongMcpServer({ execute, connector: { execute } })).toThrow(/exactly one/);
  });

  it("refuses a source that cannot execute", () => {
    expect(() => gongTool({} as never)).toThrow(/GongConnector or an execute/);
  });
});
