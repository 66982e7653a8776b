import type { ApiRoute } from "../http/types.js";
import { callRoutes } from "./calls.js";
import { crmRoutes } from "./crm.js";
import { engageRoutes } from "./engage.js";
import { libraryRoutes } from "./library.js";
import { lookupRoutes } from "./lookups.js";
import { peopleOpsRoutes } from "./people-ops.js";
import { settingsRoutes } from "./settings.js";
import { statsRoutes } from "./stats.js";
import { userRoutes } from "./users.js";
import { workspaceRoutes } from "./workspaces.js";
import { writeRoutes } from "./writes.js";
import { adminWriteRoutes } from "./writes-admin.js";

/** Every API operation the sandbox serves. */
export const apiRoutes: ApiRoute[] = [
  ...callRoutes,
  ...userRoutes,
  ...workspaceRoutes,
  ...statsRoutes,
  ...settingsRoutes,
  ...libraryRoutes,
  ...peopleOpsRoutes,
  ...engageRoutes,
  ...crmRoutes,
  ...lookupRoutes,
  ...writeRoutes,
  ...adminWriteRoutes,
];

/** Every scope the served operations need, space separated (the default OAuth grant). */
export function allScopes(routes: readonly ApiRoute[] = apiRoutes): string {
  return [...new Set([...routes.map((r) => r.scope), "api:calls:read:media-url"])].sort().join(" ");
}
