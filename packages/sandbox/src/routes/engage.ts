import type { Dataset } from "../data/dataset.js";
import type { SandboxUser } from "../data/people.js";
import { hash32 } from "../data/random.js";
import type { Flow } from "../data/settings.js";
import { userTasks } from "../data/settings.js";
import { isoDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import { arraySource, page } from "../gong/pagination.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import {
  bodyObject,
  filterObject,
  idList,
  type Json,
  queryCursor,
  requiredQuery,
  workspaceIndexOf,
} from "./input.js";

/** Gong Engage: flows, their folders and steps, prospects in flows, and users' tasks. */

function userByEmail(ctx: RouteContext, email: string, field: string) {
  const user = ctx.data.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase());
  if (!user) throw badRequest(`${field} ${JSON.stringify(email)} is not the email address of a Gong user`);
  return user;
}

function renderFlow(flow: Flow): Json {
  return {
    id: flow.id,
    name: flow.name,
    folderId: flow.folderId,
    folderName: flow.folderName,
    visibility: flow.visibility,
    creationDate: isoDateTime(flow.createdMs),
    exclusive: flow.visibility === "Company",
  };
}

const listFlows: ApiRoute = {
  method: "GET",
  path: "/v2/flows",
  scope: "api:flows:read",
  handler(ctx) {
    const owner = userByEmail(ctx, requiredQuery(ctx, "flowOwnerEmail"), "flowOwnerEmail");
    const workspaceIndex = workspaceIndexOf(ctx, ctx.query.get("workspaceId"));
    const folderId = ctx.query.get("folderId");
    let flows = ctx.data.settings.flows.filter(
      (f) =>
        (f.ownerIndex === owner.index ||
          (f.visibility === "Company" && f.workspaceIndex === owner.workspaceIndex)) &&
        (workspaceIndex === undefined || f.workspaceIndex === workspaceIndex) &&
        (!folderId || f.folderId === folderId),
    );
    if (ctx.query.get("mostRecentlyAssigned") === "true")
      flows = [...flows].sort((a, b) => b.createdMs - a.createdMs).slice(0, 20);
    const key = Object.fromEntries([...ctx.query].filter(([k]) => k !== "cursor"));
    const { items, records } = page(arraySource(flows), queryCursor(ctx), key);
    return { body: { records, flows: items.map(renderFlow) } };
  },
};

const listFlowFolders: ApiRoute = {
  method: "GET",
  path: "/v2/flows/folders",
  scope: "api:flows:read",
  handler(ctx) {
    const owner = userByEmail(ctx, requiredQuery(ctx, "flowFolderOwnerEmail"), "flowFolderOwnerEmail");
    const workspaceIndex = workspaceIndexOf(ctx, ctx.query.get("workspaceId"));
    const parentId = ctx.query.get("parentId");
    const folders = ctx.data.settings.flowFolders.filter(
      (f) =>
        (f.ownerIndex === owner.index ||
          (f.visibility === "Company" && f.workspaceIndex === owner.workspaceIndex)) &&
        (workspaceIndex === undefined || f.workspaceIndex === workspaceIndex) &&
        !parentId, // folders are not nested
    );
    const key = Object.fromEntries([...ctx.query].filter(([k]) => k !== "cursor"));
    const { items, records } = page(arraySource(folders), queryCursor(ctx), key);
    return {
      body: {
        records,
        flows: items.map((f) => ({
          id: f.id,
          name: f.name,
          visibility: f.visibility,
          creationDate: isoDateTime(f.createdMs),
          exclusive: false,
        })),
      },
    };
  },
};

export interface Assignment {
  flow: Flow;
  contactId: string;
  instanceId: string;
  ownerIndex: number;
  createdMs: number;
  status: "Pending" | "Running" | "Paused" | "FinishedNoReply" | "FinishedResponse" | "Finished";
}

/** Generated assignments, minus those unassigned and plus those assigned through the API. */
export function currentAssignments(ctx: RouteContext): Assignment[] {
  const removed = ctx.store.unassignedFlowInstances;
  return [...generatedAssignments(ctx.data), ...(ctx.store.flowAssignments as Assignment[])].filter(
    (a) => !removed.has(a.instanceId),
  );
}

export function renderAssignment(ctx: RouteContext, a: Assignment): Json {
  const owner = ctx.data.users[a.ownerIndex]!;
  return {
    flowId: a.flow.id,
    flowName: a.flow.name,
    crmProspectId: a.contactId,
    flowInstanceId: a.instanceId,
    flowInstanceOwnerEmail: owner.emailAddress,
    flowInstanceOwnerFullName: `${owner.firstName} ${owner.lastName}`,
    flowInstanceCreateDate: isoDateTime(a.createdMs),
    flowInstanceStatus: a.status,
    workspaceId: ctx.data.workspaces[a.flow.workspaceIndex]!.id,
    exclusive: a.flow.visibility === "Company",
  };
}

/** Which contacts are in which flows: a fixed share of contacts, in flows of their region's reps. */
function generatedAssignments(data: Dataset): Assignment[] {
  const out: Assignment[] = [];
  const statuses = [
    "Pending",
    "Running",
    "Running",
    "Paused",
    "FinishedNoReply",
    "FinishedResponse",
    "Finished",
  ] as const;
  for (const account of data.accounts) {
    const candidates = data.settings.flows.filter(
      (f) => f.ownerIndex !== undefined && f.workspaceIndex === account.region,
    );
    if (candidates.length === 0) continue;
    account.contacts.forEach((contact, k) => {
      const h = hash32(data.seed, "flow-assignment", contact.id);
      if (h % 3 !== 0) return;
      const flow = candidates[h % candidates.length]!;
      out.push({
        flow,
        contactId: contact.id,
        instanceId: String(4_000_000_000_000_000 + (h % 1_000_000) * 1000 + k),
        ownerIndex: flow.ownerIndex!,
        createdMs: data.nowMs - ((h >>> 8) % 60) * 86_400_000,
        status: statuses[(h >>> 4) % statuses.length]!,
      });
    });
  }
  return out;
}

const prospects: ApiRoute = {
  method: "POST",
  path: "/v2/flows/prospects",
  scope: "api:flows:read",
  handler(ctx) {
    const body = bodyObject(ctx);
    const crmIds = idList(body.crmProspectsIds, "crmProspectsIds");
    const instanceIds = idList(body.flowInstanceIds, "flowInstanceIds");
    if (!crmIds && !instanceIds) throw badRequest("Send crmProspectsIds or flowInstanceIds");
    const list = currentAssignments(ctx).filter(
      (a) => (crmIds?.includes(a.contactId) ?? false) || (instanceIds?.includes(a.instanceId) ?? false),
    );
    return { body: { prospectsAssigned: list.map((a) => renderAssignment(ctx, a)) } };
  },
};

const steps: ApiRoute = {
  method: "POST",
  path: "/v2/flows/steps",
  scope: "api:flows:read",
  handler(ctx) {
    const body = bodyObject(ctx);
    const ids = idList(body.flowIds, "flowIds");
    const flows = ctx.data.settings.flows.filter((f) => !ids || ids.includes(f.id));
    if (flows.length === 0) throw notFound("No flows found for the given flowIds");
    return {
      body: {
        flows: flows.map((f) => ({
          id: f.id,
          name: f.name,
          folderId: f.folderId,
          visibility: f.visibility,
          creationDate: isoDateTime(f.createdMs),
          exclusive: f.visibility === "Company",
          description: `${f.steps.length}-step sequence`,
          steps: f.steps.map((s, k) => ({
            id: s.id,
            stepOrder: k + 1,
            action: s.action,
            ...(s.subject ? { subject: s.subject, body: s.body, isReply: k > 0 } : {}),
          })),
        })),
      },
    };
  },
};

const bulkAssignment: ApiRoute = {
  method: "GET",
  path: "/v2/flows/prospects/bulk-assignments/{id}",
  scope: "api:flows:read",
  handler(ctx) {
    const { data } = ctx;
    const created = ctx.store.bulkAssignments.get(ctx.params.id ?? "");
    if (created) return { body: created as Json };
    const seeded = data.settings.bulkAssignment;
    if (ctx.params.id !== seeded.id) throw notFound(`Bulk assignment ${ctx.params.id} was not found`);
    const account = data.accounts[1] ?? data.accounts[0]!;
    const results = account.contacts.map((c, k) => ({
      prospect: {
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.emailAddress,
        jobTitle: c.title,
        crmId: c.id,
        accountCrmId: account.crmId,
        companyName: account.name,
      },
      ...(k === 0
        ? {
            status: "FLOW_ASSIGNMENT_FAILED",
            crmId: c.id,
            errorCode: "COOL_OFF",
            errorMessage: "The prospect is in a cool-off period",
          }
        : { status: "ASSIGNED", crmId: c.id, flowInstanceId: String(5_000_000_000_000_000 + k) }),
    }));
    return {
      body: {
        id: seeded.id,
        status: "COMPLETED",
        totalCount: results.length,
        processedCount: results.length,
        successCount: results.length - 1,
        failedCount: 1,
        results,
      },
    };
  },
};

const ENUMS = {
  types: ["FLOW", "MANUAL"],
  taskAction: ["CALL"],
  status: ["OPEN", "DONE", "DISMISSED"],
} as const;

const tasks: ApiRoute = {
  method: "POST",
  path: "/v2/tasks",
  scope: "api:tasks:read",
  handler(ctx) {
    const { data } = ctx;
    const filter = filterObject(bodyObject(ctx));
    if (typeof filter.userId !== "string" && typeof filter.userId !== "number")
      throw badRequest("filter.userId is required");
    const user = data.userByIdOrUndefined(String(filter.userId));
    if (!user) throw notFound(`User ${filter.userId} was not found`);
    workspaceIndexOf(ctx, filter.workspaceId, "filter.workspaceId");
    const wanted: Record<string, readonly string[]> = {};
    for (const [field, allowed] of Object.entries(ENUMS)) {
      const value = filter[field];
      if (
        !Array.isArray(value) ||
        value.length === 0 ||
        value.some((v) => !(allowed as readonly unknown[]).includes(v))
      ) {
        throw badRequest(`filter.${field} is required: a non-empty list of ${allowed.join(", ")}`);
      }
      wanted[field] = value as string[];
    }
    const list = tasksOf(ctx, user).filter(
      (t) => wanted.types!.includes(t.type) && wanted.status!.includes(t.status),
    );
    return { body: { tasks: list.map((t) => renderTask(t, user)), crmType: "SALESFORCE" } };
  },
};

type Task = ReturnType<typeof userTasks>[number];

/** A user's tasks with the changes made by `PATCH /v2/tasks/{taskId}` applied. */
export function tasksOf(ctx: RouteContext, user: SandboxUser): Task[] {
  return userTasks(ctx.data.seed, user, ctx.data.accounts, ctx.data.settings.flows, ctx.nowMs).map((t) => {
    const update = ctx.store.taskUpdates.get(String(t.id));
    if (!update) return t;
    return {
      ...t,
      ...(update.status ? { status: update.status as Task["status"] } : {}),
      ...(update.dueDate ? { dueMs: Date.parse(update.dueDate) } : {}),
      ...(update.priority ? { priority: update.priority as Task["priority"] } : {}),
    };
  });
}

export function renderTask(t: Task, user: SandboxUser): Json {
  return {
    id: t.id,
    userId: BigInt(user.id),
    created: isoDateTime(t.createdMs),
    updated: isoDateTime(t.updatedMs),
    status: t.status,
    type: t.type,
    actions: ["CALL"],
    account: {
      crmId: t.account.crmId,
      name: t.account.name,
      crmUrl: `https://brightwave.lightning.force.com/${t.account.crmId}`,
    },
    opportunity: {
      crmId: t.account.opportunity.id,
      name: t.account.opportunity.name,
      crmUrl: `https://brightwave.lightning.force.com/${t.account.opportunity.id}`,
      status: t.account.opportunity.stage.startsWith("Closed") ? "Closed" : "Open",
      stage: t.account.opportunity.stage,
      amount: String(t.account.opportunity.amount),
      probability: "40",
      closeDate: isoDateTime(t.account.opportunity.closeDateMs).slice(0, 10),
    },
    dueDate: isoDateTime(t.dueMs),
    ...(t.flow
      ? {
          flow: {
            id: BigInt(t.flow.id),
            name: t.flow.name,
            step: {
              id: BigInt(t.flow.steps[t.stepIndex]!.id),
              name: `Step ${t.stepIndex + 1}`,
              stepNumber: t.stepIndex + 1,
            },
          },
        }
      : {}),
    contact: {
      crmId: t.contact.id,
      type: "CONTACT",
      data: {
        firstName: t.contact.firstName,
        lastName: t.contact.lastName,
        crmUrl: `https://brightwave.lightning.force.com/${t.contact.id}`,
        companyName: t.account.name,
        affiliation: "Them",
        emails: [{ email: t.contact.emailAddress }],
        title: t.contact.title,
        timezone: t.account.region === 0 ? "America/New_York" : "Europe/Berlin",
        phoneNumbers: [{ raw: t.contact.phoneNumber, label: "work", isVerified: true }],
        country: t.account.region === 0 ? "United States" : "Germany",
      },
    },
    additionalContacts: [],
    title: `Call ${t.contact.firstName} ${t.contact.lastName} (${t.account.name})`,
    priority: {
      id: BigInt(hash32(t.priority) % 1000),
      name: t.priority,
      weight: t.priority === "High" ? 3 : t.priority === "Medium" ? 2 : 1,
    },
  };
}

export const engageRoutes: ApiRoute[] = [listFlows, listFlowFolders, prospects, steps, bulkAssignment, tasks];
