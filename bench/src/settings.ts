/**
 * Run sizes. The full setting is what the goals are defined for; the quick setting keeps every
 * measure but with fewer samples so CI can afford it (about a minute and a half).
 */
export interface BenchSettings {
  mode: "full" | "quick";
  /** Requests of each kind (connector and raw fetch), interleaved. */
  overheadRequests: number;
  /** Warm-up requests of each kind before timing starts. */
  overheadWarmup: number;
  /** Pages of calls_extensive fetched under the 3/s limit. */
  rateLimitPages: number;
  /** Calls whose transcripts are fetched. */
  transcriptCalls: number;
  /** Records iterated with paginate while RSS is sampled. */
  paginateRecords: number;
  /** Fresh processes per variant (connector, bare fetch) for the memory median; GC timing varies run to run. */
  paginateRuns: number;
  /** Fresh processes for the import-time median. */
  importRuns: number;
  /** Only run the measures whose result keys or names contain one of these words (empty: all). */
  only: string[];
}

export const FULL: Omit<BenchSettings, "only"> = {
  mode: "full",
  overheadRequests: 1000,
  overheadWarmup: 50,
  rateLimitPages: 60,
  transcriptCalls: 500,
  paginateRecords: 100_000,
  paginateRuns: 3,
  importRuns: 11,
};

export const QUICK: Omit<BenchSettings, "only"> = {
  mode: "quick",
  overheadRequests: 300,
  overheadWarmup: 30,
  rateLimitPages: 30,
  transcriptCalls: 500,
  paginateRecords: 20_000,
  paginateRuns: 2,
  importRuns: 5,
};

/**
 * Reads the settings from the command line (`--quick`, `--only=a,b`) and the environment
 * (`BENCH_QUICK=1`, `BENCH_ONLY=a,b`). Unknown flags are an error so a typo never silently
 * runs the wrong setting.
 */
export function parseSettings(argv: readonly string[], env: NodeJS.ProcessEnv): BenchSettings {
  let quick = env["BENCH_QUICK"] === "1" || env["BENCH_QUICK"] === "true";
  let only = splitList(env["BENCH_ONLY"]);
  for (const arg of argv) {
    if (arg === "--quick") quick = true;
    else if (arg === "--full") quick = false;
    else if (arg.startsWith("--only=")) only = splitList(arg.slice("--only=".length));
    else if (arg === "--") continue;
    else throw new Error(`Unknown option ${JSON.stringify(arg)}. Use --quick, --full or --only=name,name.`);
  }
  return { ...(quick ? QUICK : FULL), only };
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
