/**
 * How the connector's log lines reach the terminal. GONG_AGENT_LOG=debug|info|warn|error keeps core's
 * JSON lines (for debugging); otherwise warnings (retries, rate-limit waits) become short sentences, and
 * nothing is logged with --json-errors, whose stderr must stay one JSON object.
 */
import { createConsoleLogger, type LogFields, type Logger, silentLogger } from "@gong-agent/core";
import type { Context } from "../cli/context.js";

export function cliLogger(ctx: Context): Logger {
  if (ctx.io.env.GONG_AGENT_LOG)
    return createConsoleLogger({ write: (line) => ctx.io.stderr.write(`${line}\n`) });
  if (ctx.flags.jsonErrors) return silentLogger;
  const say = (message: string, fields?: LogFields) => {
    const where = fields?.method && fields.path ? ` (${String(fields.method)} ${String(fields.path)})` : "";
    const wait = typeof fields?.waitMs === "number" ? `, waiting ${(fields.waitMs / 1000).toFixed(1)} s` : "";
    ctx.io.stderr.write(`warning: ${message}${where}${wait}\n`);
  };
  return { debug() {}, info() {}, warn: say, error: say };
}
