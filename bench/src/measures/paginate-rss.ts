import { fileURLToPath } from "node:url";
import { startSandboxProcess } from "../sandbox/process.js";
import { lastJsonLine, runNode } from "../util/child.js";
import { median, round } from "../util/stats.js";
import type { PaginateChildInput, PaginateChildReport } from "./paginate-child.js";
import type { Measure } from "./types.js";

const childScript = fileURLToPath(new URL("./paginate-child.js", import.meta.url));

// The "large" preset's 100,000 calls, plus room for the private calls the connector leaves out by default.
const LARGE = { calls: 110_000, users: 300 };

/**
 * paginate100kRssMB: peak growth of the resident set size of a fresh Node process while it iterates
 * N records with `gong.paginate` (sampled every 20 ms and every 1,000 records), against a large-seed
 * sandbox in another process so that only the client's memory is counted; the median over a few
 * processes, because garbage-collection timing moves the peak by several MB. The baseline is taken
 * after one warm-up page. For reference, the same loop with bare `fetch` runs in fresh processes too:
 * the difference is what the connector itself holds.
 */
export const paginateRss: Measure = {
  name: "paginate",
  keys: ["paginate100kRssMB"],
  async run(settings) {
    const sandbox = await startSandboxProcess({ rateLimit: false, dataSize: LARGE });
    try {
      const run = async (mode: PaginateChildInput["mode"]) => {
        const input: PaginateChildInput = {
          url: sandbox.url,
          accessKey: sandbox.accessKey,
          accessKeySecret: sandbox.accessKeySecret,
          // The sandbox's calls span the last six months; the list's default window is shorter.
          fromDateTime: new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString(),
          records: settings.paginateRecords,
          mode,
        };
        const result = await runNode([childScript, JSON.stringify(input)], { timeoutMs: 240_000 });
        const report = lastJsonLine<PaginateChildReport>(result.stdout);
        if (report.records < settings.paginateRecords) {
          throw new Error(
            `${mode}: the sandbox yielded ${report.records} of the ${settings.paginateRecords} records`,
          );
        }
        return report;
      };
      // Alternate the variants so drift on the machine hits both alike.
      const connectorRuns: PaginateChildReport[] = [];
      const fetchRuns: PaginateChildReport[] = [];
      for (let i = 0; i < settings.paginateRuns; i++) {
        connectorRuns.push(await run("connector"));
        fetchRuns.push(await run("fetch"));
      }
      const growth = (reports: PaginateChildReport[]) => median(reports.map((report) => report.growthMB));
      const describe = (reports: PaginateChildReport[]) => {
        const first = reports[0]!;
        const growths = reports.map((report) => `+${round(report.growthMB, 1)}`).join(", ");
        return `${first.mode}: ${first.records.toLocaleString("en-US")} records in ${round(median(reports.map((r) => r.seconds)), 1)} s (median), RSS growth ${growths} MB (median ${round(growth(reports), 1)}), baseline ${round(first.baselineMB, 1)} MB, heap used at the end ${round(first.heapUsedMB, 1)} MB`;
      };
      return {
        values: { paginate100kRssMB: round(growth(connectorRuns), 1) },
        notes: [
          describe(connectorRuns),
          describe(fetchRuns),
          `the connector's own share: ${round(growth(connectorRuns) - growth(fetchRuns), 1)} MB over bare fetch (medians)`,
        ],
      };
    } finally {
      await sandbox.close();
    }
  },
};
