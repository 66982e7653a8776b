import { isoDateTime } from "../gong/dates.js";
import { badRequest, GongHttpError, notFound } from "../gong/errors.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { type Assignment, currentAssignments, renderAssignment } from "./engage.js";
import { bodyObject, idList, type Json, requiredQuery, workspaceIndexOf } from "./input.js";
import { allProfileDtos } from "./people-ops.js";

/**
 * Administrative writes: flow assignments, permission profiles, CRM uploads and schema, data
 * erasure and integration settings. Reads show their effect.
 */

function flowOwner(ctx: RouteContext, email: unknown) {
  const user = ctx.data.users.find((u) => u.emailAddress === String(email ?? "").toLowerCase());
  if (!user)
    throw badRequest(
      `flowInstanceOwnerEmail ${JSON.stringify(email)} is not the email address of a Gong user`,
    );
  return user;
}

function contactIds(ctx: RouteContext): Set<string> {
  return new Set(ctx.data.accounts.flatMap((a) => a.contacts.map((c) => c.id)));
}

function assignRoute(path: string, overrideCoolOff: boolean): ApiRoute {
  return {
    method: "POST",
    path,
    scope: "api:flows:write",
    handler(ctx) {
      const body = bodyObject(ctx);
      const prospects = idList(body.crmProspectsIds, "crmProspectsIds");
      if (!prospects) throw badRequest("crmProspectsIds is required");
      if (!body.flowId) throw badRequest("flowId is required");
      const flow = ctx.data.settings.flows.find((f) => f.id === String(body.flowId));
      if (!flow) throw notFound(`Flow ${body.flowId} was not found`);
      const owner = flowOwner(ctx, body.flowInstanceOwnerEmail);
      const known = contactIds(ctx);
      const active = currentAssignments(ctx);
      const assigned: Json[] = [];
      const notAssigned: Json[] = [];
      for (const prospect of prospects) {
        if (!known.has(prospect)) {
          notAssigned.push({
            flowId: flow.id,
            crmProspectId: prospect,
            errorCode: "InvalidArgument",
            errorMessage: "No such prospect in the CRM",
          });
          continue;
        }
        const busy = active.some(
          (a) =>
            a.contactId === prospect &&
            a.status !== "Finished" &&
            a.status !== "FinishedNoReply" &&
            a.status !== "FinishedResponse",
        );
        if (busy && !overrideCoolOff) {
          notAssigned.push({
            flowId: flow.id,
            crmProspectId: prospect,
            errorCode: "InvalidState",
            errorMessage: "The prospect is already in an active flow",
          });
          continue;
        }
        const assignment: Assignment = {
          flow,
          contactId: prospect,
          instanceId: ctx.store.nextId("flow-instance", 16),
          ownerIndex: owner.index,
          createdMs: ctx.nowMs,
          status: "Pending",
        };
        ctx.store.flowAssignments.push(assignment);
        assigned.push(renderAssignment(ctx, assignment));
      }
      return { body: { prospectsAssigned: assigned, prospectsNotAssigned: notAssigned } };
    },
  };
}

const unassignByCrmId: ApiRoute = {
  method: "POST",
  path: "/v2/flows/prospects/unassign-flows-by-crm-id",
  scope: "api:flows:write",
  handler(ctx) {
    const body = bodyObject(ctx);
    if (!body.crmProspectId) throw badRequest("crmProspectId is required");
    const ids = currentAssignments(ctx)
      .filter(
        (a) =>
          a.contactId === String(body.crmProspectId) && (!body.flowId || a.flow.id === String(body.flowId)),
      )
      .map((a) => a.instanceId);
    for (const id of ids) ctx.store.unassignedFlowInstances.add(id);
    return { body: { unassignedFlowInstanceIds: ids } };
  },
};

const unassignByInstance: ApiRoute = {
  method: "POST",
  path: "/v2/flows/prospects/unassign-flows-by-instance-id",
  scope: "api:flows:write",
  handler(ctx) {
    const wanted = idList(bodyObject(ctx).flowInstanceIds, "flowInstanceIds");
    if (!wanted) throw badRequest("flowInstanceIds is required");
    const ids = currentAssignments(ctx)
      .filter((a) => wanted.includes(a.instanceId))
      .map((a) => a.instanceId);
    for (const id of ids) ctx.store.unassignedFlowInstances.add(id);
    return { body: { unassignedFlowInstanceIds: ids } };
  },
};

const bulkAssign: ApiRoute = {
  method: "POST",
  path: "/v2/flows/prospects/bulk-assignments",
  scope: "api:flows:write",
  handler(ctx) {
    const body = bodyObject(ctx);
    if (!body.flowId) throw badRequest("flowId is required");
    const flow = ctx.data.settings.flows.find((f) => f.id === String(body.flowId));
    if (!flow) throw notFound(`Flow ${body.flowId} was not found`);
    const owner = flowOwner(ctx, body.flowInstanceOwnerEmail);
    if (!Array.isArray(body.prospects) || body.prospects.length === 0)
      throw badRequest("prospects must list at least one prospect");
    const id = ctx.store.nextId("bulk-assignment");
    const results = (body.prospects as unknown[]).map((raw) => {
      const prospect = (raw ?? {}) as Json;
      const instanceId = ctx.store.nextId("flow-instance", 16);
      const crmId =
        typeof prospect.crmId === "string" ? prospect.crmId : `003${ctx.store.nextId("lead", 12)}AAA`;
      ctx.store.flowAssignments.push({
        flow,
        contactId: crmId,
        instanceId,
        ownerIndex: owner.index,
        createdMs: ctx.nowMs,
        status: "Pending",
      } satisfies Assignment);
      return { prospect, status: "ASSIGNED", crmId, flowInstanceId: instanceId };
    });
    const summary = {
      id,
      status: "COMPLETED",
      totalCount: results.length,
      processedCount: results.length,
      successCount: results.length,
      failedCount: 0,
      results,
    };
    ctx.store.bulkAssignments.set(id, summary);
    // Accepted for processing; the result is already final here.
    return {
      status: 202,
      body: { ...summary, status: "PENDING", processedCount: 0, successCount: 0, results: [] },
    };
  },
};

function profileBody(ctx: RouteContext): Json {
  const body = bodyObject(ctx);
  if (typeof body.name !== "string" || body.name.trim() === "") throw badRequest("name is required");
  return body;
}

const createProfile: ApiRoute = {
  method: "POST",
  path: "/v2/permission-profile",
  scope: "api:permission-profiles:write",
  handler(ctx) {
    workspaceIndexOf(ctx, requiredQuery(ctx, "workspaceId"));
    const body = profileBody(ctx);
    if (allProfileDtos(ctx).some((p) => p.name === body.name)) {
      throw new GongHttpError(422, [
        `A permission profile named ${JSON.stringify(body.name)} already exists`,
      ]);
    }
    const profile = { ...body, id: ctx.store.nextId("permission-profile") };
    ctx.store.permissionProfiles.set(profile.id, profile);
    return { body: { profile } };
  },
};

const updateProfile: ApiRoute = {
  method: "PUT",
  path: "/v2/permission-profile",
  scope: "api:permission-profiles:write",
  handler(ctx) {
    const id = requiredQuery(ctx, "profileId");
    const existing = allProfileDtos(ctx).find((p) => p.id === id);
    if (!existing) throw notFound(`Permission profile ${id} was not found`);
    const profile = { ...existing, ...profileBody(ctx), id };
    ctx.store.permissionProfiles.set(id, profile);
    return { body: { profile } };
  },
};

const FIELD_TYPES = [
  "DATE",
  "DATETIME",
  "NUMBER",
  "PERCENT",
  "CURRENCY",
  "ID",
  "URL",
  "STRING",
  "BOOLEAN",
  "PHONENUMBER",
  "EMAILADDRESS",
  "PICKLIST",
  "REFERENCE",
  "STRINGARRAY",
];
const OBJECT_TYPES = ["ACCOUNT", "CONTACT", "DEAL", "LEAD"];

function crmTarget(ctx: RouteContext): { objectType: string } {
  const id = requiredQuery(ctx, "integrationId");
  const known = [ctx.data.settings.crmIntegration, ...ctx.store.crmIntegrations].map((i) =>
    String(i.integrationId),
  );
  if (!known.includes(id) || ctx.store.deletedIntegrations.has(id)) {
    throw badRequest(
      `integrationId ${id} is not a CRM integration of this company; list them with GET /v2/crm/integrations`,
    );
  }
  const objectType = requiredQuery(ctx, "objectType", OBJECT_TYPES.join(", "));
  if (!OBJECT_TYPES.includes(objectType))
    throw badRequest(`objectType must be one of ${OBJECT_TYPES.join(", ")} (case-sensitive)`);
  return { objectType };
}

const uploadSchema: ApiRoute = {
  method: "POST",
  path: "/v2/crm/entity-schema",
  scope: "api:crm:schema",
  handler(ctx) {
    const { objectType } = crmTarget(ctx);
    if (!Array.isArray(ctx.body) || ctx.body.length === 0)
      throw badRequest("Send a JSON array of fields: [{ uniqueName, label, type }]");
    const fields = (ctx.body as unknown[]).map((raw, k) => {
      const f = (raw ?? {}) as Json;
      for (const name of ["uniqueName", "label", "type"])
        if (typeof f[name] !== "string") throw badRequest(`[${k}].${name} is required`);
      if (!FIELD_TYPES.includes(String(f.type)))
        throw badRequest(`[${k}].type must be one of ${FIELD_TYPES.join(", ")}`);
      return { ...f, lastModified: isoDateTime(ctx.nowMs), isDeleted: f.isDeleted === true } as Json;
    });
    const existing = ctx.store.crmSchemaFields.get(objectType) ?? [];
    const names = new Set(fields.map((f) => f.uniqueName));
    ctx.store.crmSchemaFields.set(objectType, [
      ...existing.filter((f) => !names.has(f.uniqueName)),
      ...fields,
    ]);
    return { status: 201, body: {} };
  },
};

const uploadObjects: ApiRoute = {
  method: "POST",
  path: "/v2/crm/entities",
  scope: "api:crm:upload",
  handler(ctx) {
    crmTarget(ctx);
    const text = typeof ctx.body === "string" ? ctx.body : "";
    if (!/name="dataFile"/.test(text))
      throw badRequest("The CRM data file is missing: send it as multipart/form-data field dataFile");
    const clientRequestId = ctx.query.get("clientRequestId") || ctx.store.nextId("crm-upload", 12);
    if (ctx.store.crmUploads.has(clientRequestId)) {
      throw new GongHttpError(409, [`clientRequestId ${clientRequestId} was already used`]);
    }
    // One record per line of the file part (JSON lines).
    const records = text.split(/\r?\n/).filter((line) => line.trim().startsWith("{")).length;
    ctx.store.crmUploads.set(clientRequestId, records);
    return { status: 201, body: { clientRequestId } };
  },
};

const eraseEmail: ApiRoute = {
  method: "POST",
  path: "/v2/data-privacy/erase-data-for-email-address",
  scope: "api:data-privacy:delete",
  handler(ctx) {
    const email = requiredQuery(ctx, "emailAddress").toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw badRequest(`emailAddress ${JSON.stringify(email)} is not an email address`);
    ctx.store.erasedEmails.add(email);
    return { body: {} };
  },
};

const erasePhone: ApiRoute = {
  method: "POST",
  path: "/v2/data-privacy/erase-data-for-phone-number",
  scope: "api:data-privacy:delete",
  handler(ctx) {
    const phone = requiredQuery(ctx, "phoneNumber");
    const digits = phone.replace(/\D/g, "");
    if (digits.length < 7) throw badRequest(`phoneNumber ${JSON.stringify(phone)} is not a phone number`);
    ctx.store.erasedPhones.add(digits);
    return { body: {} };
  },
};

const INTEGRATION_TYPES = ["EMAIL_COMPOSER", "ACCOUNT_PAGES", "DIALER"];

const integrationSettings: ApiRoute = {
  method: "POST",
  path: "/v2/integration-settings",
  scope: "api:integration-settings:write",
  handler(ctx) {
    const list = bodyObject(ctx).integrationTypeSettings;
    if (!Array.isArray(list) || list.length === 0)
      throw badRequest("integrationTypeSettings is required: [{ integrationType, allowedOrigin }]");
    list.forEach((raw, k) => {
      const item = (raw ?? {}) as Json;
      if (!INTEGRATION_TYPES.includes(String(item.integrationType))) {
        throw badRequest(
          `integrationTypeSettings[${k}].integrationType must be one of ${INTEGRATION_TYPES.join(", ")}`,
        );
      }
      try {
        new URL(String(item.allowedOrigin));
      } catch {
        throw badRequest(
          `integrationTypeSettings[${k}].allowedOrigin must be an origin such as https://app.example.com`,
        );
      }
    });
    return { body: {} };
  },
};

export const adminWriteRoutes: ApiRoute[] = [
  assignRoute("/v2/flows/prospects/assign", false),
  assignRoute("/v2/flows/prospects/assign/cool-off-override", true),
  unassignByCrmId,
  unassignByInstance,
  bulkAssign,
  createProfile,
  updateProfile,
  uploadSchema,
  uploadObjects,
  eraseEmail,
  erasePhone,
  integrationSettings,
];
