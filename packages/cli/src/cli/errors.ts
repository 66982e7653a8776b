/**
 * Exit codes and error reporting of the command line. Every failure leaves the process as one of five
 * exit codes, and as either one JSON object (`--json-errors`) or one clear sentence on stderr.
 */
import {
  GongApiError,
  GongAuthenticationError,
  GongError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongReauthRequiredError,
  GongValidationError,
} from "@gong-agent/core";

export const ExitCode = {
  ok: 0,
  error: 1,
  auth: 2,
  notFound: 3,
  validation: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI itself raises, with the exit code and an optional hint on what to do next. */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? ExitCode.error;
    this.hint = options.hint;
  }
}

/** Wrong flags, arguments or values on the command line. */
export class UsageError extends CliError {
  override name = "UsageError";

  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.validation, ...(hint === undefined ? {} : { hint }) });
  }
}

/** No Gong credentials anywhere (flags, env, config file) and no `--sandbox`. */
export class MissingCredentialsError extends CliError {
  override name = "MissingCredentialsError";
}

export interface ErrorReport {
  /** Category a script can branch on. */
  type: "validation" | "auth" | "not_found" | "rate_limit" | "error";
  /** The class of the underlying error, e.g. `GongNotFoundError`. */
  name: string;
  message: string;
  exitCode: ExitCode;
  retryable: boolean;
  status?: number;
  requestId?: string;
  field?: string;
  validValues?: readonly string[];
  retryAfterMs?: number;
  hint?: string;
}

const typeByExit: Record<ExitCode, ErrorReport["type"]> = {
  0: "error",
  1: "error",
  2: "auth",
  3: "not_found",
  4: "validation",
};

function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (
    error instanceof GongAuthenticationError ||
    error instanceof GongPermissionError ||
    error instanceof GongReauthRequiredError
  ) {
    return ExitCode.auth;
  }
  if (error instanceof GongNotFoundError) return ExitCode.notFound;
  if (error instanceof GongValidationError) return ExitCode.validation;
  if (error instanceof GongApiError) {
    if (error.status === 401 || error.status === 403) return ExitCode.auth;
    if (error.status === 404) return ExitCode.notFound;
    if (error.status === 400 || error.status === 422) return ExitCode.validation;
  }
  return ExitCode.error;
}

function hintOf(error: unknown, exitCode: ExitCode): string | undefined {
  if (error instanceof CliError) return error.hint;
  if (error instanceof GongReauthRequiredError) {
    return "The stored OAuth refresh token is no longer valid: authorize again and run `gong-agent login --oauth`.";
  }
  if (exitCode === ExitCode.auth) {
    return "Check the credentials (`gong-agent login`, or GONG_ACCESS_KEY / GONG_ACCESS_KEY_SECRET) and the tenant's base URL (GONG_BASE_URL).";
  }
  if (error instanceof GongRateLimitError)
    return "Gong's rate limit was reached; wait and run the command again.";
  return undefined;
}

/** Turns any thrown value into the report printed on stderr, with every known secret masked. */
export function toErrorReport(error: unknown, secrets: readonly string[] = []): ErrorReport {
  const exitCode = exitCodeOf(error);
  const err = error instanceof Error ? error : new Error(String(error));
  const report: ErrorReport = {
    type: error instanceof GongRateLimitError ? "rate_limit" : typeByExit[exitCode],
    name: err.name,
    message: redact(err.message, secrets),
    exitCode,
    retryable: error instanceof GongError ? error.retryable : false,
  };
  if (error instanceof GongApiError) {
    if (error.status) report.status = error.status;
    if (error.requestId) report.requestId = error.requestId;
  }
  if (error instanceof GongValidationError) {
    if (error.field) report.field = error.field;
    if (error.validValues) report.validValues = error.validValues;
  }
  if (error instanceof GongRateLimitError && error.retryAfterMs !== undefined) {
    report.retryAfterMs = error.retryAfterMs;
  }
  const hint = hintOf(error, exitCode);
  if (hint) report.hint = redact(hint, secrets);
  return report;
}

/** The one-sentence form: the message, then the hint on its own line. */
export function formatErrorText(report: ErrorReport): string {
  const prefix = report.type === "validation" && report.name === "UsageError" ? "Usage error" : "Error";
  const lines = [`${prefix}: ${report.message}`];
  if (report.validValues?.length && !report.message.includes(report.validValues[0]!)) {
    lines.push(`Valid values: ${report.validValues.join(", ")}`);
  }
  if (report.hint) lines.push(report.hint);
  return lines.join("\n");
}

/** Masks every occurrence of a known secret (longer than 3 chars, so it cannot eat ordinary words). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length > 3) out = out.split(secret).join("***");
  }
  return out;
}
