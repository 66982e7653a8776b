import { spawn } from "node:child_process";

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit, in milliseconds. */
  wallMs: number;
}

/** Runs a command to completion, capturing its output. Never rejects for a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`${command} ${args.join(" ")} did not finish within ${options.timeoutMs} ms`));
          }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}

/** Runs `node` with the given arguments, throwing with the child's stderr when it fails. */
export async function runNode(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildResult> {
  const result = await runCommand(process.execPath, args, options);
  if (result.code !== 0) {
    throw new Error(`node ${args[0] ?? ""} exited with ${result.code}: ${lastLines(result.stderr, 15)}`);
  }
  return result;
}

/** Parses the last non-empty stdout line as JSON: children report their figures that way. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.split("\n").filter((line) => line.trim().length > 0);
  const last = lines.at(-1);
  if (last === undefined) throw new Error("the child printed no result line");
  return JSON.parse(last) as T;
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}
