import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { GOALS, RESULT_KEYS, type ResultKey, type Results, UNITS, verdict } from "../goals.js";
import { formatNumber, formatTable } from "./table.js";

export function emptyResults(): Results {
  return Object.fromEntries(RESULT_KEYS.map((key) => [key, null])) as Results;
}

/** The summary table: one row per key in the fixed order. */
export function resultsTable(results: Results): string {
  const rows = RESULT_KEYS.map((key: ResultKey) => [
    key,
    formatNumber(results[key]),
    UNITS[key],
    GOALS[key]?.label ?? "report",
    verdict(key, results[key]),
  ]);
  return formatTable(["figure", "value", "unit", "goal", "verdict"], rows);
}

/** Writes exactly the result keys, in order, as pretty JSON. */
export async function writeResults(path: string, results: Results): Promise<void> {
  const ordered = Object.fromEntries(RESULT_KEYS.map((key) => [key, results[key]]));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(ordered, null, 2)}\n`);
}
