/** Programmatic entry to the CLI (the `gong-agent` binary calls `main`). */

export type { Io } from "./cli/context.js";
export type { ErrorReport } from "./cli/errors.js";
export { ExitCode } from "./cli/errors.js";
export { main } from "./main.js";
