import { DAY_MS } from "../gong/dates.js";
import { type CallActivity, callActivity } from "./activity.js";
import { type CallCore, type CallPlan, callMetaData, planCall } from "./calls.js";
import { buildContent, type CallContent } from "./content.js";
import {
  type Account,
  buildAccounts,
  buildUsers,
  buildWorkspaces,
  type SandboxUser,
  type Workspace,
} from "./people.js";
import { hash32, IdScrambler, Rng, rngFor } from "./random.js";
import { buildSettings, type Settings } from "./settings.js";
import { CALL_OUTCOMES, TRACKERS } from "./words.js";

export interface DatasetOptions {
  seed: number;
  nowMs: number;
  callCount: number;
  userCount: number;
}

/** Calls spread over the six months before `now`. */
export const CALL_WINDOW_DAYS = 182;

/** A bounded memo: recent records are reused, old ones dropped, so memory stays flat at any size. */
class Memo<V> {
  private readonly map = new Map<number, V>();
  constructor(private readonly limit: number) {}
  get(key: number, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as number);
    this.map.set(key, value);
    return value;
  }
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

function pickWeighted(cum: Float64Array, u: number): number {
  const target = u * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The seeded world behind every endpoint. Users, workspaces and accounts are small and built up
 * front; calls are a pure function of their index (start times increase with the index), so a date
 * range maps to an index range by binary search and any call can be rebuilt on demand.
 */
export class Dataset {
  readonly seed: number;
  readonly nowMs: number;
  readonly callCount: number;
  readonly workspaces: Workspace[];
  readonly users: SandboxUser[];
  readonly accounts: Account[];
  readonly trackerIds: string[];
  readonly outcomeIds: string[];
  readonly windowStartMs: number;
  private readonly slotMs: number;
  private readonly userIds: IdScrambler;
  private readonly callIds: IdScrambler;
  private readonly hosts: number[];
  private readonly hostWeights: Float64Array;
  private readonly accountsByWorkspace: number[][];
  private readonly accountWeights: Float64Array[];
  private readonly engineersByWorkspace: number[][];
  private readonly userIndexById = new Map<string, number>();
  private readonly plans = new Memo<CallPlan>(64);
  private readonly contents = new Memo<CallContent>(256);
  private readonly activities: Array<CallActivity | undefined> = [];
  private readonly interactions: Array<Float64Array | undefined> = [];
  private settingsCache: Settings | undefined;

  constructor(options: DatasetOptions) {
    this.seed = options.seed;
    this.nowMs = options.nowMs;
    this.callCount = options.callCount;
    this.userIds = new IdScrambler(
      String(2 + (hash32(this.seed, "uid") % 7)),
      14,
      hash32(this.seed, "users"),
    );
    this.callIds = new IdScrambler(
      String(10 + (hash32(this.seed, "cid") % 89)),
      16,
      hash32(this.seed, "calls"),
    );
    this.workspaces = buildWorkspaces(this.seed);
    this.users = buildUsers(this.seed, Math.max(1, options.userCount), this.nowMs, this.userIds);
    for (const user of this.users) this.userIndexById.set(user.id, user.index);
    this.accounts = buildAccounts(this.seed, this.nowMs);
    const idRng = new Rng(hash32(this.seed, "settings-ids"));
    this.trackerIds = TRACKERS.map(() => idRng.digits(18));
    this.outcomeIds = CALL_OUTCOMES.map(() => idRng.digits(18));

    const end = Math.floor((this.nowMs - 30 * 60_000) / 1000) * 1000;
    this.windowStartMs = end - CALL_WINDOW_DAYS * DAY_MS;
    this.slotMs = (end - this.windowStartMs) / Math.max(1, this.callCount);

    const hosting = this.users.filter((u) => u.active && u.role !== "executive");
    this.hosts = (hosting.length > 0 ? hosting : this.users).map((u) => u.index);
    this.hostWeights = cumulative(this.hosts.map((i) => this.users[i]!.activity));
    this.accountsByWorkspace = this.workspaces.map((w) =>
      this.accounts.filter((a) => w.index === 2 || a.region === w.index).map((a) => a.index),
    );
    // A few accounts are much busier than the rest, so "who talked most with X" has a clear answer.
    this.accountWeights = this.accountsByWorkspace.map((indexes) =>
      cumulative(
        indexes.map((i) => (i === 0 ? 6 : i < 6 ? 3 : 1) + (hash32(this.seed, "acct-w", i) % 100) / 100),
      ),
    );
    this.engineersByWorkspace = this.workspaces.map((w) =>
      this.users
        .filter((u) => u.role === "engineer" && u.active && u.workspaceIndex === w.index)
        .map((u) => u.index),
    );
  }

  // ---- users -------------------------------------------------------------------------------------

  userByIdOrUndefined(id: string): SandboxUser | undefined {
    const index = this.userIndexById.get(id);
    return index === undefined ? undefined : this.users[index];
  }

  // ---- calls -------------------------------------------------------------------------------------

  /**
   * Call i starts inside its own slot of the window (never in the last tenth of it), so start times
   * never decrease as the index grows. The offset is the first draw of the call's generator.
   */
  callStartMs(index: number): number {
    return this.startFromDraw(index, new Rng(hash32(this.seed, "call", index)).next());
  }

  private startFromDraw(index: number, frac: number): number {
    return Math.floor((this.windowStartMs + (index + frac * 0.9) * this.slotMs) / 1000) * 1000;
  }

  callCore(index: number): CallCore {
    const rng = rngFor(this.seed, "call", index);
    const startMs = this.startFromDraw(index, rng.next());
    const primaryUserIndex = this.hosts[pickWeighted(this.hostWeights, rng.next())]!;
    const workspaceIndex = this.users[primaryUserIndex]!.workspaceIndex;
    const external = rng.chance(0.85);
    let accountIndex: number | undefined;
    if (external) {
      const candidates = this.accountsByWorkspace[workspaceIndex]!;
      accountIndex = candidates[pickWeighted(this.accountWeights[workspaceIndex]!, rng.next())];
    }
    return {
      index,
      id: this.callIds.encode(index),
      startMs,
      primaryUserIndex,
      workspaceIndex,
      external,
      accountIndex,
    };
  }

  callIndexById(id: string): number | undefined {
    const index = this.callIds.decode(id);
    return index !== undefined && index < this.callCount ? index : undefined;
  }

  /** The first call index whose start is at or after `ms` (callCount when none). */
  firstCallAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.callCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.callStartMs(mid) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  callPlan(index: number): CallPlan {
    return this.plans.get(index, () =>
      planCall(
        {
          seed: this.seed,
          users: this.users,
          accounts: this.accounts,
          engineersByWorkspace: this.engineersByWorkspace,
        },
        this.callCore(index),
      ),
    );
  }

  callMeta(index: number): Record<string, unknown> {
    const plan = this.callPlan(index);
    return callMetaData(
      plan,
      this.workspaces[plan.core.workspaceIndex]!.id,
      this.users[plan.core.primaryUserIndex]!.id,
    );
  }

  callContent(index: number): CallContent {
    return this.contents.get(index, () =>
      buildContent(
        { seed: this.seed, users: this.users, trackerIds: this.trackerIds },
        this.callPlan(index),
        this.callActivity(index),
      ),
    );
  }

  /** Kept for every call once computed: stats read it over whole ranges. */
  callActivity(index: number): CallActivity {
    let facts = this.activities[index];
    if (!facts) {
      facts = callActivity(this.seed, this.callPlan(index), this.users, this.nowMs);
      this.activities[index] = facts;
    }
    return facts;
  }

  /** Company configuration (scorecards, library, flows, ...), built on first use. */
  get settings(): Settings {
    this.settingsCache ??= buildSettings(
      this.seed,
      this.nowMs,
      this.users,
      this.workspaces,
      this.callCount,
      (i) => this.callCore(i).workspaceIndex,
    );
    return this.settingsCache;
  }

  /** The call's interaction stat values (in INTERACTION_STATS order), kept once computed. */
  callInteraction(index: number): Float64Array {
    let values = this.interactions[index];
    if (!values) {
      values = Float64Array.from(this.callContent(index).interactionStats.map((s) => s.value));
      this.interactions[index] = values;
    }
    return values;
  }

  /** Call indexes whose start lies in [fromMs, toMs). */
  callRange(fromMs: number, toMs: number): { lo: number; hi: number } {
    return { lo: this.firstCallAtOrAfter(fromMs), hi: this.firstCallAtOrAfter(toMs) };
  }
}
