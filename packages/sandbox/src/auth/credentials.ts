import { GongHttpError } from "../gong/errors.js";
import type { Listener } from "../http/types.js";
import type { OAuthState } from "./oauth-state.js";

export type Principal = { kind: "accessKey" } | { kind: "bearer"; scopes: ReadonlySet<string> };

const unauthorized = (message: string) => new GongHttpError(401, [message]);

/**
 * Checks the Authorization header of an API request. Access keys (Basic) are accepted on every
 * listener; OAuth access tokens only on the tenant listener (`api_base_url_for_customer`): on any
 * other host they are refused with the same 401 as an invalid token, as Gong does.
 */
export function authenticate(
  header: string | undefined,
  listener: Listener,
  keys: { accessKey: string; accessKeySecret: string },
  oauth: OAuthState,
): Principal {
  if (!header) {
    throw unauthorized(
      "Access denied: the Authorization header is missing (use Basic with the access key and secret, or Bearer with an OAuth access token)",
    );
  }
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const value = space < 0 ? "" : header.slice(space + 1).trim();
  if (scheme === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (
      colon > 0 &&
      decoded.slice(0, colon) === keys.accessKey &&
      decoded.slice(colon + 1) === keys.accessKeySecret
    ) {
      return { kind: "accessKey" };
    }
    throw unauthorized("Access denied: invalid access key or access key secret");
  }
  if (scheme === "bearer") {
    const found = value ? oauth.lookup(value) : undefined;
    if (found === "expired") throw unauthorized("Access denied: the access token has expired");
    if (found === undefined || listener !== "tenant")
      throw unauthorized("Access denied: invalid access token");
    return { kind: "bearer", scopes: found };
  }
  throw unauthorized(
    `Access denied: unsupported authorization scheme ${JSON.stringify(scheme)} (use Basic or Bearer)`,
  );
}
