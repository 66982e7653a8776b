export { parseJsonLossless } from "./lossless.js";
