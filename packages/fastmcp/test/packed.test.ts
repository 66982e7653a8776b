/**
 * The published shape works: core and this package, packed with `pnpm pack`, installed with FastMCP
 * from the registry into a fresh project outside the workspace. The installed `gong-mcp` bin is then
 * what an MCP client spawns: the official SDK client lists and calls the tool against the sandbox.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandbox } from "@gong-agent/sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textOf } from "./helpers/stdio-server.js";

const run = promisify(execFile);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const coreDir = resolve(packageDir, "../core");

async function pack(dir: string, destination: string): Promise<string> {
  const { stdout } = await run("pnpm", ["pack", "--pack-destination", destination], { cwd: dir });
  const file = stdout.trim().split("\n").at(-1)!.trim();
  return file.startsWith("/") ? file : join(destination, file);
}

describe("packed tarball in a fresh project", () => {
  let project: string;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "gong-mcp-packed-"));
    sandbox = await startSandbox({ seed: 3, rateLimit: false });
    const dependencies = {
      "@gong-agent/core": `file:${await pack(coreDir, project)}`,
      "@gong-agent/fastmcp": `file:${await pack(packageDir, project)}`,
    };
    const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
    const fastmcp = `fastmcp@${manifest.devDependencies.fastmcp}`;
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({
        name: "packed-check",
        private: true,
        type: "module",
        dependencies,
        overrides: dependencies,
      }),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", fastmcp], {
      cwd: project,
      timeout: 600_000,
    });
  }, 660_000);

  afterAll(async () => {
    await sandbox?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("serves the tool from the installed gong-mcp bin over stdio", async () => {
    const transport = new StdioClientTransport({
      command: join(project, "node_modules", ".bin", "gong-mcp"),
      cwd: project,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: project,
        GONG_ACCESS_KEY: sandbox.accessKey,
        GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
        GONG_BASE_URL: sandbox.url,
      },
      stderr: "pipe",
    });
    const client = new Client({ name: "packed-check", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["gong_execute"]);
      expect(tools[0]!.inputSchema.properties?.params).toMatchObject({
        type: "object",
        additionalProperties: true,
      });
      const result = await client.callTool({
        name: "gong_execute",
        arguments: { entity: "users", action: "list" },
      });
      expect(result.isError).not.toBe(true);
      const body = JSON.parse(textOf(result)) as { data: Array<{ id: string }> };
      expect(body.data.length).toBeGreaterThan(0);
      expect(sandbox.requests.forPath("/v2/users").length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it("exposes the library API from the installed package", async () => {
    const script = [
      'import { createGongMcpServer, gongTool } from "@gong-agent/fastmcp";',
      "const tool = gongTool(async () => ({ data: [] }));",
      "const server = createGongMcpServer({ execute: async () => ({ data: [] }) });",
      "console.log(JSON.stringify({ name: tool.name, readOnly: tool.annotations.readOnlyHint, server: typeof server.start }));",
    ].join("\n");
    await writeFile(join(project, "check.mjs"), script);
    const { stdout } = await run(process.execPath, ["check.mjs"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ name: "gong_execute", readOnly: true, server: "function" });
  });
});
