/**
 * Spawns the built `gong-mcp` bin as a real child process and connects the official MCP SDK client to
 * it over stdio. The server's stderr is kept, so tests can check it never prints a secret.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/bin.js");

export interface SandboxCredentials {
  url: string;
  accessKey: string;
  accessKeySecret: string;
}

/** Environment for the server: only what it needs, plus a throwaway HOME so no real token file is touched. */
export function serverEnv(
  sandbox: SandboxCredentials,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: mkdtempSync(join(tmpdir(), "gong-mcp-home-")),
    GONG_ACCESS_KEY: sandbox.accessKey,
    GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
    GONG_BASE_URL: sandbox.url,
    ...extra,
  };
}

export interface StdioSession {
  client: Client;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

export async function connectStdio(env: Record<string, string>, args: string[] = []): Promise<StdioSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    env,
    stderr: "pipe",
  });
  let stderr = "";
  (transport.stderr as Readable | null)?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const client = new Client({ name: "gong-mcp-test", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    close: () => client.close(),
  };
}

/** The text of a tools/call result (all text parts joined). */
export function textOf(result: object): string {
  const parts = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>;
  return parts
    .filter((part) => part.type === "text")
    .map((part) => part.text ?? "")
    .join("");
}
