/** `gong-agent mcp`: the Gong MCP server, on stdio or streamable HTTP. */
import { type CommandSpec, intOption } from "../cli/command.js";
import { untilAborted } from "../cli/wait.js";
import { openGong } from "../connector/open.js";

export const mcpCommand: CommandSpec = {
  name: "mcp",
  summary: "Serve the Gong tool to MCP clients (Claude Desktop, Cursor…) on stdio or HTTP.",
  positionals: { min: 0, max: 0 },
  description:
    "Runs an MCP server exposing one tool, gong_execute(entity, action, params), over the configured\n" +
    "credentials (or --sandbox). Stdio by default, for clients that start the server themselves; --http PORT\n" +
    "serves the streamable HTTP transport at http://127.0.0.1:PORT/mcp instead. stdout carries only the\n" +
    "protocol; messages go to stderr.",
  options: {
    http: {
      type: "string",
      valueName: "PORT",
      description: "Serve streamable HTTP on this port instead of stdio.",
    },
  },
  examples: [
    "gong-agent mcp",
    "gong-agent mcp --sandbox",
    "gong-agent mcp --http 8808",
    "npx @modelcontextprotocol/inspector@0.15.0 gong-agent mcp --sandbox   (0.15 is the last release for Node 20)",
  ],
  run: async (ctx, { values }) => {
    const port = intOption(values, "http", { min: 1, max: 65535 });
    const { connector, target } = await openGong(ctx);
    const { createGongMcpServer } = await import("@gong-agent/fastmcp");
    const server = createGongMcpServer({ connector });
    ctx.onCleanup(() => server.stop());
    if (port !== undefined) {
      await server.start({ transportType: "httpStream", httpStream: { port } });
      ctx.info(`Gong MCP server on http://127.0.0.1:${port}/mcp (streamable HTTP), backed by ${target}.`);
    } else {
      await server.start({ transportType: "stdio" });
      ctx.info(`Gong MCP server on stdio, backed by ${target}.`);
      // Stdio servers end when the client closes stdin.
      ctx.io.stdin.once("end", () => ctx.abort.abort());
      ctx.io.stdin.once("close", () => ctx.abort.abort());
    }
    await untilAborted(ctx.signal);
  },
};
