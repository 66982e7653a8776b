/**
 * Collects every log line and error a test suite produces and checks that no secret used in the suite
 * appears in any of them (messages, inspected errors with their causes, structured fields).
 */
import { inspect } from "node:util";
import type { GongError } from "../../src/errors.js";
import { createConsoleLogger, type Logger } from "../../src/logging/logger.js";

export class SecretWatch {
  readonly secrets = new Set<string>();
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  /** A debug-level logger whose output is captured. */
  readonly logger: Logger = createConsoleLogger({ level: "debug", write: (line) => this.lines.push(line) });

  add(...secrets: string[]): void {
    for (const s of secrets) this.secrets.add(s);
  }

  /** Records an error (message, full inspection including causes) and returns it for assertions. */
  record<T>(error: T): T {
    this.errors.push(String((error as Error)?.message ?? error), inspect(error, { depth: 6 }));
    return error;
  }

  /** Runs `fn`, expecting it to reject; records and returns the error. */
  async catch(fn: () => Promise<unknown>): Promise<GongError> {
    try {
      await fn();
    } catch (error) {
      // Typed as GongError for convenient assertions; tests check the class with toBeInstanceOf.
      return this.record(error as GongError);
    }
    throw new Error("expected the call to fail, but it succeeded");
  }

  /** Every (secret, place) pair where a secret leaked; empty means clean. */
  leaks(): string[] {
    const found: string[] = [];
    const texts = [...this.lines, ...this.errors];
    for (const secret of this.secrets) {
      const b64 = Buffer.from(secret).toString("base64");
      for (const text of texts) {
        if (text.includes(secret) || text.includes(b64))
          found.push(`${secret.slice(0, 6)}… in ${text.slice(0, 120)}`);
      }
    }
    return found;
  }
}
