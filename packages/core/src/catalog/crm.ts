/** Generic CRM integrations: integrations, schema fields, uploaded objects, upload request status. */
import { id, ids, oneOf, params, text } from "../params/fields.js";
import type { CrmIntegration, Open } from "./records.js";
import { operation } from "./types.js";

const objectType = () => oneOf(["ACCOUNT", "CONTACT", "DEAL", "LEAD"], "CRM object type.");
const integrationId = () => id("CRM integration id (see crm_integrations list).");

export const crmOperations = {
  crm_integrations: {
    list: operation<CrmIntegration>()({
      kind: "list",
      method: "GET",
      path: "/v2/crm/integrations",
      cursor: "none",
      records: "integrations",
      scopes: ["api:crm:integrations:read"],
      hint: "Generic CRM integrations registered with Gong.",
      params: () => params({}),
    }),
  },
  crm_schema: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/crm/entity-schema",
      cursor: "none",
      records: "objectTypeToSelectedFields",
      scopes: ["api:crm:schema"],
      hint: "Fields uploaded for a CRM object type.",
      params: () => params({ integrationId: integrationId(), objectType: objectType() }),
    }),
  },
  crm_objects: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/crm/entities",
      cursor: "none",
      records: "crmObjectsMap",
      scopes: ["api:crm:get-objects"],
      hint: "Uploaded CRM objects by their CRM ids (map id -> object).",
      params: () =>
        params({
          integrationId: integrationId(),
          objectType: objectType(),
          objectsCrmIds: ids("CRM ids of the objects.", { dropIfEmpty: false }).min(1),
        }),
    }),
  },
  crm_request_status: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/crm/request-status",
      cursor: "none",
      scopes: ["api:crm:upload"],
      hint: "Status of a CRM upload request.",
      params: () =>
        params({
          integrationId: integrationId(),
          clientRequestId: text("The upload's clientRequestId."),
        }),
    }),
  },
};
