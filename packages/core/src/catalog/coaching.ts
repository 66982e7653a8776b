/** Coaching metrics of a manager's team. Gong's wire names are `workspace-id`, `manager-id`, `from`, `to`. */
import { dateTime, id, params } from "../params/fields.js";
import type { CoachingMetrics } from "./records.js";
import { callDateDefaults, checkDateOrder } from "./shared.js";
import { operation } from "./types.js";

export const coachingOperations = {
  coaching: {
    list: operation<CoachingMetrics>()({
      kind: "list",
      method: "GET",
      path: "/v2/coaching",
      cursor: "none",
      records: "coachingData",
      scopes: ["api:coaching:read"],
      hint: "Coaching metrics for a manager's team (calls listened, attended, commented...).",
      params: () =>
        params({
          workspaceId: id("Workspace id.", { wireName: "workspace-id" }),
          managerId: id("The manager's user id.", { wireName: "manager-id" }),
          from: dateTime("Start (ISO date-time). Default: 30 days ago.", {
            aliases: ["from_", "fromDateTime"],
          }).optional(),
          to: dateTime("End (ISO date-time). Default: end of today.", {
            aliases: ["to_", "toDateTime"],
          }).optional(),
        }),
      defaults: (now, given) => callDateDefaults(now, given, "from", "to"),
      check: (p) => checkDateOrder(p.from, p.to, "params.from", "params.to"),
    }),
  },
};
