/** Gong meetings (beta): integration status of users. */
import { z } from "zod";
import { params } from "../params/fields.js";
import type { Open } from "./records.js";
import { operation } from "./types.js";

export const meetingOperations = {
  meeting_integration_status: {
    list: operation<Open>()({
      kind: "list",
      method: "POST",
      path: "/v2/meetings/integration/status",
      cursor: "none",
      records: "users",
      scopes: ["api:meetings:integration:status"],
      hint: "Whether users' calendars are integrated with Gong meetings.",
      params: () =>
        params({
          emails: z.array(z.string().min(1)).min(1).max(100).meta({ description: "User emails (max 100)." }),
        }),
    }),
  },
};
