import { isoDateTime, parseDateTime } from "../gong/dates.js";
import { badRequest, GongHttpError, notFound } from "../gong/errors.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { renderTask, tasksOf } from "./engage.js";
import { bodyObject, type Json, requiredQuery, workspaceIndexOf } from "./input.js";

/**
 * Write operations whose effect the read operations show: individual call access, task updates,
 * meetings, CRM integrations, and engagement events (accepted and de-duplicated by id).
 */

function requireFields(body: Json, fields: readonly string[], prefix = ""): void {
  for (const field of fields) {
    const value = body[field];
    if (value === undefined || value === null || value === "")
      throw badRequest(`${prefix}${field} is required`);
  }
}

/** `callAccessList` entries, checked against existing calls and users. */
function accessList(ctx: RouteContext): Array<{ callId: string; userIds: string[] }> {
  const list = bodyObject(ctx).callAccessList;
  if (!Array.isArray(list) || list.length === 0)
    throw badRequest("callAccessList is required: [{ callId, userIds }]");
  return list.map((entry, k) => {
    const item = (entry ?? {}) as Json;
    const callId = String(item.callId ?? "");
    if (ctx.data.callIndexById(callId) === undefined)
      throw badRequest(`callAccessList[${k}].callId ${JSON.stringify(callId)} is not a call`);
    if (!Array.isArray(item.userIds) || item.userIds.length === 0)
      throw badRequest(`callAccessList[${k}].userIds must not be empty`);
    const userIds = item.userIds.map(String);
    for (const id of userIds) {
      if (!ctx.data.userByIdOrUndefined(id))
        throw badRequest(`callAccessList[${k}].userIds contains ${id}, which is not a user`);
    }
    return { callId, userIds };
  });
}

const addAccess: ApiRoute = {
  method: "PUT",
  path: "/v2/calls/users-access",
  scope: "api:call-user-access:write",
  handler(ctx) {
    for (const { callId, userIds } of accessList(ctx)) {
      const added = ctx.store.accessAdded.get(callId) ?? new Set<string>();
      for (const id of userIds) {
        added.add(id);
        ctx.store.accessRemoved.get(callId)?.delete(id);
      }
      ctx.store.accessAdded.set(callId, added);
    }
    return { body: {} };
  },
};

const removeAccess: ApiRoute = {
  method: "DELETE",
  path: "/v2/calls/users-access",
  scope: "api:call-user-access:write",
  handler(ctx) {
    for (const { callId, userIds } of accessList(ctx)) {
      const removed = ctx.store.accessRemoved.get(callId) ?? new Set<string>();
      for (const id of userIds) {
        removed.add(id);
        ctx.store.accessAdded.get(callId)?.delete(id);
      }
      ctx.store.accessRemoved.set(callId, removed);
    }
    return { body: {} };
  },
};

const updateTask: ApiRoute = {
  method: "PATCH",
  path: "/v2/tasks/{taskId}",
  scope: "api:tasks:write",
  handler(ctx) {
    const body = bodyObject(ctx);
    requireFields(body, ["userId"]);
    const user = ctx.data.userByIdOrUndefined(String(body.userId));
    if (!user) throw notFound(`User ${body.userId} was not found`);
    const taskId = ctx.params.taskId ?? "";
    if (!tasksOf(ctx, user).some((t) => String(t.id) === taskId))
      throw notFound(`Task ${taskId} of user ${user.id} was not found`);
    const update: { status?: string; dueDate?: string; priority?: string } = {
      ...ctx.store.taskUpdates.get(taskId),
    };
    if (body.status !== undefined) {
      if (!["OPEN", "DONE", "DISMISSED"].includes(String(body.status)))
        throw badRequest("status must be OPEN, DONE or DISMISSED");
      update.status = String(body.status);
    }
    if (body.dueDate !== undefined) {
      parseDateTime(body.dueDate, "dueDate");
      update.dueDate = String(body.dueDate);
    }
    if (body.priority !== undefined) {
      if (!["High", "Medium", "Low"].includes(String(body.priority)))
        throw badRequest("priority must be High, Medium or Low");
      update.priority = String(body.priority);
    }
    ctx.store.taskUpdates.set(taskId, update);
    const task = tasksOf(ctx, user).find((t) => String(t.id) === taskId)!;
    return { body: { tasks: [renderTask(task, user)], crmType: "SALESFORCE" } };
  },
};

function meetingInput(ctx: RouteContext): Json {
  const body = bodyObject(ctx);
  requireFields(body, ["startTime", "endTime", "invitees", "organizerEmail"]);
  const start = parseDateTime(body.startTime, "startTime");
  const end = parseDateTime(body.endTime, "endTime");
  if (start >= end) throw badRequest("startTime must be before endTime");
  if (!Array.isArray(body.invitees)) throw badRequest("invitees must be a list of { email, displayName }");
  const organizer = ctx.data.users.find((u) => u.emailAddress === String(body.organizerEmail).toLowerCase());
  if (!organizer) throw notFound(`organizerEmail ${JSON.stringify(body.organizerEmail)} is not a Gong user`);
  return body;
}

const addMeeting: ApiRoute = {
  method: "POST",
  path: "/v2/meetings",
  scope: "api:meetings:user:create",
  handler(ctx) {
    const body = meetingInput(ctx);
    const meetingId = ctx.store.nextId("meeting");
    ctx.store.meetings.set(meetingId, {
      meetingId,
      organizerEmail: String(body.organizerEmail),
      startTime: String(body.startTime),
      endTime: String(body.endTime),
      title: body.title === undefined ? undefined : String(body.title),
      invitees: body.invitees as unknown[],
    });
    return {
      body: { meetingId, meetingUrl: `https://app.gong.io/meeting/${meetingId}`, additionalInvitees: [] },
    };
  },
};

const updateMeeting: ApiRoute = {
  method: "PUT",
  path: "/v2/meetings/{meetingId}",
  scope: "api:meetings:user:update",
  handler(ctx) {
    const meetingId = ctx.params.meetingId ?? "";
    const existing = ctx.store.meetings.get(meetingId);
    if (!existing) throw notFound(`Meeting ${meetingId} was not found`);
    const body = meetingInput(ctx);
    ctx.store.meetings.set(meetingId, {
      ...existing,
      startTime: String(body.startTime),
      endTime: String(body.endTime),
      title: body.title === undefined ? existing.title : String(body.title),
      invitees: body.invitees as unknown[],
    });
    return { body: { meetingId } };
  },
};

const deleteMeeting: ApiRoute = {
  method: "DELETE",
  path: "/v2/meetings/{meetingId}",
  scope: "api:meetings:user:delete",
  handler(ctx) {
    const meetingId = ctx.params.meetingId ?? "";
    const existing = ctx.store.meetings.get(meetingId);
    if (!existing) throw notFound(`Meeting ${meetingId} was not found`);
    ctx.store.meetings.delete(meetingId);
    // Gong documents this answer as the organizer only.
    return { body: { organizerEmail: existing.organizerEmail }, bare: true };
  },
};

const registerIntegration: ApiRoute = {
  method: "PUT",
  path: "/v2/crm/integrations",
  scope: "api:crm:integration:register",
  handler(ctx) {
    const body = bodyObject(ctx);
    requireFields(body, ["ownerEmail", "name"]);
    const all = [ctx.data.settings.crmIntegration, ...ctx.store.crmIntegrations];
    if (
      all.some((i) => i.name === body.name && !ctx.store.deletedIntegrations.has(String(i.integrationId)))
    ) {
      throw new GongHttpError(409, [`An integration named ${JSON.stringify(body.name)} already exists`]);
    }
    const integrationId = BigInt(`7${ctx.store.nextId("crm-integration", 18)}`);
    ctx.store.crmIntegrations.push({
      integrationId,
      name: String(body.name),
      ownerEmail: String(body.ownerEmail),
    });
    return { body: { integrationId } };
  },
};

const deleteIntegration: ApiRoute = {
  method: "DELETE",
  path: "/v2/crm/integrations",
  scope: "api:crm:integration:delete",
  handler(ctx) {
    const id = requiredQuery(ctx, "integrationId");
    const clientRequestId = requiredQuery(ctx, "clientRequestId");
    const known = [ctx.data.settings.crmIntegration, ...ctx.store.crmIntegrations].some(
      (i) => String(i.integrationId) === id,
    );
    if (!known || ctx.store.deletedIntegrations.has(id))
      throw badRequest(`integrationId ${id} is not a CRM integration of this company`);
    ctx.store.deletedIntegrations.add(id);
    return { status: 201, body: { clientRequestId } };
  },
};

function eventRoute(
  path: string,
  required: readonly string[],
  idField: string,
  method: "PUT" | "POST",
  scope: string,
): ApiRoute {
  return {
    method,
    path,
    scope,
    handler(ctx) {
      const body = bodyObject(ctx);
      requireFields(body, required);
      for (const field of ["eventTimestamp", "timestamp"])
        if (body[field] !== undefined) parseDateTime(body[field], field);
      if (path === "/v2/digital-interaction")
        requireFields((body.content ?? {}) as Json, ["contentTitle"], "content.");
      const eventId = body[idField];
      if (typeof eventId === "string" && eventId !== "") {
        const key = `${path}:${eventId}`;
        if (ctx.store.eventIds.has(key))
          throw new GongHttpError(409, [`Event ${eventId} was already reported`]);
        ctx.store.eventIds.add(key);
      }
      return { body: {} };
    },
  };
}

const DIRECTIONS = ["Inbound", "Outbound", "Conference", "Unknown"];

const addCall: ApiRoute = {
  method: "POST",
  path: "/v2/calls",
  scope: "api:calls:create",
  handler(ctx) {
    const body = bodyObject(ctx);
    if ((body.filter !== undefined || body.cursor !== undefined) && body.clientUniqueId === undefined) {
      throw badRequest(
        "POST /v2/calls creates a call (clientUniqueId, actualStart, parties, direction and primaryUser are required); to list calls use GET /v2/calls or POST /v2/calls/extensive",
      );
    }
    requireFields(body, ["clientUniqueId", "actualStart", "parties", "direction", "primaryUser"]);
    const startMs = parseDateTime(body.actualStart, "actualStart");
    if (!DIRECTIONS.includes(String(body.direction)))
      throw badRequest(`direction must be one of ${DIRECTIONS.join(", ")}`);
    if (!Array.isArray(body.parties) || body.parties.length === 0)
      throw badRequest("parties must list at least one participant");
    const host = ctx.data.userByIdOrUndefined(String(body.primaryUser));
    if (!host) throw badRequest(`primaryUser ${JSON.stringify(body.primaryUser)} is not a Gong user id`);
    const workspaceIndex = workspaceIndexOf(ctx, body.workspaceId) ?? host.workspaceIndex;
    const clientUniqueId = String(body.clientUniqueId);
    if (ctx.store.addedCalls.some((c) => c.clientUniqueId === clientUniqueId)) {
      throw new GongHttpError(409, [
        `A call with clientUniqueId ${JSON.stringify(clientUniqueId)} already exists`,
      ]);
    }
    const id = `8${ctx.store.nextId("call", 18)}`;
    const companyDomain = host.emailAddress.split("@")[1];
    const parties = (body.parties as unknown[]).map((raw) => {
      const p = (raw ?? {}) as Json;
      const email = typeof p.emailAddress === "string" ? p.emailAddress : undefined;
      const user =
        typeof p.userId === "string"
          ? ctx.data.userByIdOrUndefined(p.userId)
          : ctx.data.users.find((u) => u.emailAddress === email);
      const internal = Boolean(user) || email?.endsWith(`@${companyDomain}`) === true;
      return {
        id: typeof p.partyId === "string" ? p.partyId : ctx.store.nextId("party", 17),
        ...(email ? { emailAddress: email } : {}),
        ...(typeof p.name === "string" ? { name: p.name } : {}),
        ...(user ? { userId: user.id } : {}),
        affiliation: internal ? "Internal" : email || p.phoneNumber ? "External" : "Unknown",
        ...(typeof p.phoneNumber === "string" ? { phoneNumber: p.phoneNumber } : {}),
        methods: ["Attendee"],
      };
    });
    const scheduled =
      body.scheduledStart === undefined ? startMs : parseDateTime(body.scheduledStart, "scheduledStart");
    const meta: Json = {
      id,
      url: `https://app.gong.io/call?id=${id}`,
      title: typeof body.title === "string" ? body.title : "Untitled call",
      scheduled: isoDateTime(scheduled),
      started: isoDateTime(startMs),
      duration: typeof body.duration === "number" ? Math.round(body.duration) : 0,
      primaryUserId: host.id,
      direction: body.direction,
      system: typeof body.callProviderCode === "string" ? body.callProviderCode : "API",
      scope: parties.some((p) => p.affiliation === "External") ? "External" : "Internal",
      media: "Audio",
      language: typeof body.languageCode === "string" ? body.languageCode : "eng",
      workspaceId: ctx.data.workspaces[workspaceIndex]!.id,
      ...(typeof body.disposition === "string" ? { sdrDisposition: body.disposition } : {}),
      clientUniqueId,
      ...(typeof body.customData === "string" ? { customData: body.customData } : {}),
      ...(typeof body.purpose === "string" ? { purpose: body.purpose } : {}),
      ...(typeof body.meetingUrl === "string" ? { meetingUrl: body.meetingUrl } : {}),
      isPrivate: false,
    };
    ctx.store.addCall({
      id,
      startMs,
      workspaceIndex,
      primaryUserIndex: host.index,
      clientUniqueId,
      meta,
      parties,
      mediaUploaded: false,
    });
    return { body: { callId: id } };
  },
};

const addCallMedia: ApiRoute = {
  method: "PUT",
  path: "/v2/calls/{id}/media",
  scope: "api:calls:create",
  handler(ctx) {
    const id = ctx.params.id ?? "";
    const call = ctx.store.addedCallsById.get(id);
    if (!call)
      throw badRequest(`Call ${id} was not created with POST /v2/calls, so it takes no media upload`);
    if (ctx.body === undefined || ctx.body === "")
      throw badRequest("The media file is missing: send it as multipart/form-data field mediaFile");
    call.mediaUploaded = true;
    return { status: 201, body: { callId: id, url: call.meta.url } };
  },
};

export const writeRoutes: ApiRoute[] = [
  addCall,
  addCallMedia,
  addAccess,
  removeAccess,
  updateTask,
  addMeeting,
  updateMeeting,
  deleteMeeting,
  registerIntegration,
  deleteIntegration,
  eventRoute(
    "/v2/digital-interaction",
    ["eventId", "timestamp", "eventType", "content"],
    "eventId",
    "POST",
    "api:digital-interactions:write",
  ),
  eventRoute(
    "/v2/customer-engagement/action",
    ["reportingSystem", "eventTimestamp"],
    "eventId",
    "PUT",
    "api:engagement-data:write",
  ),
  eventRoute(
    "/v2/customer-engagement/content/shared",
    ["reportingSystem", "eventTimestamp", "contentId", "contentUrl", "contentTitle"],
    "eventId",
    "PUT",
    "api:engagement-data:write",
  ),
  eventRoute(
    "/v2/customer-engagement/content/viewed",
    ["reportingSystem", "eventTimestamp", "contentId", "contentUrl", "contentTitle"],
    "eventId",
    "PUT",
    "api:engagement-data:write",
  ),
];
