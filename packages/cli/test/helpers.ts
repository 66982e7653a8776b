/** Runs the built CLI as a real child process and collects what it printed. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = resolve(fileURLToPath(new URL(".", import.meta.url)), "../dist/bin.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  timeoutMs?: number;
  /**
   * Caps the size of any file the CLI writes (`ulimit -f`, in 512-byte blocks): bigger writes fail with
   * EFBIG. A way to make file writes fail that works for root too, where read-only modes do not.
   */
  maxFileBlocks?: number;
}

/** A clean environment: no Gong credentials leak in from the machine running the tests. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GONG_|AIRBYTE_)/.test(k)) continue;
    env[k] = v;
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function spawnCli(args: string[], options: RunOptions = {}): ChildProcess {
  if (options.maxFileBlocks !== undefined) {
    const script = 'ulimit -f "$1" && shift && exec "$@"';
    return spawn("sh", ["-c", script, "sh", String(options.maxFileBlocks), process.execPath, BIN, ...args], {
      env: baseEnv(options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
  }
  return spawn(process.execPath, [BIN, ...args], {
    env: baseEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawnCli(args, options);
  return collect(child, options);
}

export function collect(child: ChildProcess, options: RunOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  else child.stdin!.end();
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`gong-agent timed out.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 45_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "gong-agent-cli-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Env pointing the CLI at a sandbox with its access key, and at a private config file. */
export function sandboxEnv(
  sandbox: { url: string; accessKey: string; accessKeySecret: string },
  configPath: string,
): Record<string, string> {
  return {
    GONG_BASE_URL: sandbox.url,
    GONG_ACCESS_KEY: sandbox.accessKey,
    GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
    GONG_AGENT_CONFIG: configPath,
  };
}

export function parseJson<T = Record<string, unknown>>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Not JSON: ${text.slice(0, 500)}`);
  }
}

/** Resolves with the first match of `pattern` in the child's output; rejects if the child exits first or time runs out. */
export function waitForOutput(
  child: ChildProcess,
  stream: "stdout" | "stderr",
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpExecArray> {
  return new Promise((resolvePromise, reject) => {
    let text = "";
    const timer = setTimeout(
      () => finish(new Error(`no ${pattern} on ${stream} within ${timeoutMs} ms: ${text}`)),
      timeoutMs,
    );
    const onData = (d: Buffer | string) => {
      text += d.toString();
      const match = pattern.exec(text);
      if (match) finish(undefined, match);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`exited (${code}) before ${pattern} on ${stream}: ${text}`));
    function finish(error?: Error, match?: RegExpExecArray) {
      clearTimeout(timer);
      child[stream]!.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolvePromise(match!);
    }
    child[stream]!.on("data", onData);
    child.once("exit", onExit);
  });
}
