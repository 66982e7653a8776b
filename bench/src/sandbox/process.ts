import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export interface SandboxEndpoint {
  url: string;
  accessKey: string;
  accessKeySecret: string;
}

export interface SandboxProcess extends SandboxEndpoint {
  pid: number;
  close(): Promise<void>;
}

const childScript = fileURLToPath(new URL("./child.js", import.meta.url));

/**
 * Starts a sandbox in a separate Node process and waits for its URL. Used where the client's own
 * CPU time or memory is measured, so the server's work does not count against the client.
 */
export async function startSandboxProcess(
  options: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [childScript, JSON.stringify(options)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const endpoint = await new Promise<SandboxEndpoint>((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the sandbox process did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf("\n");
      if (newline === -1) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buffered.slice(0, newline)) as SandboxEndpoint);
      } catch (error) {
        reject(error);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox process exited with ${code} before starting: ${stderr.trim()}`));
    });
  });
  return {
    ...endpoint,
    pid: child.pid!,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.stdin.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
