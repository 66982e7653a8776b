/**
 * Exchanges an authorization code at Gong's token endpoint: query parameters and Basic client auth,
 * as Gong expects. Errors name the step and the status, never the code or the client secret.
 */

export interface ExchangedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  apiBaseUrl?: string;
  scope?: string;
}

export class CodeExchangeError extends Error {
  override name = "CodeExchangeError";
}

export async function exchangeAuthorizationCode(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): Promise<ExchangedTokens> {
  const url = new URL(options.tokenUrl);
  url.searchParams.set("grant_type", "authorization_code");
  url.searchParams.set("code", options.code);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri);
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
  const issuedAt = Date.now();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      redirect: "manual",
    });
  } catch (error) {
    throw new CodeExchangeError(
      `Could not reach Gong's token endpoint (${url.origin}${url.pathname}): ${(error as Error).message}`,
    );
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // handled below
  }
  if (!response.ok) {
    const reason = typeof body["error"] === "string" ? ` (${body["error"]})` : "";
    throw new CodeExchangeError(`Gong refused the authorization code: HTTP ${response.status}${reason}.`);
  }
  const accessToken = body["access_token"];
  const refreshToken = body["refresh_token"];
  if (typeof accessToken !== "string" || typeof refreshToken !== "string") {
    throw new CodeExchangeError("Gong's token response lacks access_token or refresh_token.");
  }
  const expiresIn = typeof body["expires_in"] === "number" ? body["expires_in"] : 0;
  const tokens: ExchangedTokens = { accessToken, refreshToken, expiresAt: issuedAt + expiresIn * 1000 };
  if (typeof body["api_base_url_for_customer"] === "string") {
    tokens.apiBaseUrl = body["api_base_url_for_customer"].replace(/\/+$/, "");
  }
  if (typeof body["scope"] === "string") tokens.scope = body["scope"];
  return tokens;
}
