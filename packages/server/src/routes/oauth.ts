/**
 * The OAuth connect flow: an authenticated caller asks for a consent URL; the browser approves at Gong;
 * Gong sends the browser to our callback with a code; we exchange it, store the connector with its
 * tokens, and send the browser on to the caller's redirect_url with `connector_id`.
 */
import { randomBytes } from "node:crypto";
import type { ApplicationAuth } from "../auth/applications.js";
import type { ConnectorService } from "../connectors/service.js";
import { hashToken } from "../crypto/hashing.js";
import { conflict, HttpError } from "../http/errors.js";
import { readJsonObject, sendHtml, sendJson, sendRedirect } from "../http/io.js";
import type { Router } from "../http/router.js";
import { optionalString, requireHttpUrl, requireString } from "../http/validate.js";
import type { ServerLogger } from "../logger.js";
import { CodeExchangeError, exchangeAuthorizationCode } from "../oauth/exchange.js";
import type { Storage } from "../storage/types.js";
import { requireConnectorType } from "./connectors.js";

export interface OAuthAppSettings {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Space-separated scopes to request. */
  scope?: string | undefined;
}

export const CALLBACK_PATH = "/api/v1/integrations/connectors/oauth/callback";
const STATE_TTL_MS = 10 * 60 * 1000;

export function oauthRoutes(
  router: Router,
  deps: {
    auth: ApplicationAuth;
    connectors: ConnectorService;
    storage: Storage;
    logger: ServerLogger;
    app: OAuthAppSettings | undefined;
    /** The URL browsers reach this server at; the callback URL is built from it. */
    publicUrl: () => string;
    fetch?: typeof fetch | undefined;
  },
): void {
  router.add("POST", "/api/v1/integrations/connectors/oauth/initiate", async ({ req, res }) => {
    const caller = await deps.auth.authenticate(req);
    const body = await readJsonObject(req);
    const workspaceName = requireString(body, "workspace_name");
    requireConnectorType(body);
    const redirectUrl = requireHttpUrl(requireString(body, "redirect_url", 2000), "redirect_url").toString();
    const givenName = optionalString(body, "name");
    if (
      givenName !== undefined &&
      (await deps.connectors.nameTaken(caller.organizationId, workspaceName, givenName))
    ) {
      throw conflict(
        `A connector named "${givenName}" already exists in workspace "${workspaceName}"; pick another name.`,
      );
    }
    const name = givenName ?? `Gong (${new Date().toISOString().slice(0, 10)})`;
    const app = deps.app;
    if (!app) {
      throw new HttpError(
        501,
        "api_error",
        "OAuth connect is not configured on this server: start it with a Gong OAuth app (GONG_OAUTH_CLIENT_ID and GONG_OAUTH_CLIENT_SECRET), or create the connector with credentials.",
      );
    }
    const state = randomBytes(32).toString("base64url");
    const callbackUrl = `${deps.publicUrl()}${CALLBACK_PATH}`;
    await deps.storage.saveOAuthState({
      stateHash: hashToken(state),
      organizationId: caller.organizationId,
      workspaceName,
      connectorName: name,
      redirectUrl,
      callbackUrl,
      expiresAt: Date.now() + STATE_TTL_MS,
    });
    const consent = new URL(app.authorizeUrl);
    consent.searchParams.set("client_id", app.clientId);
    consent.searchParams.set("response_type", "code");
    if (app.scope) consent.searchParams.set("scope", app.scope);
    consent.searchParams.set("redirect_uri", callbackUrl);
    consent.searchParams.set("state", state);
    sendJson(res, 200, { consent_url: consent.toString() });
  });

  router.add("GET", CALLBACK_PATH, async ({ res, url }) => {
    const state = url.searchParams.get("state");
    const record = state ? await deps.storage.takeOAuthState(hashToken(state)) : undefined;
    if (!record || record.expiresAt <= Date.now()) {
      sendHtml(
        res,
        400,
        "This sign-in link is no longer valid",
        "It expired or was already used. Start connecting Gong again from your application.",
      );
      return;
    }
    const back = new URL(record.redirectUrl);
    const denied = url.searchParams.get("error");
    const code = url.searchParams.get("code");
    if (denied || !code || !deps.app) {
      back.searchParams.set("error", denied ? "access_denied" : "missing_code");
      sendRedirect(res, back.toString());
      return;
    }
    try {
      const tokens = await exchangeAuthorizationCode({
        tokenUrl: deps.app.tokenUrl,
        clientId: deps.app.clientId,
        clientSecret: deps.app.clientSecret,
        code,
        redirectUri: record.callbackUrl,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
      const config = {
        kind: "oauth" as const,
        refreshToken: tokens.refreshToken,
        clientId: deps.app.clientId,
        clientSecret: deps.app.clientSecret,
        tokenUrl: deps.app.tokenUrl,
      };
      const connector = await deps.connectors.createWithFreeName({
        organizationId: record.organizationId,
        workspaceName: record.workspaceName,
        name: record.connectorName,
        config,
        initialTokens: {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          expiresAt: tokens.expiresAt,
          ...(tokens.apiBaseUrl ? { apiBaseUrl: tokens.apiBaseUrl } : {}),
        },
      });
      deps.logger.info("OAuth connector created", {
        organizationId: record.organizationId,
        connectorId: connector.id,
      });
      back.searchParams.set("connector_id", connector.id);
    } catch (error) {
      const message =
        error instanceof CodeExchangeError || error instanceof HttpError ? error.message : "connect_failed";
      deps.logger.warn("OAuth connect failed", { organizationId: record.organizationId, reason: message });
      back.searchParams.set("error", "connect_failed");
      back.searchParams.set("error_description", message);
    }
    sendRedirect(res, back.toString());
  });
}
