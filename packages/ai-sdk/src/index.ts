export { GongToolCallError } from "./errors.js";
export { type GongAiSdkToolOptions, type GongApprovalPolicy, gongTool } from "./gong-tool.js";
export type { GongExecutor, GongSource } from "./source.js";
