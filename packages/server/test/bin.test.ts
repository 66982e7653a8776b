/** The gong-agent-server command as a real child process: bootstrap, serve, refuse without a key. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../src/index.js";

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, "../dist/bin.js");
const dir = mkdtempSync(join(tmpdir(), "gong-agent-bin-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

const baseEnv = () => {
  const env: Record<string, string> = { PATH: process.env["PATH"] ?? "" };
  return env;
};

describe("gong-agent-server", () => {
  it("bootstraps an organization, serves, and issues a token to its client", async () => {
    const db = join(dir, "bin.db");
    const env = { ...baseEnv(), GONG_AGENT_SERVER_KEY: randomBytes(32).toString("hex") };
    const created = await run(process.execPath, [BIN, "create-organization", "--name", "Acme", "--db", db], {
      env,
    });
    const org = JSON.parse(created.stdout) as {
      organization_id: string;
      client_id: string;
      client_secret: string;
    };
    expect(org.client_secret).toMatch(/^gas_/);
    expect(created.stderr).toContain("not shown again");

    const child = spawn(process.execPath, [BIN, "--port", "0", "--db", db], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const url = await new Promise<string>((resolveUrl, reject) => {
      let text = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(text);
        if (match) resolveUrl(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
    expect(((await (await fetch(`${url}/health`)).json()) as { status: string }).status).toBe("ok");
    const token = await fetch(`${url}/api/v1/account/applications/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: org.client_id, client_secret: org.client_secret }),
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { expires_in: number }).expires_in).toBe(900);
    child.kill("SIGTERM");
    expect(await new Promise((r) => child.once("exit", (code, signal) => r(code ?? signal)))).toBe(0);
  });

  it("refuses to start without an encryption key outside dev mode, naming the variable", async () => {
    const failure = await run(process.execPath, [BIN, "--port", "0", "--db", join(dir, "nokey.db")], {
      env: baseEnv(),
    }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain("GONG_AGENT_SERVER_KEY");
    await expect(startServer({ port: 0, dbPath: ":memory:", env: {} })).rejects.toThrow(/No encryption key/);
  });

  it("starts in dev mode without a key", async () => {
    const server = await startServer({ port: 0, dbPath: ":memory:", dev: true, env: {}, logLevel: "error" });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
