import { benchDir } from "../paths.js";
import { runNode } from "../util/child.js";
import { median, round } from "../util/stats.js";
import type { Measure } from "./types.js";

// The child times only the dynamic import itself, so Node's own start-up is not counted.
// CPU time is reported beside it because on a busy machine wall time mostly measures the queue.
const IMPORT_CODE = [
  "const cpu = process.cpuUsage();",
  "const started = performance.now();",
  "await import('@gong-agent/core');",
  "const importMs = performance.now() - started;",
  "const used = process.cpuUsage(cpu);",
  "console.log(JSON.stringify({ importMs, cpuMs: (used.user + used.system) / 1000 }));",
].join("\n");
const EMPTY_CODE = "console.log(JSON.stringify({ importMs: 0, cpuMs: 0 }));";

/**
 * coreImportMs: median over fresh Node processes of the time `await import("@gong-agent/core")`
 * takes inside the process (module cache empty; the OS file cache is warm, as on any second run).
 * For context it also reports whole-process wall times with and without the import.
 */
export const coreImport: Measure = {
  name: "import",
  keys: ["coreImportMs"],
  async run(settings) {
    const importMs: number[] = [];
    const cpuMs: number[] = [];
    const withImportWall: number[] = [];
    const emptyWall: number[] = [];
    // One discarded run of each warms the OS file cache, so every timed run sees the same state.
    await runNode(["--input-type=module", "-e", IMPORT_CODE], { cwd: benchDir });
    await runNode(["--input-type=module", "-e", EMPTY_CODE], { cwd: benchDir });
    for (let run = 0; run < settings.importRuns; run++) {
      const empty = await runNode(["--input-type=module", "-e", EMPTY_CODE], { cwd: benchDir });
      emptyWall.push(empty.wallMs);
      const withImport = await runNode(["--input-type=module", "-e", IMPORT_CODE], { cwd: benchDir });
      withImportWall.push(withImport.wallMs);
      const timing = parseTiming(withImport.stdout);
      importMs.push(timing.importMs);
      cpuMs.push(timing.cpuMs);
    }
    const processDelta = median(withImportWall) - median(emptyWall);
    return {
      values: { coreImportMs: round(median(importMs), 1) },
      notes: [
        `import("@gong-agent/core") inside a fresh process: median ${round(median(importMs), 1)} ms over ${settings.importRuns} processes (min ${round(Math.min(...importMs), 1)}, max ${round(Math.max(...importMs), 1)})`,
        `CPU time of the import (user + system): median ${round(median(cpuMs), 1)} ms`,
        `whole process wall time: ${round(median(withImportWall), 1)} ms with the import, ${round(median(emptyWall), 1)} ms for an empty node start (difference ${round(processDelta, 1)} ms)`,
      ],
    };
  },
};

function parseTiming(stdout: string): { importMs: number; cpuMs: number } {
  const parsed = JSON.parse(stdout.trim()) as { importMs?: unknown; cpuMs?: unknown };
  if (typeof parsed.importMs !== "number" || typeof parsed.cpuMs !== "number") {
    throw new Error(`unexpected import timing output: ${stdout}`);
  }
  return { importMs: parsed.importMs, cpuMs: parsed.cpuMs };
}
