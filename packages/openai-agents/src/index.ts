export { GongToolCallError } from "./errors.js";
export { type GongApprovalPolicy, type GongOpenAIToolOptions, gongTool } from "./gong-tool.js";
export type { GongExecutor, GongSource } from "./source.js";
