/**
 * How a command is declared: its flags (node:util parseArgs config plus help text), its positional
 * arguments and its run function. Parsing, `--help` and usage errors are handled once for all commands.
 */
import { parseArgs } from "node:util";
import type { Context } from "./context.js";
import { UsageError } from "./errors.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `JSON` for `--params JSON`. */
  valueName?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional part of the usage line, e.g. `<entity> <action>`. */
  args?: string;
  /** Longer explanation printed by `--help`. */
  description?: string;
  options?: Record<string, OptionSpec>;
  examples?: string[];
  positionals?: { min: number; max: number };
  subcommands?: CommandSpec[];
  /** Hidden from the command list (still runs and has help). */
  hidden?: boolean;
  run?: (ctx: Context, args: ParsedArgs) => Promise<void>;
}

/** Flags every command accepts. */
export const globalOptions: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", description: "Show help for this command." },
  "json-errors": {
    type: "boolean",
    description: "Print errors as one JSON object on stderr instead of a sentence.",
  },
  sandbox: {
    type: "boolean",
    description: "Run against an embedded Gong sandbox with seeded data (no Gong account needed).",
  },
  "sandbox-seed": {
    type: "string",
    valueName: "SEED",
    description: "Seed of the embedded sandbox's data (with --sandbox).",
  },
  config: {
    type: "string",
    valueName: "FILE",
    description: "Config file to use (default: $GONG_AGENT_CONFIG or ~/.config/gong-agent/config.json).",
  },
};

export function parseCommandArgs(spec: CommandSpec, argv: string[], path: string): ParsedArgs {
  const all = { ...globalOptions, ...spec.options };
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(all)) {
    options[name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, ".") : String(error);
    throw new UsageError(message, `Run \`gong-agent ${path} --help\` for the accepted flags.`);
  }
  const values = parsed.values as OptionValues;
  if (!values.help && spec.positionals) {
    const n = parsed.positionals.length;
    const { min, max } = spec.positionals;
    if (n < min) {
      throw new UsageError(
        `\`gong-agent ${path}\` needs ${spec.args ?? `${min} argument(s)`}.`,
        `Run \`gong-agent ${path} --help\` for usage and examples.`,
      );
    }
    if (n > max) {
      throw new UsageError(
        `\`gong-agent ${path}\` got unexpected argument(s): ${parsed.positionals.slice(max).join(" ")}.`,
        `Run \`gong-agent ${path} --help\` for usage and examples.`,
      );
    }
  }
  return { values, positionals: parsed.positionals };
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

export function listOption(values: OptionValues, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v;
  return typeof v === "string" ? [v] : [];
}

/** Parses a non-negative integer flag, with a usage error naming the flag. */
export function intOption(values: OptionValues, name: string, opts: { min?: number; max?: number } = {}) {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  const min = opts.min ?? 0;
  if (
    !/^\d+$/.test(raw.trim()) ||
    !Number.isSafeInteger(n) ||
    n < min ||
    (opts.max !== undefined && n > opts.max)
  ) {
    const range = opts.max !== undefined ? `between ${min} and ${opts.max}` : `${min} or more`;
    throw new UsageError(`--${name} must be a whole number ${range}; got "${raw}".`);
  }
  return n;
}
