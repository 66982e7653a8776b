import type { ApplicationAuth } from "../auth/applications.js";
import { FailureThrottle } from "../auth/throttle.js";
import { HttpError, unauthorized } from "../http/errors.js";
import { readJsonObject, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { requireString } from "../http/validate.js";

export function applicationRoutes(
  router: Router,
  auth: ApplicationAuth,
  throttle = new FailureThrottle(),
): void {
  router.add("POST", "/api/v1/account/applications/token", async ({ req, res }) => {
    const body = await readJsonObject(req);
    const clientId = requireString(body, "client_id");
    const clientSecret = requireString(body, "client_secret", 500);
    const key = `${req.socket.remoteAddress ?? "?"}|${clientId}`;
    const wait = throttle.retryAfterMs(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(
        429,
        "rate_limited",
        `Too many refused attempts for this client; retry in ${seconds} s.`,
        {
          headers: { "retry-after": String(seconds) },
        },
      );
    }
    const token = await auth.issueToken(clientId, clientSecret);
    if (!token) {
      throttle.recordFailure(key);
      throw unauthorized("Unknown client_id or wrong client_secret.");
    }
    throttle.recordSuccess(key);
    sendJson(res, 200, token);
  });
}
