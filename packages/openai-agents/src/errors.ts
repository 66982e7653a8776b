import type { GongError } from "@gong-agent/core";

/**
 * Thrown inside the tool's `execute` so the SDK records a failed call; its message is core's text
 * for the model, and `cause` the typed `GongError`.
 */
export class GongToolCallError extends Error {
  override name = "GongToolCallError";
  declare readonly cause: GongError;

  constructor(text: string, cause: GongError) {
    super(text, { cause });
  }
}
