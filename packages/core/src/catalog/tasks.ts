/** Engage tasks of a user. */
import { z } from "zod";
import { id, manyOf, params } from "../params/fields.js";
import type { Task } from "./records.js";
import { workspaceId } from "./shared.js";
import { operation } from "./types.js";

export const taskOperations = {
  tasks: {
    list: operation<Task>()({
      kind: "list",
      method: "POST",
      path: "/v2/tasks",
      cursor: "none",
      records: "tasks",
      scopes: ["api:tasks:read"],
      hint: "A user's tasks (default: open FLOW and MANUAL call tasks).",
      params: () =>
        params({
          filter: z
            .strictObject({
              userId: id("The user whose tasks to list."),
              workspaceId: workspaceId().optional(),
              types: manyOf(["FLOW", "MANUAL"], "Task types. Default: both.").optional(),
              taskAction: manyOf(["CALL"], "Task actions. Default: CALL.").optional(),
              status: manyOf(["OPEN", "DONE", "DISMISSED"], "Statuses. Default: OPEN.").optional(),
            })
            .meta({ description: "Whose tasks and which." }),
        }),
      defaults: () => ({ filter: { types: ["FLOW", "MANUAL"], taskAction: ["CALL"], status: ["OPEN"] } }),
    }),
  },
};
