/**
 * MCP driver: the official `@modelcontextprotocol/sdk` Client is the host. It lists the server's tools,
 * hands each scripted tool call to `tools/call`, and feeds the results back to the script.
 *
 * Connector-backed scenarios run the published `gong-mcp` server (built dist) as a real child process
 * over stdio, configured like an MCP client would configure it: GONG_* environment variables and flags.
 * A scenario that wraps the user's own execute function cannot cross into another process, so it runs
 * `createGongMcpServer({ execute })` in this process over streamable HTTP, still through the real client.
 */
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { createGongMcpServer } from "@gong-agent/fastmcp";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { ConformanceDriver, DriverScenario, ObservedToolResult } from "../../src/index.js";

const MAX_TURNS = 20;
const require = createRequire(import.meta.url);
const GONG_MCP_BIN = join(dirname(require.resolve("@gong-agent/fastmcp/package.json")), "dist", "bin.js");

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

/** The `gong-mcp` flags for the scenario's tool options. */
function serverFlags(options: DriverScenario["toolOptions"]): string[] {
  const flags: string[] = [];
  if (options.name !== undefined) flags.push("--tool-name", options.name);
  if (options.descriptionPrefix !== undefined) flags.push("--description-prefix", options.descriptionPrefix);
  if (options.maxOutputChars !== undefined) flags.push("--max-output-chars", String(options.maxOutputChars));
  if (options.internalRetries !== undefined)
    flags.push("--internal-retries", String(options.internalRetries));
  return flags;
}

interface Connection {
  client: Client;
  /** What the server printed (stderr of the child process), for the secret scan. */
  log(): string;
  close(): Promise<void>;
}

async function connect(scenario: DriverScenario): Promise<Connection> {
  const client = new Client({ name: "gong-conformance", version: "1.0.0" });
  if (typeof scenario.source === "function") {
    const server = createGongMcpServer({
      execute: scenario.source,
      ...scenario.toolOptions,
      ...(scenario.toolOptions.name === undefined ? {} : { toolName: scenario.toolOptions.name }),
      logger: { debug() {}, log() {}, info() {}, warn() {}, error() {} },
    });
    const port = await freePort();
    await server.start({ transportType: "httpStream", httpStream: { port, host: "127.0.0.1" } });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)) as Transport,
    );
    return {
      client,
      log: () => "",
      close: async () => {
        await client.close();
        await server.stop();
      },
    };
  }
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [GONG_MCP_BIN, ...serverFlags(scenario.toolOptions)],
    env: {
      PATH: process.env.PATH ?? "",
      GONG_ACCESS_KEY: scenario.connection.accessKey,
      GONG_ACCESS_KEY_SECRET: scenario.connection.accessKeySecret,
      GONG_BASE_URL: scenario.connection.baseUrl,
    },
    stderr: "pipe",
  });
  let stderr = "";
  (transport.stderr as Readable | null)?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  await client.connect(transport);
  return { client, log: () => stderr, close: () => client.close() };
}

function textOf(result: object): string {
  const content = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>;
  return content.map((part) => (part.type === "text" ? (part.text ?? "") : JSON.stringify(part))).join("");
}

export const fastmcpDriver: ConformanceDriver = {
  name: "fastmcp",
  flagsErrors: true,
  async runScenario(scenario) {
    const connection = await connect(scenario);
    const messages: unknown[] = [{ role: "user", content: scenario.prompt }];
    try {
      const { tools } = await connection.client.listTools();
      const tool = tools[0];
      if (!tool) throw new Error("the MCP server listed no tool");
      let calls = 0;
      let toolResults: ObservedToolResult[] = [];
      for (let turn = 0; turn < MAX_TURNS; turn++) {
        const raw = JSON.stringify({ tools, messages });
        const action = scenario.respond({ toolResults, raw });
        if ("finalText" in action) {
          messages.push({ role: "assistant", content: action.finalText });
          return {
            finalText: action.finalText,
            transcript: JSON.stringify({ messages, log: connection.log() }),
          };
        }
        toolResults = [];
        for (const args of action.toolCalls) {
          const toolCallId = `call_${++calls}`;
          messages.push({
            role: "assistant",
            toolCall: { id: toolCallId, name: tool.name, arguments: args },
          });
          const result = await connection.client.callTool(
            { name: tool.name, arguments: { ...args } },
            undefined,
            { signal: scenario.signal, timeout: 60_000 },
          );
          const observed: ObservedToolResult = {
            toolCallId,
            toolName: tool.name,
            content: textOf(result),
            isError: result.isError === true,
          };
          messages.push({ role: "tool", ...observed });
          toolResults.push(observed);
        }
      }
      throw new Error(`the scripted model did not finish within ${MAX_TURNS} turns`);
    } finally {
      await connection.close();
    }
  },
};
