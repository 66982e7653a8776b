import { GongConnector } from "@gong-agent/core";
import { startSandboxProcess } from "../sandbox/process.js";
import { median, percentile, round } from "../util/stats.js";
import type { Measure } from "./types.js";

/**
 * overheadRatio: median time of one `execute("users", "list")` through the connector ÷ median
 * time of the same request made with a bare `fetch` + `response.json()`. The sandbox runs in its
 * own process with rate limits off and the connector's client-side limiter is off, so both sides
 * wait on the same server and the ratio is what the connector adds (validation, auth header,
 * lossless JSON parsing, record extraction). The two kinds alternate request by request, and
 * which goes first alternates too, so drift on a shared machine hits both equally.
 */
export const overhead: Measure = {
  name: "overhead",
  keys: ["overheadRatio"],
  async run(settings) {
    const sandbox = await startSandboxProcess({ rateLimit: false });
    try {
      const connector = new GongConnector({
        auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
        baseUrl: sandbox.url,
        rateLimit: false,
      });
      const authorization = `Basic ${Buffer.from(`${sandbox.accessKey}:${sandbox.accessKeySecret}`).toString("base64")}`;
      const usersUrl = new URL("/v2/users", sandbox.url).toString();

      const viaConnector = async () => {
        const page = await connector.execute("users", "list", {});
        return page.data.length;
      };
      const viaFetch = async () => {
        const response = await fetch(usersUrl, { headers: { Authorization: authorization } });
        if (!response.ok) throw new Error(`raw fetch answered ${response.status}`);
        const body = (await response.json()) as { users: unknown[] };
        return body.users.length;
      };

      // Both must see the same page, or the comparison is meaningless.
      const [connectorCount, fetchCount] = [await viaConnector(), await viaFetch()];
      if (connectorCount !== fetchCount) {
        throw new Error(`connector returned ${connectorCount} users, raw fetch ${fetchCount}`);
      }
      for (let i = 0; i < settings.overheadWarmup; i++) {
        await viaConnector();
        await viaFetch();
      }

      const connectorTimes = { wallMs: [] as number[], cpuMs: 0 };
      const fetchTimes = { wallMs: [] as number[], cpuMs: 0 };
      // Client CPU time is summed beside the wall time: the server runs elsewhere, so it is what this
      // process spent, and it is far less sensitive than wall time to other work on the machine.
      const time = async (fn: () => Promise<number>, into: { wallMs: number[]; cpuMs: number }) => {
        const cpu = process.cpuUsage();
        const started = performance.now();
        await fn();
        into.wallMs.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        into.cpuMs += (used.user + used.system) / 1000;
      };
      for (let i = 0; i < settings.overheadRequests; i++) {
        if (i % 2 === 0) {
          await time(viaConnector, connectorTimes);
          await time(viaFetch, fetchTimes);
        } else {
          await time(viaFetch, fetchTimes);
          await time(viaConnector, connectorTimes);
        }
      }
      const connectorMs = connectorTimes.wallMs;
      const fetchMs = fetchTimes.wallMs;
      const perCall = (total: number) => round(total / settings.overheadRequests, 3);
      const ratio = median(connectorMs) / median(fetchMs);
      return {
        values: { overheadRatio: round(ratio, 3) },
        notes: [
          `${settings.overheadRequests} requests each (${connectorCount} users a page), interleaved, after ${settings.overheadWarmup} warm-up pairs`,
          `connector: median ${round(median(connectorMs), 3)} ms, p90 ${round(percentile(connectorMs, 90), 3)} ms`,
          `raw fetch: median ${round(median(fetchMs), 3)} ms, p90 ${round(percentile(fetchMs, 90), 3)} ms`,
          `added per call: ${round(median(connectorMs) - median(fetchMs), 3)} ms (median difference)`,
          `client CPU per call: connector ${perCall(connectorTimes.cpuMs)} ms, raw fetch ${perCall(fetchTimes.cpuMs)} ms`,
        ],
      };
    } finally {
      await sandbox.close();
    }
  },
};
