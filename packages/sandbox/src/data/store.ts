import { hash32 } from "./random.js";

export interface MeetingRecord {
  meetingId: string;
  organizerEmail: string;
  startTime: string;
  endTime: string;
  title: string | undefined;
  invitees: unknown[];
}

/** A call created with `POST /v2/calls`; Gong has not processed it, so it has no content or transcript. */
export interface AddedCall {
  id: string;
  startMs: number;
  workspaceIndex: number;
  primaryUserIndex: number;
  clientUniqueId: string;
  meta: Record<string, unknown>;
  parties: Array<Record<string, unknown>>;
  mediaUploaded: boolean;
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
  /** flow assignments made through the API (shape of the Engage routes' Assignment) */
  readonly flowAssignments: unknown[] = [];
  readonly unassignedFlowInstances = new Set<string>();
  readonly bulkAssignments = new Map<string, Record<string, unknown>>();
  /** permission profiles created or updated, by id */
  readonly permissionProfiles = new Map<string, Record<string, unknown>>();
  /** extra CRM schema fields by object type */
  readonly crmSchemaFields = new Map<string, Array<Record<string, unknown>>>();
  /** CRM uploads by clientRequestId: number of records received */
  readonly crmUploads = new Map<string, number>();
  /** erased email addresses and phone numbers (digits only) */
  readonly erasedEmails = new Set<string>();
  readonly erasedPhones = new Set<string>();
  /** created calls, in start order */
  readonly addedCalls: AddedCall[] = [];
  readonly addedCallsById = new Map<string, AddedCall>();

  addCall(call: AddedCall): void {
    const at = this.addedCalls.findIndex((c) => c.startMs > call.startMs);
    if (at < 0) this.addedCalls.push(call);
    else this.addedCalls.splice(at, 0, call);
    this.addedCallsById.set(call.id, call);
  }

  /** Gong credits left for the AI endpoints (each answer spends one) */
  aiCredits: number;

  constructor(
    private readonly seed: number,
    aiCredits = Number.POSITIVE_INFINITY,
  ) {
    this.aiCredits = aiCredits;
  }

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
