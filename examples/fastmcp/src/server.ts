/**
 * The MCP server: the Gong tool on a FastMCP server, over stdio.
 *
 *   GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=… pnpm server
 *
 * Any MCP client can spawn this file (see README.md); `pnpm start` spawns it from client.ts.
 */
import { GongConnector } from "@gong-agent/core";
import { createGongMcpServer, gongConfigFromEnv } from "@gong-agent/fastmcp";

const gong = new GongConnector(gongConfigFromEnv(process.env));
const server = createGongMcpServer({ connector: gong, name: "gong-example" });
await server.start({ transportType: "stdio" });
