import { isoDateTime } from "../gong/dates.js";
import type { Account, Contact, SandboxUser } from "./people.js";
import { type Rng, rngFor } from "./random.js";
import { CALL_KINDS, CALL_OUTCOMES, COMPANY, INTERNAL_CALL_KINDS, MEETING_SYSTEMS } from "./words.js";

/** The few facts about a call that filters need; cheap enough to compute for 100,000 calls. */
export interface CallCore {
  index: number;
  id: string;
  startMs: number;
  primaryUserIndex: number;
  workspaceIndex: number;
  external: boolean;
  accountIndex: number | undefined;
}

export interface CallParty {
  id: string;
  name: string;
  emailAddress: string;
  title: string;
  affiliation: "Internal" | "External";
  userId?: string;
  userIndex?: number;
  contact?: Contact;
  speakerId?: string;
  phoneNumber?: string;
  methods: Array<"Invitee" | "Attendee">;
}

/** Everything about a call except its content (transcript, trackers...), which is built on demand. */
export interface CallPlan {
  core: CallCore;
  account: Account | undefined;
  kind: string;
  title: string;
  phone: boolean;
  answered: boolean;
  durationSec: number;
  system: string;
  direction: "Inbound" | "Outbound" | "Conference";
  media: "Video" | "Audio";
  isPrivate: boolean;
  scheduledMs: number;
  meetingUrl: string | undefined;
  calendarEventId: string | undefined;
  clientUniqueId: string | undefined;
  outcomeIndex: number | undefined;
  parties: CallParty[];
}

export interface PlanInputs {
  seed: number;
  users: readonly SandboxUser[];
  accounts: readonly Account[];
  engineersByWorkspace: ReadonlyArray<readonly number[]>;
}

function internalParty(rng: Rng, user: SandboxUser, speaks: boolean): CallParty {
  return {
    id: rng.digits(17),
    name: `${user.firstName} ${user.lastName}`,
    emailAddress: user.emailAddress,
    title: user.title,
    affiliation: "Internal",
    userId: user.id,
    userIndex: user.index,
    ...(speaks ? { speakerId: rng.digits(16) } : {}),
    methods: speaks ? ["Invitee", "Attendee"] : ["Invitee"],
  };
}

function externalParty(rng: Rng, contact: Contact, speaks: boolean, phone: boolean): CallParty {
  return {
    id: rng.digits(17),
    name: contact.name,
    emailAddress: contact.emailAddress,
    title: contact.title,
    affiliation: "External",
    contact,
    ...(speaks ? { speakerId: rng.digits(16) } : {}),
    ...(phone ? { phoneNumber: contact.phoneNumber } : {}),
    methods: speaks ? ["Invitee", "Attendee"] : ["Invitee"],
  };
}

export function planCall(inputs: PlanInputs, core: CallCore): CallPlan {
  const { seed, users, accounts } = inputs;
  const rng = rngFor(seed, "call-plan", core.index);
  const host = users[core.primaryUserIndex] as SandboxUser;
  const account = core.accountIndex === undefined ? undefined : accounts[core.accountIndex];
  const phone = core.external && rng.chance(0.2);
  const outcomeIndex = phone
    ? rng.int(0, CALL_OUTCOMES.length - 1)
    : core.external && rng.chance(0.6)
      ? rng.int(0, 3)
      : undefined;
  const answered = !phone || CALL_OUTCOMES[outcomeIndex ?? 0]?.[1] === "ANSWERED";
  const durationSec = !answered
    ? rng.int(20, 70)
    : phone
      ? rng.int(180, 1200)
      : rng.int(15, 60) * 60 + rng.int(-90, 90);
  const kind = core.external ? rng.pick(CALL_KINDS) : rng.pick(INTERNAL_CALL_KINDS);
  const system = phone ? rng.pick(["Outreach", "Aircall"]) : rng.pick(MEETING_SYSTEMS);
  const isPrivate = rng.chance(0.03);

  const parties: CallParty[] = [internalParty(rng, host, true)];
  if (core.external && account) {
    if (phone) {
      parties.push(externalParty(rng, rng.pick(account.contacts), answered, true));
    } else {
      const engineers = inputs.engineersByWorkspace[core.workspaceIndex] ?? [];
      if (engineers.length > 0 && rng.chance(0.35)) {
        const engineer = users[rng.pick(engineers)] as SandboxUser;
        if (engineer.index !== host.index) parties.push(internalParty(rng, engineer, true));
      }
      const manager = host.managerIndex === undefined ? undefined : users[host.managerIndex];
      if (manager && rng.chance(0.2)) parties.push(internalParty(rng, manager, rng.chance(0.7)));
      for (const contact of rng.sample(account.contacts, rng.int(1, 3))) {
        parties.push(externalParty(rng, contact, true, false));
      }
      const absent = account.contacts.find((c) => !parties.some((p) => p.contact === c));
      if (absent && rng.chance(0.2)) parties.push(externalParty(rng, absent, false, false));
    }
  } else {
    const manager = host.managerIndex === undefined ? undefined : users[host.managerIndex];
    const colleagues = manager ? [manager] : [];
    for (let n = rng.int(0, 2); n > 0; n--) {
      const other = users[rng.int(0, users.length - 1)] as SandboxUser;
      if (other.index !== host.index && !colleagues.includes(other)) colleagues.push(other);
    }
    if (colleagues.length === 0 && users.length > 1)
      colleagues.push(users[(host.index + 1) % users.length] as SandboxUser);
    for (const colleague of colleagues) parties.push(internalParty(rng, colleague, true));
  }

  const firstContact = parties.find((p) => p.affiliation === "External");
  const other = parties[1];
  const title = !core.external
    ? `${kind}: ${host.firstName} / ${other ? other.name.split(" ")[0] : "Team"}`
    : phone
      ? `Call with ${firstContact?.name ?? "prospect"} (${account?.name ?? "unknown"})`
      : `${account?.name ?? "Prospect"} | ${COMPANY.name} - ${kind}`;
  const quarterHour = 15 * 60_000;
  return {
    core,
    account,
    kind,
    title,
    phone,
    answered,
    durationSec,
    system,
    direction: phone ? (rng.chance(0.85) ? "Outbound" : "Inbound") : "Conference",
    media: phone ? "Audio" : rng.chance(0.9) ? "Video" : "Audio",
    isPrivate,
    scheduledMs: phone ? core.startMs : Math.floor(core.startMs / quarterHour) * quarterHour,
    meetingUrl: phone ? undefined : meetingUrl(rng, system),
    calendarEventId: phone ? undefined : rng.alnum(26),
    clientUniqueId: phone ? `${system.toLowerCase()}-${rng.digits(12)}` : undefined,
    outcomeIndex,
    parties,
  };
}

function meetingUrl(rng: Rng, system: string): string {
  switch (system) {
    case "Zoom":
      return `https://brightwave.zoom.us/j/${rng.digits(11)}`;
    case "Google Meet":
      return `https://meet.google.com/${rng.alnum(3)}-${rng.alnum(4)}-${rng.alnum(3)}`;
    case "Microsoft Teams":
      return `https://teams.microsoft.com/l/meetup-join/${rng.alnum(24)}`;
    default:
      return `https://brightwave.webex.com/meet/${rng.alnum(10)}`;
  }
}

/** Gong's CallBasicData for a planned call. */
export function callMetaData(
  plan: CallPlan,
  workspaceId: string,
  primaryUserId: string,
): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    id: plan.core.id,
    url: `https://app.gong.io/call?id=${plan.core.id}`,
    title: plan.title,
    scheduled: isoDateTime(plan.scheduledMs),
    started: isoDateTime(plan.core.startMs),
    duration: plan.durationSec,
    primaryUserId,
    direction: plan.direction,
    system: plan.system,
    scope: plan.core.external ? "External" : "Internal",
    media: plan.media,
    language: "eng",
    workspaceId,
    purpose: plan.kind,
    isPrivate: plan.isPrivate,
  };
  if (plan.phone) {
    const outcome = plan.outcomeIndex === undefined ? undefined : CALL_OUTCOMES[plan.outcomeIndex];
    if (outcome) meta.sdrDisposition = outcome[0];
    meta.clientUniqueId = plan.clientUniqueId;
  } else {
    meta.meetingUrl = plan.meetingUrl;
    meta.calendarEventId = plan.calendarEventId;
  }
  return meta;
}
