import { GongConnector } from "@gong-agent/core";
import { startSandbox } from "@gong-agent/sandbox";
import { requestWindow, tightestSpanMs } from "../sandbox/request-window.js";
import { round } from "../util/stats.js";
import type { Measure } from "./types.js";

const GONG_PER_SECOND = 3;

/**
 * rateLimitUtilization and rateLimit429s: pages `calls_extensive` list one after another through a
 * connector with its DEFAULT client-side limiter, against a sandbox enforcing Gong's 3 requests per
 * second. Utilization = pages ÷ wall-clock seconds of the loop ÷ 3; 429s are counted in the
 * sandbox's own request log (the connector may retry them silently, so its results cannot tell).
 */
export const rateLimit: Measure = {
  name: "ratelimit",
  keys: ["rateLimitUtilization", "rateLimit429s"],
  async run(settings) {
    const sandbox = await startSandbox({
      rateLimit: { perSecond: GONG_PER_SECOND, perDay: 10_000 },
      dataSize: "large",
    });
    try {
      const connector = new GongConnector({
        auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
        baseUrl: sandbox.url,
      });
      // The same inputs on every page, as Gong requires; only the cursor changes.
      const filter = {
        fromDateTime: new Date(Date.now() - 90 * 24 * 3600 * 1000).toISOString(),
        toDateTime: new Date().toISOString(),
      };
      const window = requestWindow(sandbox);
      const started = performance.now();
      let pages = 0;
      let cursor: string | undefined;
      do {
        const page = await connector.execute(
          "calls_extensive",
          "list",
          cursor === undefined ? { filter } : { filter, cursor },
        );
        pages += 1;
        cursor = page.meta?.cursor;
      } while (cursor !== undefined && pages < settings.rateLimitPages);
      const seconds = (performance.now() - started) / 1000;
      if (pages < settings.rateLimitPages) {
        throw new Error(
          `the sandbox had only ${pages} pages of calls_extensive; ${settings.rateLimitPages} are needed`,
        );
      }
      const log = window.requests();
      const tooMany = log.filter((entry) => entry.status === 429).length;
      const answered = log.filter((entry) => entry.status === 200).length;
      if (answered !== pages)
        throw new Error(`${pages} pages read but the sandbox answered ${answered} with 200`);
      const utilization = pages / seconds / GONG_PER_SECOND;
      return {
        values: { rateLimitUtilization: round(utilization, 3), rateLimit429s: tooMany },
        notes: [
          `${pages} pages in ${round(seconds, 2)} s = ${round(pages / seconds, 3)} pages/s against a limit of ${GONG_PER_SECOND}/s`,
          `requests seen by the sandbox: ${log.length} (${tooMany} answered 429); tightest span of ${GONG_PER_SECOND + 1} consecutive arrivals: ${tightestSpanMs(log, GONG_PER_SECOND + 1)} ms (under 1,000 ms means the server saw more than ${GONG_PER_SECOND} in a second)`,
        ],
      };
    } finally {
      await sandbox.close();
    }
  },
};
