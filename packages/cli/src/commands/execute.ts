/** `gong-agent execute <entity> <action>`: one operation, or every page of it with --all. */
import { type CommandSpec, intOption, listOption, type ParsedArgs, stringOption } from "../cli/command.js";
import type { Context } from "../cli/context.js";
import { CliError } from "../cli/errors.js";
import { openGong } from "../connector/open.js";
import { type FieldTree, parseFields, projectResult } from "../params/fields.js";
import { buildParams } from "../params/params.js";
import { isMedia, saveMedia } from "./download.js";

interface Page {
  data: unknown;
  meta?: Record<string, unknown> & { cursor?: string; hasMore?: boolean; totalRecords?: number };
}

export const executeCommand: CommandSpec = {
  name: "execute",
  summary: "Run one Gong operation and print its {data, meta} JSON.",
  args: "<entity> <action>",
  positionals: { min: 2, max: 2 },
  description:
    "Runs one operation of the catalog (see `gong-agent describe`) and prints `{ data, meta }` as JSON on stdout.\n" +
    "List actions answer one page; pass `meta.cursor` back with --param cursor=… or use --all to follow every cursor.",
  options: {
    params: {
      type: "string",
      valueName: "JSON",
      description: "Parameters as a JSON object (or @file.json).",
    },
    param: {
      type: "string",
      multiple: true,
      valueName: "KEY=VALUE",
      description: "One parameter; dotted keys nest (filter.fromDate=2024-01-01), JSON values are parsed.",
    },
    fields: {
      type: "string",
      valueName: "a,b.c",
      description: "Keep only these fields of each record (dotted paths reach into objects and arrays).",
    },
    all: { type: "boolean", description: "Follow cursors and print every page's records as one list." },
    limit: { type: "string", valueName: "N", description: "Print at most N records." },
    out: {
      type: "string",
      valueName: "FILE",
      description: "Where call_audio/call_video download saves the media file.",
    },
    "include-private": {
      type: "boolean",
      description: "Include calls marked private (left out by default).",
    },
  },
  examples: [
    "gong-agent execute users list",
    "gong-agent execute calls list --param fromDateTime=2024-05-01T00:00:00Z --param toDateTime=2024-06-01T00:00:00Z",
    'gong-agent execute calls_extensive list --params \'{"filter":{"callIds":["7782342274025937895"]}}\'',
    "gong-agent execute calls list --all --fields id,title,started --limit 500",
    "gong-agent execute users get --param id=234599484848423 --sandbox",
    "gong-agent execute call_audio download --param callId=7782342274025937895 --out call.mp3",
  ],
  run: runExecute,
};

async function runExecute(ctx: Context, { values: v, positionals }: ParsedArgs) {
  const [entity, action] = positionals as [string, string];
  const params = await buildParams(stringOption(v, "params"), listOption(v, "param"));
  const fieldsSpec = stringOption(v, "fields");
  const fields = fieldsSpec === undefined ? undefined : parseFields(fieldsSpec);
  const limit = intOption(v, "limit", { min: 1 });
  const { connector } = await openGong(ctx, { includePrivate: v["include-private"] === true });
  const signal = ctx.signal;

  if (!v.all) {
    const page = (await connector.executeFn(entity, action, params, { signal })) as Page;
    if (isMedia(page.data)) {
      ctx.json(await saveMedia(page.data, stringOption(v, "out"), signal));
      return;
    }
    ctx.json(output(limitPage(page, limit), fields));
    return;
  }

  const records: unknown[] = [];
  let pages = 0;
  let cursor: string | undefined;
  let last: Page | undefined;
  let stoppedAtLimit = false;
  let privateOmitted = 0;
  const seen = new Set<string>();
  do {
    const page = (await connector.executeFn(entity, action, cursor ? { ...params, cursor } : params, {
      signal,
    })) as Page;
    pages++;
    last = page;
    privateOmitted += Number(page.meta?.privateOmitted ?? 0);
    const data = Array.isArray(page.data) ? page.data : [page.data];
    for (const record of data) {
      if (limit !== undefined && records.length >= limit) {
        stoppedAtLimit = true;
        break;
      }
      records.push(record);
    }
    const next = page.meta?.hasMore === false ? undefined : page.meta?.cursor;
    if (next !== undefined && seen.has(next)) {
      throw new CliError(
        `${entity} ${action}: Gong returned the same cursor twice; stopped to avoid a loop.`,
      );
    }
    if (next !== undefined) seen.add(next);
    cursor = next;
    if (ctx.progressStream.isTTY) ctx.progressStream.write(`\r${records.length} records, ${pages} pages…`);
    if (limit !== undefined && records.length >= limit && cursor) stoppedAtLimit = true;
  } while (cursor && !stoppedAtLimit);
  if (ctx.progressStream.isTTY) ctx.progressStream.write("\r\x1b[K");

  const meta: Record<string, unknown> = { hasMore: stoppedAtLimit, pages, returned: records.length };
  if (last?.meta?.totalRecords !== undefined) meta.totalRecords = last.meta.totalRecords;
  if (privateOmitted > 0) meta.privateOmitted = privateOmitted;
  if (stoppedAtLimit) {
    // A cursor is only a correct continuation when the limit fell exactly on a page boundary.
    if (cursor && endsOnPage(records, last)) {
      meta.cursor = cursor;
    }
    meta.note = `Stopped at --limit ${limit}.`;
  }
  ctx.json(output({ data: records, meta }, fields));
}

function endsOnPage(records: unknown[], last: Page | undefined): boolean {
  const data = last?.data;
  return Array.isArray(data) && data.length > 0 && records[records.length - 1] === data[data.length - 1];
}

function limitPage(page: Page, limit: number | undefined): Page {
  if (limit === undefined || !Array.isArray(page.data) || page.data.length <= limit) return page;
  const left = page.data.length - limit;
  const meta = {
    ...page.meta,
    returned: limit,
    note: `${left} more record(s) of this page left out by --limit.`,
  };
  return { data: page.data.slice(0, limit), meta };
}

function output(page: Page, fields: FieldTree | undefined): Page {
  return projectResult(page, fields);
}
