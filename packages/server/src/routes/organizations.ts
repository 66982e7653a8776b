import type { ApplicationAuth } from "../auth/applications.js";
import { notFound } from "../http/errors.js";
import { sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import type { Storage } from "../storage/types.js";

/** Read-only views of the caller's own organization and its workspaces. */
export function organizationRoutes(router: Router, auth: ApplicationAuth, storage: Storage): void {
  router.add("GET", "/api/v1/organizations", async ({ req, res }) => {
    const caller = await auth.authenticate(req);
    const organization = await storage.getOrganization(caller.organizationId);
    if (!organization) throw notFound(`Organization ${caller.organizationId} was not found.`);
    sendJson(res, 200, {
      data: [{ id: organization.id, name: organization.name, created_at: organization.createdAt }],
    });
  });

  router.add("GET", "/api/v1/workspaces", async ({ req, res, url }) => {
    const caller = await auth.authenticate(req);
    const nameContains = url.searchParams.get("name_contains");
    const workspaces = await storage.listWorkspaces(
      caller.organizationId,
      nameContains === null || nameContains === "" ? undefined : nameContains,
    );
    sendJson(res, 200, {
      data: workspaces.map((w) => ({ id: w.id, name: w.name, created_at: w.createdAt })),
    });
  });
}
