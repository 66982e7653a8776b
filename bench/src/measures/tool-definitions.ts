/**
 * What each adapter hands its framework, extracted the way the framework itself would put it in front
 * of a model: the tool's description plus its parameters as JSON Schema.
 */

import { gongTool as aiSdkTool } from "@gong-agent/ai-sdk";
import type { GongConnector } from "@gong-agent/core";
import { createGongMcpServer } from "@gong-agent/fastmcp";
import { gongTool as langChainTool } from "@gong-agent/langchain";
import { gongTool as openAiTool } from "@gong-agent/openai-agents";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { asSchema } from "ai";

export interface ToolDefinition {
  adapter: string;
  description: string;
  schema: unknown;
}

export async function adapterToolDefinitions(connector: GongConnector): Promise<ToolDefinition[]> {
  return [
    langChainDefinition(connector),
    openAiDefinition(connector),
    await aiSdkDefinition(connector),
    await mcpDefinition(connector),
  ];
}

/** LangChain: the OpenAI tool definition LangChain's own converter makes of the structured tool. */
function langChainDefinition(connector: GongConnector): ToolDefinition {
  const converted = convertToOpenAITool(langChainTool(connector));
  return {
    adapter: "@gong-agent/langchain (convertToOpenAITool)",
    description: converted.function.description ?? "",
    schema: converted.function.parameters,
  };
}

/** OpenAI Agents: the function tool's description and (non-strict) parameters. */
function openAiDefinition(connector: GongConnector): ToolDefinition {
  const tool = openAiTool(connector);
  return {
    adapter: "@gong-agent/openai-agents (tool.parameters)",
    description: tool.description,
    schema: tool.parameters,
  };
}

/** AI SDK: the description and the JSON Schema the SDK derives from `inputSchema`. */
async function aiSdkDefinition(connector: GongConnector): Promise<ToolDefinition> {
  const tool = aiSdkTool(connector);
  return {
    adapter: "@gong-agent/ai-sdk (asSchema(inputSchema))",
    description: tool.description ?? "",
    schema: await asSchema(tool.inputSchema).jsonSchema,
  };
}

/** MCP: the `tools/list` entry a real MCP client receives from the FastMCP server. */
async function mcpDefinition(connector: GongConnector): Promise<ToolDefinition> {
  const server = createGongMcpServer({ connector });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "gong-agent-bench", version: "0.1.0" });
  // Both ends connect together: the server waits for the client's initialize to learn its capabilities.
  const [session] = await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  try {
    const { tools } = await client.listTools();
    if (tools.length !== 1) throw new Error(`the MCP server lists ${tools.length} tools, expected 1`);
    const [tool] = tools;
    return {
      adapter: "@gong-agent/fastmcp (MCP tools/list)",
      description: tool!.description ?? "",
      schema: tool!.inputSchema,
    };
  } finally {
    await client.close();
    await session.close();
  }
}
