export { type OpenedGong, openGong } from "./gong.js";
export { gongScript, preview, QUESTION, type ToolInput, type Turn } from "./script.js";
