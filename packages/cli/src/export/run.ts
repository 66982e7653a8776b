/**
 * The export loop: fetch a page, append its records as JSONL, fsync, then move the checkpoint forward.
 * Without an output file the records stream to stdout (not resumable).
 */
import { type FileHandle, open, rm, stat } from "node:fs/promises";
import type { Writable } from "node:stream";
import { CliError, ExitCode } from "../cli/errors.js";
import {
  type Checkpoint,
  checkpointPath,
  type ExportRequest,
  readCheckpoint,
  sameRequest,
  writeCheckpoint,
} from "./checkpoint.js";
import { Progress } from "./progress.js";
import { type Execute, initialState, nextStep, type SourceState } from "./sources.js";

export interface ExportJob {
  request: ExportRequest;
  /** Parameters with the date window pinned (used unless a checkpoint already pinned them). */
  params: Record<string, unknown>;
  kind: SourceState["kind"];
  batchSize: number;
  out: string | undefined;
  force: boolean;
  exec: Execute;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  signal: AbortSignal;
  /** Called with each message for people (stderr). */
  info: (text: string) => void;
}

export interface ExportSummary {
  records: number;
  pages: number;
  out: string | undefined;
  resumed: boolean;
}

function interrupted(out: string | undefined): CliError {
  return new CliError(
    out
      ? `Export interrupted; the checkpoint is saved. Run the same command again to resume.`
      : "Export interrupted.",
  );
}

export async function runExport(job: ExportJob): Promise<ExportSummary> {
  const label = job.request.entity;
  if (!job.out) {
    let state = initialState(job.kind);
    let records = 0;
    let pages = 0;
    let total: number | undefined;
    let done = 0;
    const progress = new Progress(job.stderr, label);
    for (;;) {
      if (job.signal.aborted) throw interrupted(undefined);
      const step = await nextStep(
        job.exec,
        { ...job.request, params: job.params, batchSize: job.batchSize },
        state,
      );
      if (!step) break;
      for (const r of step.records) job.stdout.write(`${JSON.stringify(r)}\n`);
      records += step.records.length;
      pages++;
      total ??= step.total;
      done = step.state.kind === "transcripts" ? step.state.callsDone : records;
      state = step.state;
      progress.update({ records, pages, total, done });
    }
    progress.update({ records, pages, total, done }, true);
    return { records, pages, out: undefined, resumed: false };
  }

  const out = job.out;
  const cpPath = checkpointPath(out);
  let cp = await readCheckpoint(cpPath);
  let resumed = false;
  let handle: FileHandle;
  if (cp && !job.force) {
    if (!sameRequest(cp.request, job.request)) {
      throw new CliError(
        `${cpPath} belongs to a different export (${cp.request.entity} ${cp.request.action}).`,
        {
          exitCode: ExitCode.validation,
          hint: "Run the original command to resume it, or add --force to discard it and start over.",
        },
      );
    }
    handle = await openExisting(out, cp.offset);
    resumed = true;
    job.info(`Resuming export into ${out} after ${cp.records} records (${cp.pages} pages).`);
  } else {
    const existing = await stat(out).catch(() => undefined);
    if (existing && existing.size > 0 && !job.force) {
      throw new CliError(`${out} already exists.`, {
        exitCode: ExitCode.validation,
        hint: "Choose another --out, or add --force to overwrite it.",
      });
    }
    cp = {
      format: "gong-agent-export",
      version: 1,
      request: job.request,
      params: job.params,
      state: initialState(job.kind),
      offset: 0,
      records: 0,
      pages: 0,
      startedAt: new Date().toISOString(),
    };
    await writeCheckpoint(cpPath, cp);
    handle = await open(out, "w", 0o644);
  }

  const progress = new Progress(job.stderr, label, cp.records);
  let finished = false;
  try {
    let current: Checkpoint = cp;
    for (;;) {
      if (job.signal.aborted) throw interrupted(out);
      const step = await nextStep(
        job.exec,
        {
          entity: current.request.entity,
          action: current.request.action,
          params: current.params,
          batchSize: job.batchSize,
        },
        current.state,
      );
      if (!step) break;
      const bytes = Buffer.from(step.records.map((r) => `${JSON.stringify(r)}\n`).join(""), "utf8");
      if (bytes.length > 0) {
        // Records first, durably; only then the checkpoint that points past them.
        await writeFully(handle, bytes, current.offset);
        await handle.sync();
      }
      current = {
        ...current,
        state: step.state,
        offset: current.offset + bytes.length,
        records: current.records + step.records.length,
        pages: current.pages + 1,
        ...(current.total === undefined && step.total !== undefined ? { total: step.total } : {}),
      };
      await writeCheckpoint(cpPath, current);
      progress.update({
        records: current.records,
        pages: current.pages,
        total: current.total,
        done: current.state.kind === "transcripts" ? current.state.callsDone : current.records,
      });
    }
    finished = true;
    await handle.close();
    await rm(cpPath, { force: true });
    progress.update(
      { records: current.records, pages: current.pages, total: current.total, done: current.records },
      true,
    );
    return { records: current.records, pages: current.pages, out, resumed };
  } catch (error) {
    if (job.signal.aborted) throw interrupted(out);
    if (!finished) job.info(`The export stopped; ${cpPath} is saved: run the same command again to resume.`);
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Opens the output of an interrupted export and cuts it back to the last checkpointed byte. */
async function openExisting(out: string, offset: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(out, "r+");
  } catch (error) {
    throw new CliError(`Cannot resume: ${out} is missing (${(error as NodeJS.ErrnoException).code}).`, {
      exitCode: ExitCode.validation,
      hint: "Add --force to start the export over.",
    });
  }
  const { size } = await handle.stat();
  if (size < offset) {
    await handle.close();
    throw new CliError(
      `Cannot resume: ${out} is shorter (${size} bytes) than its checkpoint (${offset} bytes).`,
      {
        exitCode: ExitCode.validation,
        hint: "The file was changed after the interruption. Add --force to start the export over.",
      },
    );
  }
  // Anything past the offset was written after the last checkpoint and will be fetched again.
  await handle.truncate(offset);
  await handle.sync();
  return handle;
}

async function writeFully(handle: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, position + written);
    written += bytesWritten;
  }
}
