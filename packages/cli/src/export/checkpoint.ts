/**
 * The checkpoint beside an export file (`<out>.checkpoint.json`). It records where the last durable page
 * ended in the output (byte offset) and what to fetch next (the source's state). Records are appended and
 * fsynced BEFORE the checkpoint is atomically replaced, so after any crash the output holds at least the
 * checkpointed bytes; resuming truncates to the offset and continues, with no duplicates and no gaps.
 */
import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { CliError, ExitCode } from "../cli/errors.js";
import type { SourceState } from "./sources.js";

export interface Checkpoint {
  format: "gong-agent-export";
  version: 1;
  /** What was asked: the resumed run must ask the same. */
  request: ExportRequest;
  /** Parameters sent (with the pinned date window), identical on every page and after a resume. */
  params: Record<string, unknown>;
  state: SourceState;
  /** Bytes of the output that are complete and durable. */
  offset: number;
  records: number;
  pages: number;
  total?: number;
  startedAt: string;
}

export interface ExportRequest {
  entity: string;
  action: string;
  params: Record<string, unknown>;
  since?: string;
  until?: string;
  batchSize?: number;
  includePrivate?: boolean;
}

export function checkpointPath(out: string): string {
  return `${out}.checkpoint.json`;
}

export async function readCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Checkpoint;
    if (parsed.format !== "gong-agent-export" || parsed.version !== 1 || typeof parsed.offset !== "number") {
      throw new Error("format");
    }
    return parsed;
  } catch {
    throw new CliError(`The checkpoint ${path} is damaged.`, {
      exitCode: ExitCode.validation,
      hint: "Delete it together with the output file and start the export again.",
    });
  }
}

/** Atomic replace: temp file, fsync, rename. */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(JSON.stringify(checkpoint), "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new CliError(`Could not write the export checkpoint ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export function sameRequest(a: ExportRequest, b: ExportRequest): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
