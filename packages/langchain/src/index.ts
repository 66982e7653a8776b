export { type GongErrorArtifact, type GongLangChainToolOptions, gongTool } from "./gong-tool.js";
export type { GongExecutor, GongSource } from "./source.js";
