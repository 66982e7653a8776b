export type { GongExecutor, GongSource } from "@gong-agent/core";
export { type GongErrorArtifact, type GongLangChainToolOptions, gongTool } from "./gong-tool.js";
