/** Gong Engage: flows, flow folders, steps, prospects' assigned flows, bulk assignment results. */
import { cursor, flag, id, ids, params, text } from "../params/fields.js";
import type { Flow, Open } from "./records.js";
import { workspaceId } from "./shared.js";
import { operation } from "./types.js";

export const flowOperations = {
  flows: {
    list: operation<Flow>()({
      kind: "list",
      method: "GET",
      path: "/v2/flows",
      cursor: "query",
      records: "flows",
      scopes: ["api:flows:read"],
      hint: "Engage flows visible to a user (company flows plus that user's own).",
      params: () =>
        params({
          flowOwnerEmail: text("Email of the user whose flows to list."),
          workspaceId: workspaceId().optional(),
          folderId: id("Only flows in this folder.").optional(),
          mostRecentlyAssigned: flag("Order by most recently assigned.").optional(),
          cursor: cursor().optional(),
        }),
    }),
  },
  flow_folders: {
    list: operation<Flow>()({
      kind: "list",
      method: "GET",
      path: "/v2/flows/folders",
      cursor: "query",
      records: "flows",
      scopes: ["api:flows:read"],
      hint: "Engage flow folders visible to a user.",
      params: () =>
        params({
          flowFolderOwnerEmail: text("Email of the user whose folders to list."),
          parentId: id("Only subfolders of this folder.").optional(),
          workspaceId: workspaceId().optional(),
          cursor: cursor().optional(),
        }),
    }),
  },
  flow_steps: {
    list: operation<Flow>()({
      kind: "list",
      method: "POST",
      path: "/v2/flows/steps",
      cursor: "none",
      records: "flows",
      scopes: ["api:flows:read"],
      hint: "Flows with their steps (max 20 flowIds).",
      params: () => params({ flowIds: ids("Flow ids (max 20).", { dropIfEmpty: false }).min(1).max(20) }),
    }),
  },
  flow_prospects: {
    list: operation<Open>()({
      kind: "list",
      method: "POST",
      path: "/v2/flows/prospects",
      cursor: "none",
      records: "prospectsAssigned",
      scopes: ["api:flows:read"],
      hint: "Flows assigned to CRM prospects (contacts/leads) or flow instances.",
      params: () =>
        params({
          crmProspectsIds: ids("CRM ids of the prospects.").optional(),
          flowInstanceIds: ids("Flow instance ids.").optional(),
        }),
    }),
  },
  flow_bulk_assignments: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/flows/prospects/bulk-assignments/{id}",
      cursor: "none",
      scopes: ["api:flows:read"],
      hint: "Status and results of a bulk assignment of prospects to a flow.",
      params: () => params({ id: id("Bulk assignment id.") }),
    }),
  },
};
