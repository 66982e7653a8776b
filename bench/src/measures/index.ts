import { coreImport } from "./core-import.js";
import { corePack } from "./core-pack.js";
import { overhead } from "./overhead.js";
import { paginateRss } from "./paginate-rss.js";
import { rateLimit } from "./rate-limit.js";
import { toolTokens } from "./tool-tokens.js";
import { transcripts } from "./transcripts.js";
import type { Measure } from "./types.js";

/** Every measure, in the order they run: quick, CPU-sensitive ones first, the long waits last. */
export const measures: readonly Measure[] = [
  toolTokens,
  coreImport,
  corePack,
  overhead,
  transcripts,
  paginateRss,
  rateLimit,
];
