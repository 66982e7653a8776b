import type { CallPlan } from "./calls.js";
import type { SandboxUser } from "./people.js";
import { rngFor } from "./random.js";

/**
 * What people did around one call (by user index): who hosted, attended, listened, shared, commented,
 * gave feedback or scored it. Stats, coaching, answered scorecards and comments all read these facts,
 * so the numbers agree across endpoints.
 */
export interface CallActivity {
  host: number;
  attendees: number[];
  listenedOwn: boolean;
  listenedBy: number[];
  sharedInternally: boolean;
  sharedExternally: boolean;
  /** manager who commented (received by the host) */
  commenter: number | undefined;
  /** manager who gave feedback (received by the host) */
  feedbackBy: number | undefined;
  requestedFeedback: boolean;
  /** an answered scorecard on this call */
  scorecard:
    | {
        scorecardIndex: number;
        reviewer: number | undefined;
        method: "MANUAL" | "AUTOMATIC";
        reviewMs: number;
      }
    | undefined;
}

export function callActivity(
  seed: number,
  plan: CallPlan,
  users: readonly SandboxUser[],
  nowMs: number,
): CallActivity {
  const rng = rngFor(seed, "activity", plan.core.index);
  const host = plan.core.primaryUserIndex;
  const managerIndex = users[host]?.managerIndex;
  const attendees = plan.parties
    .filter((p) => p.userIndex !== undefined && p.speakerId !== undefined)
    .map((p) => p.userIndex as number);
  const listenedBy: number[] = [];
  if (managerIndex !== undefined && rng.chance(0.35)) listenedBy.push(managerIndex);
  const endMs = plan.core.startMs + plan.durationSec * 1000;
  const commenter =
    managerIndex !== undefined && plan.answered && rng.chance(0.25) ? managerIndex : undefined;
  const feedbackBy =
    managerIndex !== undefined && plan.answered && rng.chance(0.15) ? managerIndex : undefined;
  let scorecard: CallActivity["scorecard"];
  if (plan.core.external && plan.answered && rng.chance(0.3)) {
    const automatic = rng.chance(0.2);
    const reviewMs = endMs + rng.int(2, 96) * 3_600_000;
    if (reviewMs < nowMs) {
      scorecard = {
        scorecardIndex: plan.phone ? 2 : rng.chance(0.5) ? 0 : 1,
        reviewer: automatic ? undefined : (managerIndex ?? 0),
        method: automatic ? "AUTOMATIC" : "MANUAL",
        reviewMs,
      };
    }
  }
  return {
    host,
    attendees,
    listenedOwn: plan.answered && rng.chance(0.3),
    listenedBy,
    sharedInternally: rng.chance(0.1),
    sharedExternally: plan.core.external && rng.chance(0.05),
    commenter,
    feedbackBy,
    requestedFeedback: rng.chance(0.05),
    scorecard,
  };
}
