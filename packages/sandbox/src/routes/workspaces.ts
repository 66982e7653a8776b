import type { ApiRoute } from "../http/types.js";

const listWorkspaces: ApiRoute = {
  method: "GET",
  path: "/v2/workspaces",
  scope: "api:workspaces:read",
  handler(ctx) {
    return {
      body: {
        workspaces: ctx.data.workspaces.map((w) => ({ id: w.id, name: w.name, description: w.description })),
      },
    };
  },
};

export const workspaceRoutes: ApiRoute[] = [listWorkspaces];
