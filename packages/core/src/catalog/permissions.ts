/** Permission profiles and the users attached to them. */
import { id, params } from "../params/fields.js";
import type { PermissionProfile, User } from "./records.js";
import { operation } from "./types.js";

export const permissionOperations = {
  permission_profiles: {
    list: operation<PermissionProfile>()({
      kind: "list",
      method: "GET",
      path: "/v2/all-permission-profiles",
      cursor: "none",
      records: "profiles",
      scopes: [],
      hint: "Permission profiles of a workspace.",
      params: () => params({ workspaceId: id("Workspace id.") }),
    }),
    get: operation<PermissionProfile>()({
      kind: "get",
      method: "GET",
      path: "/v2/permission-profile",
      cursor: "none",
      records: "profile",
      scopes: [],
      hint: "One permission profile with all its access settings.",
      params: () => params({ profileId: id("Permission profile id.", { aliases: ["id"] }) }),
    }),
  },
  permission_profile_users: {
    list: operation<User>()({
      kind: "list",
      method: "GET",
      path: "/v2/permission-profile/users",
      cursor: "none",
      records: "users",
      scopes: ["api:users:read"],
      hint: "Users attached to a permission profile.",
      params: () => params({ profileId: id("Permission profile id.") }),
    }),
  },
};
