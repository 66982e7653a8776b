export type { ConsoleLoggerOptions, LogFields, Logger, LogLevel, LogThreshold } from "./logger.js";
export {
  createConsoleLogger,
  createRedactingLogger,
  isLevelEnabled,
  LOG_LEVELS,
  logLevelFromEnv,
  silentLogger,
} from "./logger.js";
export { REDACTED, redact, redactHeaders, redactText, redactUrl, SecretRegistry } from "./redact.js";
