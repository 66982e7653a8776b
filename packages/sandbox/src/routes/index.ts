import type { ApiRoute } from "../http/types.js";
import { callRoutes } from "./calls.js";
import { userRoutes } from "./users.js";
import { workspaceRoutes } from "./workspaces.js";

/** Every API operation the sandbox serves. */
export const apiRoutes: ApiRoute[] = [...callRoutes, ...userRoutes, ...workspaceRoutes];

/** Every scope the served operations need, space separated (the default OAuth grant). */
export function allScopes(routes: readonly ApiRoute[] = apiRoutes): string {
  return [...new Set([...routes.map((r) => r.scope), "api:calls:read:media-url"])].sort().join(" ");
}
