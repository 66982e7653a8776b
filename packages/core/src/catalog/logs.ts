/** Auditing logs. */
import { cursor, dateTime, oneOf, params } from "../params/fields.js";
import type { LogEntry } from "./records.js";
import { callDateDefaults, checkDateOrder } from "./shared.js";
import { operation } from "./types.js";

export const logOperations = {
  logs: {
    list: operation<LogEntry>()({
      kind: "list",
      method: "GET",
      path: "/v2/logs",
      cursor: "query",
      records: "logEntries",
      scopes: ["api:logs:read"],
      hint: "Audit log entries of one type in a time range.",
      params: () =>
        params({
          logType: oneOf(
            [
              "AccessLog",
              "UserActivityLog",
              "UserCallPlay",
              "ExternallySharedCallAccess",
              "ExternallySharedCallPlay",
            ],
            "Kind of log.",
          ),
          fromDateTime: dateTime("From (ISO date-time). Default: 30 days ago.").optional(),
          toDateTime: dateTime("Until (ISO date-time, exclusive).").optional(),
          cursor: cursor().optional(),
        }),
      defaults: (now, given) => {
        const range = callDateDefaults(now, given, "fromDateTime", "toDateTime");
        // Gong treats a missing toDateTime as "until now": only the start needs a default.
        return { fromDateTime: range["fromDateTime"] };
      },
      check: (p) => checkDateOrder(p.fromDateTime, p.toDateTime, "params.fromDateTime", "params.toDateTime"),
    }),
  },
};
