/**
 * The MCP Inspector's CLI mode lists and calls the tool of the `gong-mcp` server. The Inspector's
 * current releases need Node 22; 0.15.0 is the last that runs on Node 20, and its `--cli` mode is the
 * `@modelcontextprotocol/inspector-cli` package this test runs (the same code, without the web UI).
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, serverEnv } from "./helpers/stdio-server.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const INSPECTOR_CLI = join(
  dirname(require.resolve("@modelcontextprotocol/inspector-cli/package.json")),
  "build",
  "index.js",
);

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, rateLimit: false });
});
afterAll(async () => {
  await sandbox?.close();
});

async function inspector(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [INSPECTOR_CLI, process.execPath, BIN, ...args], {
    env: serverEnv(sandbox),
    timeout: 30_000,
  });
  return JSON.parse(stdout);
}

describe("MCP Inspector CLI", () => {
  it("lists the tool with an object root and an open params", async () => {
    const listed = (await inspector(["--method", "tools/list"])) as {
      tools: Array<{
        name: string;
        inputSchema: {
          type: string;
          properties: Record<string, { type?: string; additionalProperties?: unknown }>;
        };
      }>;
    };
    expect(listed.tools.map((tool) => tool.name)).toEqual(["gong_execute"]);
    expect(listed.tools[0]!.inputSchema.type).toBe("object");
    expect(listed.tools[0]!.inputSchema.properties.params).toMatchObject({
      type: "object",
      additionalProperties: true,
    });
  });

  it("calls the tool with JSON params", async () => {
    const called = (await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      "gong_execute",
      "--tool-arg",
      "entity=users",
      "action=list",
      "params={}",
    ])) as { content: Array<{ type: string; text: string }>; isError?: boolean };
    expect(called.isError).not.toBe(true);
    const body = JSON.parse(called.content[0]!.text) as { data: Array<{ id: string }> };
    expect(body.data.length).toBeGreaterThan(0);
    expect(sandbox.requests.forPath("/v2/users").length).toBeGreaterThan(0);
  });
});
