import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** bench/ (this file compiles to bench/dist/paths.js). */
export const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(benchDir, "..");
export const coreDir = resolve(repoRoot, "packages/core");
export const resultsPath = resolve(benchDir, "results.json");
