/**
 * `pnpm bench`: runs every measure once, prints a table, writes bench/results.json and exits
 * non-zero when a goal is missed or a figure could not be measured.
 */
import { cpus, loadavg } from "node:os";
import { allGoalsMet, RESULT_KEYS, type Results } from "./goals.js";
import { measures } from "./measures/index.js";
import type { Measure } from "./measures/types.js";
import { resultsPath } from "./paths.js";
import { emptyResults, resultsTable, writeResults } from "./report/results.js";
import { type BenchSettings, parseSettings } from "./settings.js";
import { round } from "./util/stats.js";

async function main(): Promise<number> {
  const settings = parseSettings(process.argv.slice(2), process.env);
  const selected = selectMeasures(measures, settings);
  const results: Results = emptyResults();
  const started = performance.now();
  // Timings depend on what else the machine is doing; the load average says how busy it was.
  const load = loadavg().map((value) => value.toFixed(1));
  console.log(
    `gong-agent bench (${settings.mode} setting, node ${process.version}, ${cpus().length} CPUs, load average ${load.join(" ")}, ${selected.length} measures)\n`,
  );
  for (const measure of selected) {
    const measureStarted = performance.now();
    console.log(`## ${measure.name} (${measure.keys.join(", ")})`);
    try {
      const outcome = await measure.run(settings);
      Object.assign(results, outcome.values);
      for (const note of outcome.notes) console.log(`   ${note}`);
    } catch (error) {
      console.log(`   could not be measured: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(`   (${round((performance.now() - measureStarted) / 1000, 1)} s)\n`);
  }
  console.log(resultsTable(results));
  await writeResults(resultsPath, results);
  const seconds = round((performance.now() - started) / 1000, 1);
  // With --only, the figures that were not selected stay null and do not fail the run.
  const judged = settings.only.length === 0 ? RESULT_KEYS : selected.flatMap((measure) => measure.keys);
  const ok = allGoalsMet(results, judged);
  console.log(`\nwrote ${resultsPath} in ${seconds} s: ${ok ? "all goals met" : "GOAL MISSED"}`);
  return ok ? 0 : 1;
}

function selectMeasures(all: readonly Measure[], settings: BenchSettings): Measure[] {
  if (settings.only.length === 0) return [...all];
  const chosen = all.filter((measure) =>
    settings.only.some((word) => measure.name === word || measure.keys.some((key) => key === word)),
  );
  if (chosen.length === 0) {
    const names = all.map((measure) => measure.name).join(", ");
    throw new Error(`--only matched no measure; the measures are: ${names}`);
  }
  return chosen;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
