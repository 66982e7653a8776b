import { isoDate, isoDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import type { Json } from "./input.js";
import { requiredQuery } from "./input.js";

/** The generic CRM integration: its registration, schema, objects and upload status. */

const OBJECT_TYPES = ["ACCOUNT", "CONTACT", "DEAL", "LEAD"] as const;
type ObjectType = (typeof OBJECT_TYPES)[number];

function checkIntegration(ctx: RouteContext): void {
  const id = requiredQuery(ctx, "integrationId", "list integrations with GET /v2/crm/integrations");
  const known = [ctx.data.settings.crmIntegration, ...ctx.store.crmIntegrations].map((i) =>
    String(i.integrationId),
  );
  if (!known.includes(id) || ctx.store.deletedIntegrations.has(id)) {
    throw badRequest(
      `integrationId ${id} is not a CRM integration of this company; list them with GET /v2/crm/integrations`,
    );
  }
}

function objectTypeOf(value: string | null, required: boolean): ObjectType | undefined {
  if (value === null || value === "") {
    if (required) throw badRequest(`objectType is required: one of ${OBJECT_TYPES.join(", ")}`);
    return undefined;
  }
  if (!(OBJECT_TYPES as readonly string[]).includes(value))
    throw badRequest(`objectType must be one of ${OBJECT_TYPES.join(", ")} (case-sensitive)`);
  return value as ObjectType;
}

const SCHEMA: Record<ObjectType, Array<[string, string, string]>> = {
  ACCOUNT: [
    ["Id", "Account ID", "ID"],
    ["Name", "Account Name", "STRING"],
    ["Website", "Website", "URL"],
    ["Industry", "Industry", "PICKLIST"],
    ["OwnerEmail", "Account Owner", "EMAILADDRESS"],
  ],
  CONTACT: [
    ["Id", "Contact ID", "ID"],
    ["FirstName", "First Name", "STRING"],
    ["LastName", "Last Name", "STRING"],
    ["Email", "Email", "EMAILADDRESS"],
    ["Title", "Title", "STRING"],
    ["Phone", "Phone", "PHONENUMBER"],
    ["AccountId", "Account", "REFERENCE"],
  ],
  DEAL: [
    ["Id", "Deal ID", "ID"],
    ["Name", "Deal Name", "STRING"],
    ["Amount", "Amount", "CURRENCY"],
    ["Stage", "Stage", "PICKLIST"],
    ["CloseDate", "Close Date", "DATE"],
    ["AccountId", "Account", "REFERENCE"],
  ],
  LEAD: [
    ["Id", "Lead ID", "ID"],
    ["Email", "Email", "EMAILADDRESS"],
    ["Company", "Company", "STRING"],
  ],
};

const integrations: ApiRoute = {
  method: "GET",
  path: "/v2/crm/integrations",
  scope: "api:crm:integrations:read",
  handler(ctx) {
    const all = [ctx.data.settings.crmIntegration, ...ctx.store.crmIntegrations].filter(
      (i) => !ctx.store.deletedIntegrations.has(String(i.integrationId)),
    );
    return {
      body: {
        integrations: all.map((i) => ({
          integrationId: i.integrationId,
          ownerEmail: i.ownerEmail,
          name: i.name,
        })),
      },
    };
  },
};

const entitySchema: ApiRoute = {
  method: "GET",
  path: "/v2/crm/entity-schema",
  scope: "api:crm:schema",
  handler(ctx) {
    checkIntegration(ctx);
    const type = objectTypeOf(ctx.query.get("objectType"), false);
    const types = type ? [type] : [...OBJECT_TYPES];
    const modified = isoDateTime(ctx.data.settings.trackerCreatedMs);
    return {
      body: {
        objectTypeToSelectedFields: Object.fromEntries(
          types.map((t) => [
            t,
            [
              ...SCHEMA[t].map(([uniqueName, label, fieldType]) => ({
                uniqueName,
                label,
                type: fieldType,
                lastModified: modified,
                isDeleted: false,
                ...(fieldType === "REFERENCE" ? { referenceTo: "ACCOUNT" } : {}),
                ...(uniqueName === "Stage"
                  ? {
                      orderedValueList: [
                        "Qualification",
                        "Discovery",
                        "Solution Review",
                        "Proposal",
                        "Negotiation",
                        "Closed Won",
                        "Closed Lost",
                      ],
                    }
                  : {}),
              })),
              ...(ctx.store.crmSchemaFields.get(t) ?? []),
            ],
          ]),
        ),
      },
    };
  },
};

/** `objectsCrmIds` from the query (repeated or comma-separated) or, as the spec suggests, a JSON body. */
function requestedIds(ctx: RouteContext): string[] {
  const fromQuery = ctx.query.getAll("objectsCrmIds").flatMap((v) => v.split(","));
  const body = ctx.body;
  const fromBody = Array.isArray(body)
    ? body
    : body && typeof body === "object" && Array.isArray((body as Json).objectsCrmIds)
      ? ((body as Json).objectsCrmIds as unknown[])
      : [];
  const ids = [...fromQuery, ...fromBody.map(String)].map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw badRequest("objectsCrmIds is required: one or more CRM ids");
  return ids;
}

const entities: ApiRoute = {
  method: "GET",
  path: "/v2/crm/entities",
  scope: "api:crm:get-objects",
  handler(ctx) {
    checkIntegration(ctx);
    const type = objectTypeOf(ctx.query.get("objectType"), true)!;
    const ids = new Set(requestedIds(ctx));
    const map: Record<string, Json> = {};
    for (const account of ctx.data.accounts) {
      if (type === "ACCOUNT" && ids.has(account.crmId)) {
        map[account.crmId] = {
          Id: account.crmId,
          Name: account.name,
          Website: `https://www.${account.domain}`,
          Industry: account.industry,
        };
      }
      if (type === "DEAL" && ids.has(account.opportunity.id)) {
        const o = account.opportunity;
        map[o.id] = {
          Id: o.id,
          Name: o.name,
          Amount: o.amount,
          Stage: o.stage,
          CloseDate: isoDate(o.closeDateMs),
          AccountId: account.crmId,
        };
      }
      if (type === "CONTACT") {
        for (const c of account.contacts) {
          if (ids.has(c.id)) {
            map[c.id] = {
              Id: c.id,
              FirstName: c.firstName,
              LastName: c.lastName,
              Email: c.emailAddress,
              Title: c.title,
              Phone: c.phoneNumber,
              AccountId: account.crmId,
            };
          }
        }
      }
    }
    return { body: { crmObjectsMap: map } };
  },
};

const requestStatus: ApiRoute = {
  method: "GET",
  path: "/v2/crm/request-status",
  scope: "api:crm:upload",
  handler(ctx) {
    checkIntegration(ctx);
    const clientRequestId = requiredQuery(ctx, "clientRequestId");
    const uploaded = ctx.store.crmUploads.get(clientRequestId);
    if (uploaded !== undefined) {
      return { body: { status: "DONE", errors: [], totalErrorCount: 0, totalSuccessCount: uploaded } };
    }
    const upload = ctx.data.settings.crmUpload;
    if (clientRequestId !== upload.clientRequestId)
      throw notFound(`No request found with clientRequestId ${clientRequestId}`);
    return {
      body: {
        status: "DONE",
        errors: [
          { line: 17, description: "Missing required field: Name" },
          { line: 418, description: "Invalid date in CloseDate" },
          { line: 1002, description: "Duplicate Id" },
        ].slice(0, upload.errors),
        totalErrorCount: upload.errors,
        totalSuccessCount: upload.success,
      },
    };
  },
};

export const crmRoutes: ApiRoute[] = [integrations, entitySchema, entities, requestStatus];
