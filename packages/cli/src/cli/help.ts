/** Help text rendering: the command list and each command's usage, flags and examples. */
import { type CommandSpec, globalOptions, type OptionSpec } from "./command.js";

function flagLabel(name: string, o: OptionSpec): string {
  const short = o.short ? `-${o.short}, ` : "";
  const value = o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : "";
  return `${short}--${name}${value}`;
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const entries = Object.entries(options);
  const labels = entries.map(([n, o]) => flagLabel(n, o));
  const width = Math.min(32, Math.max(...labels.map((l) => l.length)));
  return entries.map(([, o], i) => {
    const label = labels[i]!;
    const pad = label.length > width ? `\n${" ".repeat(width + 4)}` : " ".repeat(width - label.length + 2);
    const repeat = o.multiple ? " (repeatable)" : "";
    return `  ${label}${pad}${o.description}${repeat}`;
  });
}

export function commandHelp(spec: CommandSpec, path: string): string {
  const lines: string[] = [];
  const sub = spec.subcommands?.length ? " <command>" : "";
  lines.push(`Usage: gong-agent ${path}${sub}${spec.args ? ` ${spec.args}` : ""} [options]`, "");
  lines.push(spec.description ?? spec.summary, "");
  if (spec.subcommands?.length) {
    lines.push("Commands:");
    const width = Math.max(...spec.subcommands.map((s) => s.name.length + (s.args ? s.args.length + 1 : 0)));
    for (const s of spec.subcommands) {
      const label = s.args ? `${s.name} ${s.args}` : s.name;
      lines.push(`  ${label.padEnd(width + 2)}${s.summary}`);
    }
    lines.push("");
  }
  if (spec.options && Object.keys(spec.options).length) {
    lines.push("Options:", ...optionLines(spec.options), "");
  }
  lines.push("Global options:", ...optionLines(globalOptions), "");
  if (spec.examples?.length) {
    lines.push("Examples:", ...spec.examples.map((e) => `  ${e}`), "");
  }
  return lines.join("\n");
}

export function rootHelp(commands: CommandSpec[], version: string): string {
  const visible = commands.filter((c) => !c.hidden);
  const width = Math.max(...visible.map((c) => c.name.length));
  return [
    `gong-agent ${version}: Gong for AI agents, from the command line.`,
    "",
    "Usage: gong-agent <command> [options]",
    "",
    "Commands:",
    ...visible.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`),
    "",
    "Global options:",
    ...optionLines({
      ...globalOptions,
      version: { type: "boolean", short: "v", description: "Print the version." },
    }),
    "",
    "Run `gong-agent <command> --help` for a command's flags and examples.",
    "Credentials: `gong-agent login`, or GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET (+ GONG_BASE_URL);",
    "try everything without a Gong account with --sandbox.",
    "Exit codes: 0 ok, 1 error, 2 auth, 3 not found, 4 validation.",
    "",
  ].join("\n");
}
