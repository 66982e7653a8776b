/**
 * `gong-agent demo` (what `pnpm start` runs): the main job end to end, printed for people. Against the
 * embedded sandbox unless Gong credentials are configured; the sandbox's rate-limit emulation is
 * switched off so the demo takes seconds (against real Gong the client keeps to 3 requests/second).
 */
import { GongPermissionError } from "@gong-agent/core";
import { type CommandSpec, intOption, type ParsedArgs } from "../cli/command.js";
import type { Context } from "../cli/context.js";
import { resolveCredentials } from "../config/credentials.js";
import { readConfig } from "../config/file.js";
import { openGong } from "../connector/open.js";
import { catalogOf } from "../describe/catalog.js";

type Rec = Record<string, unknown>;
interface Page {
  data: unknown;
  meta?: { cursor?: string; hasMore?: boolean; totalRecords?: number };
}

export const demoCommand: CommandSpec = {
  name: "demo",
  summary: "Walk through the main job end to end (sandbox unless credentials are set).",
  positionals: { min: 0, max: 0 },
  description:
    "Shows what an agent does with Gong, step by step: the catalog, users, a date range of calls followed\n" +
    "across pages, one call's transcript with speaker names, and activity stats. Runs against an embedded\n" +
    "sandbox (rate-limit emulation off, so it is fast) unless Gong credentials are configured; --sandbox forces it.",
  options: {
    days: {
      type: "string",
      valueName: "N",
      description: "Length of the call date range in days (default 30).",
    },
    "max-pages": {
      type: "string",
      valueName: "N",
      description: "Pages of calls to follow at most (default 10).",
    },
  },
  examples: ["gong-agent demo", "gong-agent demo --sandbox --days 60", "pnpm start"],
  run: runDemo,
};

async function runDemo(ctx: Context, { values }: ParsedArgs) {
  const days = intOption(values, "days", { min: 1, max: 365 }) ?? 30;
  const maxPages = intOption(values, "max-pages", { min: 1, max: 1000 }) ?? 10;
  const hasCredentials = !!resolveCredentials(ctx.io.env, await readConfig(ctx.configPath));
  const { connector, target, sandbox } = await openGong(ctx, { rateLimit: false, sandbox: !hasCredentials });
  const started = Date.now();
  const say = (text = "") => ctx.print(text);
  const run = (entity: string, action: string, params: Rec = {}) =>
    connector.executeFn(entity, action, params, { signal: ctx.signal }) as Promise<Page>;

  say(
    `gong-agent demo: ${sandbox ? `embedded Gong sandbox at ${sandbox.url} (seeded data, no account needed)` : `real Gong at ${target}`}`,
  );
  say();

  // 1. The catalog.
  const catalog = catalogOf();
  const entities = catalog.entityNames();
  const ops = catalog.description.entities.reduce((n, e) => n + e.actions.length, 0);
  heading(say, 1, "What the agent can reach (describe)");
  say(`  ${entities.length} entities, ${ops} operations, e.g. ${entities.slice(0, 8).join(", ")}, …`);
  say("  One tool call shape for all of them: execute(entity, action, params).");
  say();

  // 2. Users.
  heading(say, 2, "Users (users list)");
  const users = new Map<string, string>();
  let userPage = await run("users", "list");
  let userCount = 0;
  for (let i = 0; i < 20; i++) {
    for (const u of asList(userPage.data)) {
      userCount++;
      users.set(String(u.id), fullName(u));
    }
    if (!userPage.meta?.hasMore || !userPage.meta.cursor) break;
    userPage = await run("users", "list", { cursor: userPage.meta.cursor });
  }
  const sample = [...users.values()].slice(0, 5);
  say(`  ${userCount} users, e.g. ${sample.join(", ")}`);
  say();

  // 3. Calls in a date range, across pages.
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  heading(say, 3, `Calls from ${day(from)} to ${day(to)} (calls list, following meta.cursor)`);
  const calls: Rec[] = [];
  const range = { fromDateTime: from.toISOString(), toDateTime: to.toISOString() };
  let page = await run("calls", "list", range);
  let pages = 0;
  for (;;) {
    pages++;
    const data = asList(page.data);
    calls.push(...data);
    const more = page.meta?.hasMore === true && !!page.meta.cursor;
    say(`  page ${pages}: ${data.length} calls${more ? ", cursor → next page" : ", last page"}`);
    if (!more || pages >= maxPages) break;
    page = await run("calls", "list", { ...range, cursor: page.meta!.cursor });
  }
  const total = page.meta?.totalRecords;
  say(
    `  ${calls.length} calls fetched in ${pages} pages${total !== undefined ? ` (Gong reports ${total} in range)` : ""}`,
  );
  for (const c of calls.slice(0, 3)) {
    say(
      `    ${String(c.started ?? "")
        .slice(0, 16)
        .replace("T", " ")}  ${String(c.title ?? "(untitled)")}  ${minutes(c.duration)}`,
    );
  }
  say();

  // 4. One call's transcript, speakers named from the call's parties.
  heading(say, 4, "One call's transcript with speaker names (calls_extensive + call_transcripts)");
  const shown = await missingScope(say, () => showTranscript(run, calls.slice(0, 10), say));
  if (shown === false) say("  No transcript available for the first calls in range.");
  say();

  // 5. Activity stats.
  heading(say, 5, `Activity stats, ${day(from)} to ${day(to)} (stats_activity_aggregate list)`);
  const stats = await missingScope(say, () =>
    run("stats_activity_aggregate", "list", { filter: { fromDate: day(from), toDate: day(to) } }),
  );
  const rows = asList(stats?.data)
    .map((r) => {
      const s = (r.userAggregateActivityStats ?? {}) as Rec;
      const name = users.get(String(r.userId)) ?? String(r.userEmailAddress ?? r.userId);
      return {
        name,
        hosted: num(s.callsAsHost),
        attended: num(s.callsAttended),
        feedback: num(s.callsGaveFeedback),
      };
    })
    .sort((a, b) => b.hosted - a.hosted)
    .slice(0, 5);
  if (stats && rows.length === 0) say("  No activity in range.");
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  if (rows.length) say(`  ${"user".padEnd(width)}  hosted  attended  feedback given`);
  for (const r of rows) {
    say(
      `  ${r.name.padEnd(width)}  ${String(r.hosted).padStart(6)}  ${String(r.attended).padStart(8)}  ${String(r.feedback).padStart(14)}`,
    );
  }
  say();
  // How to call the CLI again: `gong-agent` once installed; `pnpm start` names the repository's build.
  const cli = ctx.io.env.GONG_AGENT_COMMAND || "gong-agent";
  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. Next steps:`);
  say(`  ${cli} describe calls`);
  say(`  ${cli} execute calls list --all --fields id,title --sandbox`);
  say(`  ${cli} export call_transcripts --sandbox --out transcripts.jsonl`);
  say(`  ${cli} mcp --sandbox          (the MCP server for Claude Desktop, Cursor…)`);
}

async function showTranscript(
  run: (e: string, a: string, p?: Rec) => Promise<Page>,
  candidates: Rec[],
  say: (t?: string) => void,
): Promise<boolean> {
  for (const call of candidates) {
    const id = String(call.id);
    const transcripts = asList((await run("call_transcripts", "list", { filter: { callIds: [id] } })).data);
    const parts = transcripts[0]?.transcript as
      | { speakerId?: string; sentences?: { start: number; text: string }[] }[]
      | undefined;
    if (!parts?.length) continue;
    const extensive = asList(
      (
        await run("calls_extensive", "list", {
          filter: { callIds: [id] },
          contentSelector: { exposedFields: { parties: true } },
        })
      ).data,
    );
    const speakers = new Map<string, string>();
    for (const p of (extensive[0]?.parties ?? []) as Rec[]) {
      if (p.speakerId)
        speakers.set(
          String(p.speakerId),
          `${String(p.name ?? p.emailAddress ?? "unknown")}${p.affiliation === "External" ? " (external)" : ""}`,
        );
    }
    say(`  "${String(call.title ?? id)}" (call ${id}), ${speakers.size} named speakers`);
    let lines = 0;
    for (const part of parts) {
      const who = speakers.get(String(part.speakerId)) ?? `speaker ${String(part.speakerId)}`;
      for (const s of part.sentences ?? []) {
        say(`    [${clock(s.start)}] ${who}: ${s.text}`);
        if (++lines >= 8) break;
      }
      if (lines >= 8) break;
    }
    const sentences = parts.reduce((n, p) => n + (p.sentences?.length ?? 0), 0);
    if (sentences > lines) say(`    … ${sentences - lines} more sentences`);
    return true;
  }
  return false;
}

/**
 * Real Gong keys often lack a scope (transcripts, stats): that step says so and the tour goes on.
 * Every other failure ends the demo with its error.
 */
async function missingScope<T>(say: (t?: string) => void, step: () => Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof GongPermissionError)) throw error;
    say(`  Skipped: ${error.message}`);
    return undefined;
  }
}

function heading(say: (t?: string) => void, n: number, title: string) {
  say(`${n}. ${title}`);
}

function asList(data: unknown): Rec[] {
  return Array.isArray(data) ? (data as Rec[]) : [];
}

function fullName(u: Rec): string {
  const name = [u.firstName, u.lastName].filter(Boolean).join(" ");
  return name || String(u.emailAddress ?? u.id);
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v ?? 0) || 0;
}

function minutes(seconds: unknown): string {
  return typeof seconds === "number" ? `${Math.round(seconds / 60)} min` : "";
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
