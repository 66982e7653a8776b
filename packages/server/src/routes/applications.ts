import type { ApplicationAuth } from "../auth/applications.js";
import { unauthorized } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { requireString } from "../http/validate.js";

export function applicationRoutes(router: Router, auth: ApplicationAuth): void {
  router.add("POST", "/api/v1/account/applications/token", async ({ req, res }) => {
    const body = await readJsonObject(req);
    const clientId = requireString(body, "client_id");
    const clientSecret = requireString(body, "client_secret", 500);
    const token = await auth.issueToken(clientId, clientSecret);
    if (!token) throw unauthorized("Unknown client_id or wrong client_secret.");
    sendJson(res, 200, token);
  });
}
