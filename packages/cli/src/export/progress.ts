/**
 * Export progress on stderr: a bar redrawn in place when stderr is a terminal (records, pages, rate,
 * ETA), plain lines at most once a second otherwise (logs and CI keep them readable).
 */
import type { Writable } from "node:stream";

export interface ProgressSnapshot {
  records: number;
  pages: number;
  /** Expected records (or calls, for transcripts), when Gong said. */
  total: number | undefined;
  /** Progress toward `total` (records, or calls processed for transcripts). */
  done: number;
}

export class Progress {
  readonly #out: Writable & { isTTY?: boolean; columns?: number };
  readonly #label: string;
  readonly #started = Date.now();
  readonly #startRecords: number;
  #lastPlain = 0;

  constructor(out: Writable & { isTTY?: boolean; columns?: number }, label: string, startRecords = 0) {
    this.#out = out;
    this.#label = label;
    this.#startRecords = startRecords;
  }

  update(s: ProgressSnapshot, final = false): void {
    const elapsed = Math.max((Date.now() - this.#started) / 1000, 0.001);
    const rate = (s.records - this.#startRecords) / elapsed;
    // Gong's totals count private calls that are left out, so the end is "done", not the ratio.
    const fraction = final ? 1 : s.total ? Math.min(s.done / s.total, 1) : undefined;
    const remaining = s.total !== undefined && rate > 0 ? Math.max(s.total - s.done, 0) / rate : undefined;
    const parts = [
      `${this.#label}: ${s.records.toLocaleString("en-US")} records`,
      `${s.pages} pages`,
      `${rate.toFixed(rate < 10 ? 1 : 0)} rec/s`,
    ];
    if (!final && remaining !== undefined) parts.push(`ETA ${formatDuration(remaining)}`);
    if (final) parts.push(`in ${formatDuration(elapsed)}`);
    const text = parts.join(", ");
    if (this.#out.isTTY) {
      const width = 24;
      const bar =
        fraction === undefined
          ? ""
          : `[${"#".repeat(Math.round(fraction * width)).padEnd(width, "-")}] ${Math.round(fraction * 100)}% `;
      const line = `${bar}${text}`.slice(0, Math.max((this.#out.columns ?? 100) - 1, 20));
      this.#out.write(`\r\x1b[K${line}${final ? "\n" : ""}`);
      return;
    }
    const now = Date.now();
    if (!final && now - this.#lastPlain < 1000) return;
    this.#lastPlain = now;
    const pct = fraction === undefined || final ? "" : ` (${Math.round(fraction * 100)}%)`;
    this.#out.write(`${final ? "done " : ""}${text}${pct}\n`);
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
