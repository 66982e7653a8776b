import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { GongConnector } from "@gong-agent/core";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { requestWindow, summarizeRequests } from "../sandbox/request-window.js";
import { runNode } from "../util/child.js";
import type { Measure } from "./types.js";

const DAY_MS = 24 * 3600 * 1000;
// The sandbox's calls span the last six months; list windows default to less.
const sinceAll = () => new Date(Date.now() - 200 * DAY_MS).toISOString();

/**
 * transcriptRequestsFor500Calls: requests that arrive at the sandbox while the connector's batch
 * helper (`transcriptsForCalls`) fetches the transcripts of N known calls; the ids are listed first,
 * outside the counted window, and the count comes from the sandbox's own request log.
 * For context, the CLI's `gong-agent export call_transcripts` runs over a window holding exactly N
 * calls; it has to list them too, so its count includes the listing.
 */
export const transcripts: Measure = {
  name: "transcripts",
  keys: ["transcriptRequestsFor500Calls"],
  async run(settings) {
    const sandbox = await startSandbox({ rateLimit: false });
    let helper: { requests: number; notes: string[] };
    try {
      helper = await viaBatchHelper(sandbox, settings.transcriptCalls);
    } finally {
      await sandbox.close();
    }
    const cli = await viaCliExport(settings.transcriptCalls).catch(
      (error: unknown) =>
        `CLI export could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { values: { transcriptRequestsFor500Calls: helper.requests }, notes: [...helper.notes, cli] };
  },
};

async function viaBatchHelper(sandbox: Sandbox, calls: number) {
  const connect = (includePrivate: boolean) =>
    new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      rateLimit: false,
      includePrivate,
    });
  // The ids come from a listing that already left private calls out, as a user's would.
  const connector = connect(false);
  const callIds: string[] = [];
  for await (const call of connector.paginate(
    "calls",
    "list",
    { fromDateTime: sinceAll() },
    { limit: calls },
  )) {
    callIds.push(call.id);
  }
  if (callIds.length < calls)
    throw new Error(`the sandbox has only ${callIds.length} calls; ${calls} are needed`);

  const count = async (gong: GongConnector) => {
    const window = requestWindow(sandbox);
    const fetched = await gong.transcriptsForCalls(callIds);
    const log = window.requests();
    const covered = new Set(fetched.map((transcript) => transcript.callId)).size;
    if (covered !== callIds.length) {
      throw new Error(`transcripts came back for ${covered} of ${callIds.length} calls`);
    }
    return log;
  };
  // The figure: the connector as configured by default (private calls left out).
  const byDefault = await count(connector);
  const withPrivate = await count(connect(true));
  return {
    requests: byDefault.length,
    notes: [
      `batch helper, ${callIds.length} call ids → ${byDefault.length} requests (${summarizeRequests(byDefault)})`,
      `the same with includePrivate: true (no private-call check) → ${withPrivate.length} requests (${summarizeRequests(withPrivate)})`,
    ],
  };
}

/** Runs the real CLI binary against a sandbox holding exactly `calls` calls; returns a context line. */
async function viaCliExport(calls: number): Promise<string> {
  const sandbox = await startSandbox({ rateLimit: false, dataSize: { calls, users: 60 } });
  const home = await mkdtemp(join(tmpdir(), "gong-bench-cli-"));
  try {
    const bin = join(
      dirname(createRequire(import.meta.url).resolve("@gong-agent/cli/package.json")),
      "dist/bin.js",
    );
    const out = join(home, "transcripts.jsonl");
    const window = requestWindow(sandbox);
    await runNode(
      [bin, "export", "call_transcripts", "--since", sinceAll(), "--include-private", "--out", out],
      {
        env: {
          PATH: process.env["PATH"],
          HOME: home,
          XDG_CONFIG_HOME: home,
          GONG_ACCESS_KEY: sandbox.accessKey,
          GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
          GONG_BASE_URL: sandbox.url,
        },
        timeoutMs: 60_000,
      },
    );
    const lines = (await readFile(out, "utf8")).split("\n").filter((line) => line.trim() !== "").length;
    const log = window.requests();
    return `CLI export call_transcripts over a window of ${calls} calls: ${lines} transcripts, ${log.length} requests (${summarizeRequests(log)})`;
  } finally {
    await sandbox.close();
    await rm(home, { recursive: true, force: true });
  }
}
