/** `gong-agent export <entity>`: every record of a list operation as JSONL, resumable. */
import { resolve } from "node:path";
import { type CommandSpec, intOption, listOption, stringOption } from "../cli/command.js";
import { UsageError } from "../cli/errors.js";
import { openGong } from "../connector/open.js";
import { catalogOf } from "../describe/catalog.js";
import type { ExportRequest } from "../export/checkpoint.js";
import { runExport } from "../export/run.js";
import type { Page } from "../export/sources.js";
import { parseDateFlag, pinWindow, windowStyle } from "../export/window.js";
import { buildParams } from "../params/params.js";

export const exportCommand: CommandSpec = {
  name: "export",
  summary: "Stream every record of a list operation to JSONL (resumable, with progress).",
  args: "<entity>",
  positionals: { min: 1, max: 1 },
  description:
    "Follows every cursor of <entity>'s list action and writes one JSON record per line. With --out, a\n" +
    "checkpoint (<out>.checkpoint.json) is kept after every page: if the export is interrupted (Ctrl+C, crash,\n" +
    "lost connection), running the same command again resumes where it stopped, without duplicates or gaps.\n" +
    "The date window is pinned on the first run (--since/--until, default the last 30 days until now).\n" +
    "call_transcripts lists the calls in the window, then fetches their transcripts in batches of many\n" +
    "call ids per request. Progress goes to stderr (a bar on a terminal, plain lines otherwise).",
  options: {
    since: {
      type: "string",
      valueName: "DATE",
      description: "Start of the window (2024-05-01 or an ISO date-time).",
    },
    until: { type: "string", valueName: "DATE", description: "End of the window, exclusive (default: now)." },
    out: { type: "string", valueName: "FILE.jsonl", description: "Write here (resumable); default stdout." },
    action: { type: "string", valueName: "ACTION", description: 'List action to export (default "list").' },
    params: {
      type: "string",
      valueName: "JSON",
      description: "Extra parameters as a JSON object (or @file.json).",
    },
    param: {
      type: "string",
      multiple: true,
      valueName: "KEY=VALUE",
      description: "One extra parameter (dotted key).",
    },
    "batch-size": {
      type: "string",
      valueName: "N",
      description: "Call ids per transcript request for call_transcripts (default 100).",
    },
    force: {
      type: "boolean",
      description: "Overwrite --out and discard its checkpoint instead of resuming.",
    },
    "include-private": {
      type: "boolean",
      description: "Include calls marked private (left out by default).",
    },
  },
  examples: [
    "gong-agent export calls --since 2024-01-01 --out calls.jsonl",
    "gong-agent export call_transcripts --since 2024-05-01 --until 2024-06-01 --out transcripts.jsonl",
    "gong-agent export users > users.jsonl",
    "gong-agent export stats_activity_day_by_day --since 2024-05-01 --out activity.jsonl",
  ],
  run: async (ctx, { values, positionals }) => {
    const entity = positionals[0]!;
    const action = stringOption(values, "action") ?? "list";
    const batchSize = intOption(values, "batch-size", { min: 1, max: 1000 }) ?? 100;
    const userParams = await buildParams(stringOption(values, "params"), listOption(values, "param"));
    const sinceRaw = stringOption(values, "since");
    const untilRaw = stringOption(values, "until");
    const since = sinceRaw ? parseDateFlag(sinceRaw, "--since") : undefined;
    const until = untilRaw ? parseDateFlag(untilRaw, "--until") : undefined;
    const out = stringOption(values, "out");

    const catalog = catalogOf();
    const transcripts = entity === "call_transcripts" && action === "list";
    // Transcripts are exported by listing the window's calls, so the window is that of `calls list`.
    const listed = transcripts ? { entity: "calls", action: "list" } : { entity, action };
    const op = catalog.operation(listed.entity, listed.action);
    if (op.kind !== "list") {
      throw new UsageError(
        `${entity} ${action} is not a list operation; export needs one.`,
        "Use `gong-agent execute` for it.",
      );
    }
    const pinned = pinWindow(userParams, windowStyle(op.paramPaths), since, until, new Date());

    const { connector } = await openGong(ctx, { includePrivate: values["include-private"] === true });
    const request: ExportRequest = {
      entity,
      action,
      params: userParams,
      ...(sinceRaw ? { since: sinceRaw } : {}),
      ...(untilRaw ? { until: untilRaw } : {}),
      ...(transcripts ? { batchSize } : {}),
      ...(values["include-private"] ? { includePrivate: true } : {}),
    };
    if (pinned.description) ctx.info(`Window: ${pinned.description}.`);
    const summary = await runExport({
      request,
      params: pinned.params,
      kind: transcripts ? "transcripts" : "pages",
      batchSize,
      out: out ? resolve(out) : undefined,
      force: values.force === true,
      exec: async (e, a, p) => (await connector.executeFn(e, a, p, { signal: ctx.signal })) as Page,
      stdout: ctx.io.stdout,
      stderr: ctx.progressStream,
      signal: ctx.signal,
      info: (t) => ctx.info(t),
    });
    if (summary.out)
      ctx.info(`Exported ${summary.records} records (${summary.pages} pages) to ${summary.out}.`);
  },
};
