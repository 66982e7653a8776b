/**
 * A small pluggable logger. The connector logs through `Logger`; every line passes through redaction
 * first (see `createRedactingLogger`), so a custom logger never receives a credential.
 */
import { redact, redactText } from "./redact.js";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `silent` turns logging off. */
export type LogThreshold = LogLevel | "silent";

export type LogFields = Record<string, unknown>;

export interface Logger {
  /**
   * Optional: the lowest level this logger writes. When set, entries below it are dropped before any
   * formatting or redaction work is done.
   */
  readonly level?: LogThreshold | undefined;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogThreshold, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Reads the `GONG_AGENT_LOG` environment variable (`debug`, `info`, `warn`, `error`, `silent`/`off`).
 * Unset or unknown values give `fallback`.
 */
export function logLevelFromEnv(fallback: LogThreshold = "warn"): LogThreshold {
  const raw = (typeof process !== "undefined" ? process.env["GONG_AGENT_LOG"] : undefined)
    ?.trim()
    .toLowerCase();
  if (!raw) return fallback;
  if (raw === "off" || raw === "none" || raw === "silent") return "silent";
  return (LOG_LEVELS as readonly string[]).includes(raw) ? (raw as LogLevel) : fallback;
}

export interface ConsoleLoggerOptions {
  /** Lowest level written. Defaults to `GONG_AGENT_LOG`, else `warn`. */
  level?: LogThreshold;
  /** Where lines go. Defaults to stderr, so stdout stays clean for tool output and MCP stdio. */
  write?: (line: string) => void;
}

/** One JSON line per entry on stderr: `{"level","time","msg",...fields}`. */
export function createConsoleLogger(options: ConsoleLoggerOptions = {}): Logger {
  const threshold = options.level ?? logLevelFromEnv();
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[threshold]) return;
    write(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields }));
  };
  return {
    level: threshold,
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}

/** Whether `logger` writes entries of `level` (true when the logger does not say). */
export function isLevelEnabled(logger: Logger, level: LogLevel): boolean {
  return logger.level === undefined || RANK[level] >= RANK[logger.level];
}

/** A logger that drops everything. */
export const silentLogger: Logger = { level: "silent", debug() {}, info() {}, warn() {}, error() {} };

/**
 * Wraps a logger so that messages and fields are redacted before they reach it: credential-named fields,
 * Authorization headers, secrets in URLs and text, and every value in `knownSecrets`.
 * A logger that throws never breaks a request.
 */
export function createRedactingLogger(inner: Logger, knownSecrets: Iterable<string> = []): Logger {
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (!isLevelEnabled(inner, level)) return;
    try {
      const safeFields = fields === undefined ? undefined : (redact(fields, knownSecrets) as LogFields);
      inner[level](redactText(message, knownSecrets), safeFields);
    } catch {
      // Logging must never change the outcome of a request.
    }
  };
  return {
    level: inner.level,
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}
