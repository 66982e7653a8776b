import { hash32 } from "./random.js";

export interface MeetingRecord {
  meetingId: string;
  organizerEmail: string;
  startTime: string;
  endTime: string;
  title: string | undefined;
  invitees: unknown[];
}

/**
 * What write operations changed, on top of the generated data. Ids of created objects come from
 * the seed and a counter, so a replayed sequence of writes gives the same ids.
 */
export class WriteStore {
  private counter = 0;
  /** callId -> user ids given individual access */
  readonly accessAdded = new Map<string, Set<string>>();
  /** callId -> user ids whose (generated) access was removed */
  readonly accessRemoved = new Map<string, Set<string>>();
  /** task id -> changed fields */
  readonly taskUpdates = new Map<string, { status?: string; dueDate?: string; priority?: string }>();
  readonly meetings = new Map<string, MeetingRecord>();
  readonly crmIntegrations: Array<{ integrationId: bigint; name: string; ownerEmail: string }> = [];
  readonly deletedIntegrations = new Set<string>();
  readonly eventIds = new Set<string>();

  constructor(private readonly seed: number) {}

  /** A fresh digit-string id. */
  nextId(kind: string, length = 18): string {
    this.counter++;
    let out = String(1 + (hash32(this.seed, kind, this.counter) % 9));
    let k = 0;
    while (out.length < length)
      out += String(hash32(this.seed, kind, this.counter, k++) % 1_000_000_000).padStart(9, "0");
    return out.slice(0, length);
  }
}
