/** Users: the directory, one user, filtered listing, settings history. */
import { z } from "zod";
import { cursor, dateTime, flag, id, ids, params } from "../params/fields.js";
import type { User, UserSettingsHistoryEntry } from "./records.js";
import { operation } from "./types.js";

export const userOperations = {
  users: {
    list: operation<User>()({
      kind: "list",
      method: "GET",
      path: "/v2/users",
      cursor: "query",
      records: "users",
      scopes: ["api:users:read"],
      hint: "All users: id, name, emailAddress, title, managerId, active.",
      params: () =>
        params({
          includeAvatars: flag("Include Gong's synthetic avatar users.").optional(),
          cursor: cursor().optional(),
        }),
    }),
    get: operation<User>()({
      kind: "get",
      method: "GET",
      path: "/v2/users/{id}",
      cursor: "none",
      records: "user",
      scopes: ["api:users:read"],
      hint: "One user by id.",
      params: () => params({ id: id("User id.") }),
    }),
  },
  users_extensive: {
    list: operation<User>()({
      kind: "list",
      method: "POST",
      path: "/v2/users/extensive",
      cursor: "body",
      records: "users",
      scopes: ["api:users:read"],
      hint: "Users filtered by ids or creation time.",
      params: () =>
        params({
          filter: z
            .strictObject({
              userIds: ids("Only these users.").optional(),
              createdFromDateTime: dateTime("Created at or after (ISO date-time).").optional(),
              createdToDateTime: dateTime("Created before (ISO date-time).").optional(),
              includeAvatars: flag("Include Gong's synthetic avatar users.").optional(),
            })
            .meta({ description: "Which users (default: all)." })
            .optional(),
          cursor: cursor().optional(),
        }),
      defaults: () => ({ filter: {} }),
    }),
  },
  user_settings_history: {
    list: operation<UserSettingsHistoryEntry>()({
      kind: "list",
      method: "GET",
      path: "/v2/users/{id}/settings-history",
      cursor: "none",
      records: "userSettingsHistory",
      scopes: ["api:users:read"],
      hint: "A user's recording/import settings over time.",
      params: () => params({ id: id("User id.", { aliases: ["userId"] }) }),
    }),
  },
};
