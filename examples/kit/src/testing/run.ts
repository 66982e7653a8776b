/** Runs an example as a user would (`pnpm start`), with only the environment a test gives it. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Runs `entry` (e.g. `src/main.ts`) of the example in `root` under tsx and returns what it printed.
 * Only PATH and HOME are passed on, plus `env`: no OpenAI key or Gong credentials leak in from the shell.
 */
export async function runExample(
  root: string,
  entry: string,
  env: Record<string, string> = {},
): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    timeout: 80_000,
  });
  return stdout;
}
