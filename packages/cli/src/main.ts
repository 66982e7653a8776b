/**
 * Entry point of the command line: finds the command, parses its flags, runs it, and turns any
 * failure into one report on stderr and an exit code.
 */
import { type CommandSpec, globalOptions, parseCommandArgs } from "./cli/command.js";
import { Context, globalFlags, type Io } from "./cli/context.js";
import { ExitCode, formatErrorText, toErrorReport, UsageError } from "./cli/errors.js";
import { commandHelp, rootHelp } from "./cli/help.js";
import { commands } from "./commands/index.js";
import { rescueUnsavedTokens } from "./connector/unsaved-tokens.js";
import { VERSION } from "./version.js";

/** Index of the first argument that is not a flag (or a global flag's value). */
function firstPositional(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return i + 1 < argv.length ? i + 1 : -1;
    if (!arg.startsWith("-")) return i;
    const name = arg.replace(/^--?/, "");
    const option = globalOptions[name];
    if (option?.type === "string" && !arg.includes("=")) i++;
  }
  return -1;
}

/** Finds the command (and subcommand) named in argv and returns it with the remaining arguments. */
function resolveCommand(argv: string[]): { spec: CommandSpec; path: string; rest: string[] } | undefined {
  const at = firstPositional(argv);
  if (at < 0) return undefined;
  const name = argv[at]!;
  const spec = commands.find((c) => c.name === name);
  if (!spec) {
    const names = commands.filter((c) => !c.hidden).map((c) => c.name);
    throw new UsageError(
      `Unknown command "${name}". Commands: ${names.join(", ")}.`,
      "Run `gong-agent --help`.",
    );
  }
  let rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (!spec.subcommands?.length) return { spec, path: name, rest };
  const subAt = firstPositional(rest);
  if (subAt < 0) return { spec, path: name, rest };
  const subName = rest[subAt]!;
  const sub = spec.subcommands.find((s) => s.name === subName);
  if (!sub) {
    throw new UsageError(
      `Unknown command "${name} ${subName}". Choose one of: ${spec.subcommands.map((s) => s.name).join(", ")}.`,
      `Run \`gong-agent ${name} --help\`.`,
    );
  }
  rest = [...rest.slice(0, subAt), ...rest.slice(subAt + 1)];
  return { spec: sub, path: `${name} ${subName}`, rest };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const jsonErrors = argv.includes("--json-errors");
  let ctx: Context | undefined;
  try {
    if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const found = resolveCommand(argv);
    if (!found) {
      const onlyHelp = argv.every((a) => a === "--help" || a === "-h" || a === "--json-errors");
      io.stdout.write(rootHelp(commands, VERSION));
      if (onlyHelp) return ExitCode.ok;
      throw new UsageError("No command given.", "Run `gong-agent --help` for the list of commands.");
    }
    const { spec, path, rest } = found;
    const args = parseCommandArgs(spec, rest, path);
    if (args.values.help || !spec.run) {
      io.stdout.write(commandHelp(spec, path));
      return args.values.help ? ExitCode.ok : ExitCode.validation;
    }
    const context = new Context(io, globalFlags(args.values));
    ctx = context;
    // First Ctrl+C stops the command cleanly (servers close, exports keep their checkpoint); a second forces.
    let signals = 0;
    const onSignal = () => {
      if (++signals > 1) process.exit(130);
      context.abort.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      await spec.run(context, args);
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    return ExitCode.ok;
  } catch (thrown) {
    // Rotated OAuth tokens that could not be saved are written to a rescue file before anything else.
    const error = ctx ? await rescueUnsavedTokens(ctx, thrown) : thrown;
    const report = toErrorReport(error, ctx ? [...ctx.secrets] : []);
    io.stderr.write(jsonErrors ? `${JSON.stringify(report)}\n` : `${formatErrorText(report)}\n`);
    return report.exitCode;
  } finally {
    await ctx?.cleanup();
  }
}
