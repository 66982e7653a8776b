export type { GongExecutor, GongSource } from "@gong-agent/core";
export { GongToolCallError } from "./errors.js";
export { type GongApprovalPolicy, type GongOpenAIToolOptions, gongTool } from "./gong-tool.js";
