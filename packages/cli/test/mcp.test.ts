import { createServer } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, baseEnv, collect, spawnCli, tempDir, waitForOutput } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("gong-agent mcp --sandbox", () => {
  it("serves the Gong tool to the official MCP client over stdio", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, "mcp", "--sandbox"],
      env: baseEnv({ GONG_AGENT_CONFIG: `${tmp.dir}/config.json` }) as Record<string, string>,
      stderr: "pipe",
    });
    const client = new Client({ name: "cli-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      const tool = tools.find((t) => t.name === "gong_execute");
      expect(tool).toBeDefined();
      expect(tool!.inputSchema.type).toBe("object");
      expect(Object.keys(tool!.inputSchema.properties ?? {})).toEqual(
        expect.arrayContaining(["entity", "action", "params"]),
      );

      const result = await client.callTool({
        name: "gong_execute",
        arguments: { entity: "users", action: "list" },
      });
      expect(result.isError).toBeFalsy();
      const text = (result.content as { type: string; text: string }[])[0]!.text;
      const page = JSON.parse(text) as {
        data: { id: string; emailAddress: string }[];
        meta: { hasMore: boolean };
      };
      expect(page.data.length).toBeGreaterThan(10);
      expect(page.data[0]!.emailAddress).toContain("@");

      const bad = await client.callTool({
        name: "gong_execute",
        arguments: { entity: "cals", action: "list" },
      });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toContain("calls");
    } finally {
      await client.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("gong-agent mcp --http", () => {
  it("serves the same tool over streamable HTTP until SIGINT", async () => {
    const port = await freePort();
    const child = spawnCli(["mcp", "--sandbox", "--http", String(port)], {
      env: { GONG_AGENT_CONFIG: `${tmp.dir}/config.json` },
    });
    const done = collect(child, { timeoutMs: 40_000 });
    await waitForOutput(child, "stderr", new RegExp(`http://127\\.0\\.0\\.1:${port}/mcp`));
    const client = new Client({ name: "cli-test-http", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("gong_execute");
      const result = await client.callTool({
        name: "gong_execute",
        arguments: { entity: "workspaces", action: "list" },
      });
      expect(result.isError).toBeFalsy();
      const page = JSON.parse((result.content as { text: string }[])[0]!.text) as { data: { id: string }[] };
      expect(page.data.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    child.kill("SIGINT");
    expect((await done).code).toBe(0);
  });
});
