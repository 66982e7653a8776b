export type { CreateGongMcpServerOptions } from "./server/create-server.js";
export { createGongMcpServer } from "./server/create-server.js";
export type { GongEnv } from "./server/env-config.js";
export {
  DEFAULT_TOKEN_FILE,
  GONG_ENV_VARIABLES,
  gongConfigFromEnv,
  hasGongCredentials,
} from "./server/env-config.js";
export type {
  GongExecuteFunction,
  GongMcpTool,
  GongMcpToolOptions,
  GongToolSource,
} from "./tool/gong-tool.js";
export { addGongTool, gongTool } from "./tool/gong-tool.js";
export type { ProgressSink, ProgressUpdate } from "./tool/progress.js";
