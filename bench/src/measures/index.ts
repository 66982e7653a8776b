import { coreImport } from "./core-import.js";
import { corePack } from "./core-pack.js";
import type { Measure } from "./types.js";

/** Every measure, in the order they run (the slow rate-limit run last so quick feedback comes first). */
export const measures: readonly Measure[] = [coreImport, corePack];
