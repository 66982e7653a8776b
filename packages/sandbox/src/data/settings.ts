import { DAY_MS } from "../gong/dates.js";
import type { Account, SandboxUser, Workspace } from "./people.js";
import { hash32, Rng, rngFor } from "./random.js";
import { TRACKERS } from "./words.js";

/** Company configuration and other small, slowly changing objects. */

export interface ScorecardQuestion {
  questionId: bigint;
  questionRevisionId: bigint;
  questionText: string;
  isOverall: boolean;
  questionType: "SCALE" | "YES_NO" | "MULTIPLE_CHOICE";
  options: string[];
}

export interface ScorecardSetting {
  scorecardId: bigint;
  scorecardName: string;
  workspaceIndex: number;
  enabled: boolean;
  reviewMethod: "AUTOMATIC" | "MANUAL";
  createdMs: number;
  updatedMs: number;
  updaterUserIndex: number;
  questions: ScorecardQuestion[];
}

export interface LibraryFolder {
  id: string;
  name: string;
  parentFolderId: string | undefined;
  workspaceIndex: number;
  createdByIndex: number;
  updatedMs: number;
  /** call indexes in the folder */
  calls: number[];
}

export interface PermissionProfile {
  id: string;
  name: string;
  description: string;
  level: "all" | "managers-team" | "own";
  roles: ReadonlyArray<SandboxUser["role"]>;
}

export interface Flow {
  id: string;
  name: string;
  folderId: string;
  folderName: string;
  visibility: "Company" | "Personal" | "Shared";
  ownerIndex: number | undefined;
  workspaceIndex: number;
  createdMs: number;
  steps: Array<{
    id: string;
    action: "SEND_EMAIL" | "CALL" | "LINKEDIN_CONNECT" | "AUTO_SEND_EMAIL";
    subject?: string;
    body?: string;
  }>;
}

export interface FlowFolder {
  id: string;
  name: string;
  visibility: "Company" | "Personal";
  ownerIndex: number | undefined;
  workspaceIndex: number;
  createdMs: number;
}

export interface Settings {
  scorecards: ScorecardSetting[];
  libraryFolders: LibraryFolder[];
  permissionProfiles: PermissionProfile[];
  flowFolders: FlowFolder[];
  flows: Flow[];
  briefs: Array<{
    briefId: string;
    briefName: string;
    description: string;
    workspaceIndex: number;
    creatorIndex: number;
    createdMs: number;
  }>;
  crmIntegration: { integrationId: bigint; name: string; ownerEmail: string };
  /** a finished CRM upload that `GET /v2/crm/request-status` can report on */
  crmUpload: { clientRequestId: string; success: number; errors: number };
  /** a finished bulk assignment of prospects that `GET /v2/flows/prospects/bulk-assignments/{id}` reports on */
  bulkAssignment: { id: string };
  trackerCreatedMs: number;
}

/** A 19-digit id above 2^53, like Gong's real int64 ids, as a BigInt so it is written exactly. */
function int64(seed: number, ...parts: Array<string | number>): bigint {
  const high = BigInt(hash32(seed, "hi", ...parts) % 1_000_000_000);
  const low = BigInt(hash32(seed, "lo", ...parts) % 1_000_000_000);
  return 7_000_000_000_000_000_000n + high * 1_000_000_000n + low;
}

/** Ids of seeded objects, known without building the settings. */
export function sampleIds(seed: number): { crmClientRequestId: string; bulkAssignmentId: string } {
  return {
    crmClientRequestId: "initial-load-1",
    bulkAssignmentId: rngFor(seed, "bulk-assignment").digits(18),
  };
}

export function buildSettings(
  seed: number,
  nowMs: number,
  users: readonly SandboxUser[],
  workspaces: readonly Workspace[],
  callCount: number,
  callWorkspace: (index: number) => number,
): Settings {
  const rng = new Rng(hash32(seed, "settings"));
  const managerOf = (ws: number) =>
    users.find((u) => u.role === "manager" && u.workspaceIndex === ws)?.index ?? 0;

  const scorecardDefs: Array<
    [string, number, "AUTOMATIC" | "MANUAL", Array<[string, ScorecardQuestion["questionType"], string[]]>]
  > = [
    [
      "Discovery Call Scorecard",
      0,
      "MANUAL",
      [
        ["Did the rep confirm the customer's main pain?", "YES_NO", ["Yes", "No"]],
        ["How well did the rep qualify budget and timeline?", "SCALE", []],
        [
          "Which next step was agreed?",
          "MULTIPLE_CHOICE",
          ["Demo booked", "Proposal requested", "No next step"],
        ],
        ["Overall score", "SCALE", []],
      ],
    ],
    [
      "Demo Excellence",
      1,
      "MANUAL",
      [
        ["Did the demo follow the customer's use cases?", "YES_NO", ["Yes", "No"]],
        ["How well were objections handled?", "SCALE", []],
        ["Overall score", "SCALE", []],
      ],
    ],
    [
      "Cold Call Review",
      0,
      "AUTOMATIC",
      [
        ["Did the rep state the reason for the call in the first 30 seconds?", "YES_NO", ["Yes", "No"]],
        ["Overall score", "SCALE", []],
      ],
    ],
  ];
  const scorecards = scorecardDefs.map(([name, ws, method, questions], s) => ({
    scorecardId: int64(seed, "scorecard", s),
    scorecardName: name,
    workspaceIndex: ws,
    enabled: true,
    reviewMethod: method,
    createdMs: nowMs - (400 + s * 30) * DAY_MS,
    updatedMs: nowMs - (90 + s * 11) * DAY_MS,
    updaterUserIndex: managerOf(ws),
    questions: questions.map(([text, type, options], q) => ({
      questionId: int64(seed, "question", s, q),
      questionRevisionId: int64(seed, "revision", s, q),
      questionText: text,
      isOverall: text === "Overall score",
      questionType: type,
      options,
    })),
  }));

  const libraryFolders: LibraryFolder[] = [];
  const folderNames = [
    "Best Discovery Calls",
    "Competitive Wins",
    "Objection Handling",
    "Pricing Conversations",
    "New Hire Onboarding",
  ];
  workspaces.forEach((w) => {
    const trainingId = rng.digits(18);
    libraryFolders.push({
      id: trainingId,
      name: "Training",
      parentFolderId: undefined,
      workspaceIndex: w.index,
      createdByIndex: managerOf(w.index),
      updatedMs: nowMs - rng.int(5, 60) * DAY_MS,
      calls: [],
    });
    folderNames.forEach((name, f) => {
      libraryFolders.push({
        id: rng.digits(18),
        name,
        parentFolderId: f >= 2 ? trainingId : undefined,
        workspaceIndex: w.index,
        createdByIndex: managerOf(w.index),
        updatedMs: nowMs - rng.int(1, 120) * DAY_MS,
        calls: [],
      });
    });
  });
  // Fill folders with calls of their workspace, spread over the whole period.
  const byWorkspace = new Map<number, LibraryFolder[]>();
  for (const folder of libraryFolders) {
    if (folder.name === "Training") continue;
    const list = byWorkspace.get(folder.workspaceIndex) ?? [];
    list.push(folder);
    byWorkspace.set(folder.workspaceIndex, list);
  }
  const step = Math.max(1, Math.floor(callCount / 400));
  for (let index = 0; index < callCount; index += step) {
    const folders = byWorkspace.get(callWorkspace(index)) ?? [];
    const folder = folders[hash32(seed, "library", index) % Math.max(1, folders.length)];
    if (folder && folder.calls.length < 25 && hash32(seed, "library-pick", index) % 3 === 0)
      folder.calls.push(index);
  }

  const permissionProfiles: PermissionProfile[] = [
    {
      id: rng.digits(18),
      name: "Admin",
      description: "Full access to every call, deal and setting",
      level: "all",
      roles: ["executive"],
    },
    {
      id: rng.digits(18),
      name: "Manager",
      description: "Team calls, coaching and forecasting",
      level: "managers-team",
      roles: ["manager"],
    },
    {
      id: rng.digits(18),
      name: "Sales Rep",
      description: "Own calls and deals, the library",
      level: "own",
      roles: ["seller", "engineer"],
    },
    {
      id: rng.digits(18),
      name: "Customer Success",
      description: "Own accounts and their calls",
      level: "own",
      roles: ["success"],
    },
  ];

  const flowFolders: FlowFolder[] = [];
  const flows: Flow[] = [];
  workspaces.forEach((w) => {
    const companyFolder: FlowFolder = {
      id: rng.digits(18),
      name: "Company Flows",
      visibility: "Company",
      ownerIndex: undefined,
      workspaceIndex: w.index,
      createdMs: nowMs - rng.int(200, 500) * DAY_MS,
    };
    flowFolders.push(companyFolder);
    for (const name of ["Inbound Lead Follow-up", "Post-Demo Nurture", "Renewal Outreach"]) {
      flows.push(makeFlow(rng, `${name} (${w.name})`, companyFolder, undefined, w.index, nowMs));
    }
  });
  for (const user of users) {
    if (!user.active || (user.role !== "seller" && user.role !== "success")) continue;
    const folder: FlowFolder = {
      id: rng.digits(18),
      name: `${user.firstName}'s Flows`,
      visibility: "Personal",
      ownerIndex: user.index,
      workspaceIndex: user.workspaceIndex,
      createdMs: Math.max(user.createdMs, nowMs - rng.int(30, 300) * DAY_MS),
    };
    flowFolders.push(folder);
    const count = rng.int(1, 3);
    for (let n = 0; n < count; n++) {
      flows.push(
        makeFlow(
          rng,
          rng.pick(["Cold Outbound", "Event Follow-up", "Champion Re-engage", "Trial Check-in"]) +
            ` #${n + 1}`,
          folder,
          user.index,
          user.workspaceIndex,
          nowMs,
        ),
      );
    }
  }

  const briefs = ["Account Summary", "Deal Risk Review", "Next Meeting Prep"].map((briefName, b) => ({
    briefId: rng.digits(18),
    briefName,
    description: [
      "Who we talk to, what they care about and where the deal stands",
      "Risks and gaps in the deal",
      "What to cover in the next meeting",
    ][b]!,
    workspaceIndex: b === 2 ? 1 : 0,
    creatorIndex: managerOf(0),
    createdMs: nowMs - rng.int(20, 200) * DAY_MS,
  }));

  return {
    scorecards,
    libraryFolders,
    permissionProfiles,
    flowFolders,
    flows,
    briefs,
    crmIntegration: {
      integrationId: int64(seed, "crm"),
      name: "Brightwave Generic CRM",
      ownerEmail: users[0]?.emailAddress ?? "admin@brightwave.io",
    },
    crmUpload: { clientRequestId: sampleIds(seed).crmClientRequestId, success: 1250, errors: 3 },
    bulkAssignment: { id: sampleIds(seed).bulkAssignmentId },
    trackerCreatedMs: nowMs - 365 * DAY_MS,
  };
}

function makeFlow(
  rng: Rng,
  name: string,
  folder: FlowFolder,
  ownerIndex: number | undefined,
  workspaceIndex: number,
  nowMs: number,
): Flow {
  const steps: Flow["steps"] = [];
  const count = rng.int(3, 6);
  for (let s = 0; s < count; s++) {
    const action =
      s === 0
        ? "SEND_EMAIL"
        : rng.pick(["SEND_EMAIL", "CALL", "LINKEDIN_CONNECT", "AUTO_SEND_EMAIL"] as const);
    steps.push({
      id: rng.digits(18),
      action,
      ...(action === "SEND_EMAIL" || action === "AUTO_SEND_EMAIL"
        ? {
            subject: s === 0 ? "Quick question, {{first_name}}" : "Following up",
            body: "Hi {{first_name}}, ...",
          }
        : {}),
    });
  }
  return {
    id: rng.digits(18),
    name,
    folderId: folder.id,
    folderName: folder.name,
    visibility: ownerIndex === undefined ? "Company" : rng.chance(0.2) ? "Shared" : "Personal",
    ownerIndex,
    workspaceIndex,
    createdMs: Math.max(folder.createdMs, nowMs - rng.int(10, 400) * DAY_MS),
    steps,
  };
}

/** Tasks (reminders) of one user, generated on demand. */
export function userTasks(
  seed: number,
  user: SandboxUser,
  accounts: readonly Account[],
  flows: readonly Flow[],
  nowMs: number,
) {
  const rng = rngFor(seed, "tasks", user.index);
  const count = user.role === "seller" || user.role === "success" ? rng.int(3, 9) : rng.int(0, 2);
  const own = flows.filter((f) => f.ownerIndex === user.index || f.visibility === "Company");
  return Array.from({ length: count }, (_, t) => {
    const account = rng.pick(accounts);
    const contact = rng.pick(account.contacts);
    const type: "FLOW" | "MANUAL" = own.length > 0 && rng.chance(0.6) ? "FLOW" : "MANUAL";
    const flow = type === "FLOW" ? rng.pick(own) : undefined;
    const createdMs = nowMs - rng.int(1, 30) * DAY_MS;
    return {
      id: int64(seed, "task", user.index, t),
      status: rng.pick(["OPEN", "OPEN", "DONE", "DISMISSED"] as const),
      type,
      createdMs,
      updatedMs: createdMs + rng.int(0, 48) * 3_600_000,
      dueMs: createdMs + rng.int(1, 10) * DAY_MS,
      account,
      contact,
      flow,
      stepIndex: flow ? rng.int(0, flow.steps.length - 1) : 0,
      priority: rng.pick(["High", "Medium", "Low"] as const),
    };
  });
}

export { TRACKERS };
