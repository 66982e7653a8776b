/**
 * An MCP host in one file: it spawns the Gong MCP server (server.ts) over stdio with the official MCP
 * SDK client, hands its tools to a model, and runs the tool calls the model asks for, printing every step.
 *
 *   pnpm start                          offline: a local Gong sandbox and a scripted model
 *   OPENAI_API_KEY=… pnpm start          a real model (OPENAI_MODEL, default gpt-4.1-mini)
 *   GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=… pnpm start   your real Gong (or GONG_REFRESH_TOKEN, …)
 */
import { fileURLToPath } from "node:url";
import { preview, QUESTION } from "@gong-agent/example-kit";
import { hasGongCredentials } from "@gong-agent/fastmcp";
import { startSandbox } from "@gong-agent/sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { openAIModel } from "./models/openai.js";
import { scriptedModel } from "./models/scripted.js";
import type { Message, Model, ToolSpec } from "./models/types.js";

const MAX_TURNS = 8;

async function main(): Promise<void> {
  // Gong: yours when credentials are set, otherwise a sandbox with seeded data on 127.0.0.1.
  const sandbox = hasGongCredentials() ? undefined : await startSandbox({ seed: 42, rateLimit: false });
  const gongEnv: Record<string, string> = sandbox
    ? {
        GONG_ACCESS_KEY: sandbox.accessKey,
        GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
        GONG_BASE_URL: sandbox.url,
      }
    : Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] => e[0].startsWith("GONG_") && e[1] !== undefined,
        ),
      );
  console.log(`gong: ${sandbox ? `sandbox at ${sandbox.url}` : "your Gong account"}`);

  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", fileURLToPath(new URL("./server.ts", import.meta.url))],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...gongEnv },
    stderr: "inherit",
  });
  const client = new Client({ name: "gong-example-host", version: "0.1.0" });
  await client.connect(transport);

  try {
    const { tools } = await client.listTools();
    console.log(
      `tools/list: ${tools.map((t) => `${t.name} (readOnly: ${t.annotations?.readOnlyHint})`).join(", ")}`,
    );
    const specs: ToolSpec[] = tools.map((t) => ({
      name: t.name,
      description: t.description ?? "",
      inputSchema: t.inputSchema as Record<string, unknown>,
    }));

    const apiKey = process.env.OPENAI_API_KEY;
    const model: Model = apiKey ? openAIModel(apiKey) : scriptedModel();
    console.log(`model: ${model.label}`);
    console.log(`user: ${QUESTION}`);

    const messages: Message[] = [{ role: "user", content: QUESTION }];
    for (let turn = 0; turn < MAX_TURNS; turn++) {
      const next = await model.next(messages, specs);
      if ("answer" in next) {
        console.log(`answer: ${next.answer}`);
        return;
      }
      messages.push({ role: "assistant", content: "", toolCalls: next.toolCalls });
      for (const call of next.toolCalls) {
        console.log(`tool call: ${call.name} ${JSON.stringify(call.arguments)}`);
        const result = await client.callTool({ name: call.name, arguments: call.arguments }, undefined, {
          onprogress: (p) =>
            console.log(`  progress: ${p.progress}${p.total ? `/${p.total}` : ""} ${p.message ?? ""}`),
        });
        const text = (result.content as Array<{ type: string; text?: string }>)
          .map((part) => part.text ?? "")
          .join("");
        const isError = result.isError === true;
        console.log(`tool result${isError ? " (error)" : ""}: ${preview(text)}`);
        messages.push({ role: "tool", toolCallId: call.id, content: text, isError });
      }
    }
    console.log(`answer: (stopped after ${MAX_TURNS} turns)`);
  } finally {
    await client.close();
    await sandbox?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
