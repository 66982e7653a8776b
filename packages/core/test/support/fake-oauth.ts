/**
 * Gong's OAuth behaviour, for tests: single-use refresh tokens (replaying one gives 400 invalid_grant),
 * access tokens with a lifetime, `api_base_url_for_customer`, Basic client auth, query parameters.
 */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { json, type ReceivedRequest } from "./http-server.js";

export const TOKEN_PATH = "/oauth2/generate-customer-token";

const token = (prefix: string) => `${prefix}-${randomBytes(12).toString("hex")}`;

export class FakeOAuth {
  readonly clientId = token("client");
  readonly clientSecret = token("csecret");
  readonly validRefreshTokens = new Set<string>();
  readonly accessTokens = new Map<string, number>();
  /** Every credential this authority ever issued: none may appear in logs or errors. */
  readonly issued: string[] = [this.clientSecret];
  refreshCount = 0;
  invalidGrantCount = 0;
  expiresInSeconds = 3600;
  delayMs = 0;
  apiBaseUrl: string | undefined;
  /** Hook run when a refresh request arrives, before it is answered. */
  beforeAnswer: ((refreshToken: string) => void | Promise<void>) | undefined;

  newRefreshToken(): string {
    const rt = token("rt");
    this.validRefreshTokens.add(rt);
    this.issued.push(rt);
    return rt;
  }

  newAccessToken(lifetimeMs = this.expiresInSeconds * 1000): string {
    const at = token("at");
    this.accessTokens.set(at, Date.now() + lifetimeMs);
    this.issued.push(at);
    return at;
  }

  /** Rotates `refreshToken` as Gong does; returns the token response body, or undefined for invalid_grant. */
  rotate(refreshToken: string): Record<string, unknown> | undefined {
    if (!this.validRefreshTokens.delete(refreshToken)) return undefined;
    this.refreshCount++;
    const body: Record<string, unknown> = {
      access_token: this.newAccessToken(),
      refresh_token: this.newRefreshToken(),
      token_type: "bearer",
      expires_in: this.expiresInSeconds,
      scope: "api:calls:read:basic api:users:read",
    };
    if (this.apiBaseUrl) body["api_base_url_for_customer"] = this.apiBaseUrl;
    return body;
  }

  isAuthorized(header: string | undefined): boolean {
    if (!header?.startsWith("Bearer ")) return false;
    const expires = this.accessTokens.get(header.slice(7));
    return expires !== undefined && expires > Date.now();
  }

  async handleToken(req: ReceivedRequest, res: ServerResponse): Promise<void> {
    const expectedAuth = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString("base64")}`;
    if (req.headers.authorization !== expectedAuth) {
      json(res, 401, { error: "invalid_client" });
      return;
    }
    if (req.url.searchParams.get("grant_type") !== "refresh_token") {
      json(res, 400, { error: "unsupported_grant_type" });
      return;
    }
    const refreshToken = req.url.searchParams.get("refresh_token") ?? "";
    if (this.beforeAnswer) await this.beforeAnswer(refreshToken);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const body = this.rotate(refreshToken);
    if (!body) {
      this.invalidGrantCount++;
      json(res, 400, {
        error: "invalid_grant",
        error_description: "refresh token is invalid or was already used",
      });
      return;
    }
    json(res, 200, body);
  }
}
