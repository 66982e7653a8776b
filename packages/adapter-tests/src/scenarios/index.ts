import { authenticationFailure } from "./auth-failure.js";
import { listCallsInRange } from "./list-calls.js";
import { malformedInput } from "./malformed-input.js";
import { oversizeResult } from "./oversize.js";
import { paginateWithCursor } from "./paginate.js";
import { rateLimitRetried } from "./rate-limit.js";
import { fetchTranscript } from "./transcript.js";
import type { Scenario } from "./types.js";
import { unknownEntity } from "./unknown-entity.js";

export type { PreparedScenario, Scenario } from "./types.js";

/** Every scenario, in the order the suite runs them. */
export const scenarios: readonly Scenario[] = [
  listCallsInRange,
  fetchTranscript,
  paginateWithCursor,
  unknownEntity,
  malformedInput,
  rateLimitRetried,
  oversizeResult,
  authenticationFailure,
];
