/**
 * What every command receives: the process streams and environment, the global flags, the config
 * file path, a registry of secrets (masked in any error output) and cleanup hooks (embedded sandbox,
 * open files) that run however the command ends.
 */
import { type Readable, Writable } from "node:stream";
import { configPath } from "../config/paths.js";
import type { OAuthConnection } from "../connector/unsaved-tokens.js";
import type { OptionValues } from "./command.js";

export interface Io {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export interface GlobalFlags {
  jsonErrors: boolean;
  sandbox: boolean;
  sandboxSeed: string | undefined;
  config: string | undefined;
}

export function globalFlags(values: OptionValues): GlobalFlags {
  return {
    jsonErrors: values["json-errors"] === true,
    sandbox: values.sandbox === true,
    sandboxSeed: typeof values["sandbox-seed"] === "string" ? values["sandbox-seed"] : undefined,
    config: typeof values.config === "string" ? values.config : undefined,
  };
}

export class Context {
  readonly io: Io;
  readonly flags: GlobalFlags;
  readonly configPath: string;
  readonly secrets = new Set<string>();
  /** Fires on SIGINT/SIGTERM so long commands can stop cleanly. */
  readonly abort = new AbortController();
  /** Set when the command talks to Gong over OAuth, so unsaved rotated tokens can be rescued. */
  oauthConnection: OAuthConnection | undefined;
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  constructor(io: Io, flags: GlobalFlags) {
    this.io = io;
    this.flags = flags;
    this.configPath = configPath(io.env, flags.config);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  addSecrets(values: Iterable<string | undefined>): void {
    for (const v of values) if (v) this.secrets.add(v);
  }

  onCleanup(fn: () => Promise<void> | void): void {
    this.cleanups.push(fn);
  }

  async cleanup(): Promise<void> {
    while (this.cleanups.length) {
      const fn = this.cleanups.pop()!;
      try {
        await fn();
      } catch {
        // Cleanup is best effort; the command's own result or error is what gets reported.
      }
    }
  }

  /** JSON for machines, on stdout. */
  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Text for people, on stdout (for human-readable command output). */
  print(text: string): void {
    this.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Messages for people, on stderr; left out with --json-errors, whose stderr is only the error object. */
  info(text: string): void {
    if (this.flags.jsonErrors) return;
    this.io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Where progress goes: stderr, or nowhere with --json-errors. */
  get progressStream(): Io["stderr"] {
    if (!this.flags.jsonErrors) return this.io.stderr;
    return new Writable({ write: (_chunk, _encoding, done) => done() });
  }
}
