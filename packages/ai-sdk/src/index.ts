export type { GongExecutor, GongSource } from "@gong-agent/core";
export { GongToolCallError } from "./errors.js";
export { type GongAiSdkToolOptions, type GongApprovalPolicy, gongTool } from "./gong-tool.js";
