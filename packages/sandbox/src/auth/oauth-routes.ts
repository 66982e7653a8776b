import { escapeHtml, htmlRaw, jsonRaw, type RawReply } from "../http/raw.js";
import type { OAuthState } from "./oauth-state.js";

export const AUTHORIZE_PATH = "/oauth2/authorize";
export const TOKEN_PATH = "/oauth2/generate-customer-token";

export interface OAuthRequest {
  method: string;
  query: URLSearchParams;
  /** form or JSON body fields */
  form: Record<string, string>;
  authorization: string | undefined;
}

function errorPage(message: string): RawReply {
  return htmlRaw(
    400,
    `<!doctype html><html><head><title>Authorization error</title></head><body><h1>Authorization error</h1><p id="error">${escapeHtml(message)}</p></body></html>`,
  );
}

function redirect(uri: string, params: Record<string, string | undefined>): RawReply {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), "cache-control": "no-store" }, body: "" };
}

/**
 * `GET /oauth2/authorize` shows a consent page; its Approve button posts back to the same path,
 * which redirects to `redirect_uri` with `code` and `state` (Deny: `error=access_denied`).
 */
export function authorize(oauth: OAuthState, request: OAuthRequest): RawReply {
  const input =
    request.method === "POST"
      ? { ...Object.fromEntries(request.query), ...request.form }
      : Object.fromEntries(request.query);
  const clientId = input.client_id ?? "";
  const redirectUri = input.redirect_uri ?? "";
  const state = input.state;
  const scope = (input.scope ?? "").trim();
  if (clientId !== oauth.clientId) return errorPage(`Unknown client_id ${JSON.stringify(clientId)}.`);
  if (!redirectUri || !oauth.redirectAllowed(redirectUri)) {
    return errorPage(`redirect_uri ${JSON.stringify(redirectUri)} is not registered for this client.`);
  }
  if (input.response_type !== "code") {
    return redirect(redirectUri, { error: "unsupported_response_type", state });
  }
  if (request.method === "POST") {
    if (input.decision === "approve")
      return redirect(redirectUri, { code: oauth.issueCode(redirectUri, scope), state });
    return redirect(redirectUri, { error: "access_denied", state });
  }
  const hidden = Object.entries({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope,
    state,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(String(v))}">`)
    .join("");
  const scopes = (scope || oauth.allScopes).split(/\s+/).filter(Boolean);
  return htmlRaw(
    200,
    `<!doctype html><html><head><meta charset="utf-8"><title>Authorize access to Gong (sandbox)</title></head><body>
<h1>Authorize access to your Gong data</h1>
<p>An application (client <code>${escapeHtml(clientId)}</code>) asks for access to the sandbox tenant with these scopes:</p>
<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>
<form method="post" action="${AUTHORIZE_PATH}">${hidden}
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form></body></html>`,
  );
}

function tokenError(status: number, error: string, description: string): RawReply {
  return jsonRaw(status, { error, error_description: description });
}

/**
 * `POST /oauth2/generate-customer-token`: parameters in the QUERY (as integrators send them) or a
 * form body; the client authenticates with `Authorization: Basic base64(clientId:clientSecret)`.
 */
export function generateCustomerToken(oauth: OAuthState, request: OAuthRequest): RawReply {
  if (request.method !== "POST") return tokenError(405, "invalid_request", "Use POST");
  const header = request.authorization ?? "";
  if (!/^basic\s/i.test(header)) {
    return tokenError(
      401,
      "invalid_client",
      "Client authentication is required: Authorization: Basic base64(client_id:client_secret)",
    );
  }
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0 || !oauth.checkClient(decoded.slice(0, colon), decoded.slice(colon + 1))) {
    return tokenError(401, "invalid_client", "Client authentication failed");
  }
  const params = { ...request.form, ...Object.fromEntries(request.query) };
  switch (params.grant_type) {
    case "authorization_code": {
      if (!params.code) return tokenError(400, "invalid_request", "code is required");
      const grant = oauth.exchangeCode(params.code, params.redirect_uri);
      return grant
        ? jsonRaw(200, grant)
        : tokenError(
            400,
            "invalid_grant",
            "The authorization code is invalid, expired, already used, or was issued for another redirect_uri",
          );
    }
    case "refresh_token": {
      if (!params.refresh_token) return tokenError(400, "invalid_request", "refresh_token is required");
      const grant = oauth.refresh(params.refresh_token);
      return grant
        ? jsonRaw(200, grant)
        : tokenError(
            400,
            "invalid_grant",
            "The refresh token is invalid or was already used (refresh tokens are single-use)",
          );
    }
    default:
      return tokenError(
        400,
        "unsupported_grant_type",
        "grant_type must be authorization_code or refresh_token",
      );
  }
}
