/** The embedded sandbox behind `--sandbox`, `gong-agent sandbox` and `gong-agent demo`. */
import type { Context } from "../cli/context.js";

export interface SandboxOptions {
  port?: number;
  seed?: string | number;
  /** false turns Gong's 3 requests/second emulation off (the demo does, to stay fast). */
  rateLimit?: boolean;
}

export type StartedSandbox = Awaited<ReturnType<typeof import("@gong-agent/sandbox").startSandbox>>;

/** Starts a sandbox that is closed when the command ends. Loaded on demand: most commands never need it. */
export async function startEmbeddedSandbox(
  ctx: Context,
  options: SandboxOptions = {},
): Promise<StartedSandbox> {
  const { startSandbox } = await import("@gong-agent/sandbox");
  const seed = options.seed ?? ctx.flags.sandboxSeed;
  const sandbox = await startSandbox({
    port: options.port ?? 0,
    ...(seed !== undefined ? { seed: parseSeed(seed) } : {}),
    ...(options.rateLimit === false ? { rateLimit: false } : {}),
  });
  ctx.onCleanup(() => sandbox.close());
  return sandbox;
}

function parseSeed(seed: string | number): number | string {
  return typeof seed === "string" && /^\d+$/.test(seed) ? Number(seed) : seed;
}
