export type { FaultHandle, FaultKind, FaultMatch, FaultSpec, Faults } from "./hooks/faults.js";
export type { RateLimitOptions } from "./hooks/rate-limit.js";
export type { LoggedRequest, RequestLog } from "./hooks/request-log.js";
export type { DataSize, SandboxOptions } from "./options.js";
export { type Sandbox, type SandboxDataSummary, type SandboxOAuth, startSandbox } from "./sandbox.js";
