/**
 * Child process of the paginate100kRssMB measure: iterates records against a sandbox running in
 * ANOTHER process and reports how much its own resident memory grew meanwhile.
 * argv[2]: JSON { url, accessKey, accessKeySecret, fromDateTime, records, mode }.
 * mode "connector" iterates `gong.paginate("calls", "list", …)`; mode "fetch" follows the same
 * cursors with bare `fetch` + `response.json()`, as the reference of what the runtime alone costs.
 */
import { GongConnector } from "@gong-agent/core";
import { MB, startRssSampler } from "../util/rss.js";

export interface PaginateChildInput {
  url: string;
  accessKey: string;
  accessKeySecret: string;
  fromDateTime: string;
  records: number;
  mode: "connector" | "fetch";
}

export interface PaginateChildReport {
  mode: PaginateChildInput["mode"];
  records: number;
  seconds: number;
  baselineMB: number;
  peakMB: number;
  growthMB: number;
  heapUsedMB: number;
}

const input = JSON.parse(process.argv[2] ?? "{}") as PaginateChildInput;
const connector = new GongConnector({
  auth: { accessKey: input.accessKey, accessKeySecret: input.accessKeySecret },
  baseUrl: input.url,
  rateLimit: false,
});
const authorization = `Basic ${Buffer.from(`${input.accessKey}:${input.accessKeySecret}`).toString("base64")}`;

async function* viaFetch(): AsyncGenerator<unknown> {
  let cursor: string | undefined;
  let yielded = 0;
  do {
    const url = new URL("/v2/calls", input.url);
    url.searchParams.set("fromDateTime", input.fromDateTime);
    if (cursor !== undefined) url.searchParams.set("cursor", cursor);
    const response = await fetch(url, { headers: { Authorization: authorization } });
    if (!response.ok) throw new Error(`GET /v2/calls answered ${response.status}`);
    const body = (await response.json()) as { calls: unknown[]; records: { cursor?: string } };
    for (const call of body.calls) {
      yield call;
      if (++yielded >= input.records) return;
    }
    cursor = body.records.cursor;
  } while (cursor !== undefined);
}

function records(): AsyncIterable<unknown> {
  if (input.mode === "fetch") return viaFetch();
  return connector.paginate("calls", "list", { fromDateTime: input.fromDateTime }, { limit: input.records });
}

// One page first, outside the measured window: it loads fetch's HTTP stack and compiles the code
// paths, a one-time cost of any process that makes a request, not a cost of iterating.
await connector.execute("calls", "list", { fromDateTime: input.fromDateTime });
await (await fetch(new URL("/v2/users", input.url), { headers: { Authorization: authorization } })).json();

const sampler = startRssSampler({ intervalMs: 20 });
const started = performance.now();
let count = 0;
for await (const record of records()) {
  if (typeof record === "object" && record !== null) count += 1;
  if (count % 1000 === 0) sampler.sample();
}
const summary = sampler.stop();
const report: PaginateChildReport = {
  mode: input.mode,
  records: count,
  seconds: (performance.now() - started) / 1000,
  baselineMB: summary.baselineBytes / MB,
  peakMB: summary.peakBytes / MB,
  growthMB: summary.growthBytes / MB,
  heapUsedMB: process.memoryUsage().heapUsed / MB,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
