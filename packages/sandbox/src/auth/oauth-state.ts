import { Rng } from "../data/random.js";

interface AccessToken {
  scopes: ReadonlySet<string>;
  expiresAtMs: number;
}

interface RefreshToken {
  scope: string;
  used: boolean;
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  expiresAtMs: number;
  used: boolean;
}

export interface TokenGrant {
  access_token: string;
  refresh_token: string;
  scope: string;
  token_type: "bearer";
  expires_in: number;
  api_base_url_for_customer: string;
}

/**
 * The OAuth side of the tenant: one registered client, authorization codes, access tokens and
 * SINGLE-USE refresh tokens (a refresh kills the token it used; replaying it is `invalid_grant`).
 * Token values come from a seeded generator, so runs are reproducible.
 */
export class OAuthState {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly initialRefreshToken: string;
  private readonly rng: Rng;
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    seed: number,
    readonly allScopes: string,
    private readonly ttlSeconds: number,
    readonly redirectUris: readonly string[] | undefined,
    private readonly tenantUrl: () => string,
    private readonly clock: () => number = Date.now,
  ) {
    this.rng = new Rng(seed ^ 0x5eed0a17);
    this.clientId = `sandbox-client-${this.rng.alnum(12)}`;
    this.clientSecret = `sandbox-secret-${this.rng.alnum(32)}`;
    this.initialRefreshToken = this.newRefreshToken(allScopes);
  }

  private newRefreshToken(scope: string): string {
    const token = `rt.${this.rng.alnum(40)}`;
    this.refreshTokens.set(token, { scope, used: false });
    return token;
  }

  private grant(scope: string): TokenGrant {
    const access = `at.${this.rng.alnum(48)}`;
    this.accessTokens.set(access, {
      scopes: new Set(scope.split(/\s+/).filter(Boolean)),
      expiresAtMs: this.clock() + this.ttlSeconds * 1000,
    });
    return {
      access_token: access,
      refresh_token: this.newRefreshToken(scope),
      scope,
      token_type: "bearer",
      expires_in: this.ttlSeconds,
      api_base_url_for_customer: this.tenantUrl(),
    };
  }

  checkClient(clientId: string, clientSecret: string): boolean {
    return clientId === this.clientId && clientSecret === this.clientSecret;
  }

  redirectAllowed(uri: string): boolean {
    if (this.redirectUris) return this.redirectUris.includes(uri);
    try {
      const url = new URL(uri);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }

  issueCode(redirectUri: string, scope: string): string {
    const code = `code.${this.rng.alnum(24)}`;
    this.codes.set(code, {
      clientId: this.clientId,
      redirectUri,
      scope: scope || this.allScopes,
      expiresAtMs: this.clock() + 10 * 60_000,
      used: false,
    });
    return code;
  }

  /** authorization_code grant; undefined when the code is unknown, used, expired or for another redirect. */
  exchangeCode(code: string, redirectUri: string | undefined): TokenGrant | undefined {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.expiresAtMs < this.clock()) return undefined;
    if (redirectUri !== undefined && redirectUri !== entry.redirectUri) return undefined;
    entry.used = true;
    return this.grant(entry.scope);
  }

  /** refresh_token grant: single use. Undefined when unknown or already used. */
  refresh(refreshToken: string): TokenGrant | undefined {
    const entry = this.refreshTokens.get(refreshToken);
    if (!entry || entry.used) return undefined;
    entry.used = true;
    return this.grant(entry.scope);
  }

  /** The token's scopes, "expired", or undefined when unknown. */
  lookup(accessToken: string): ReadonlySet<string> | "expired" | undefined {
    const entry = this.accessTokens.get(accessToken);
    if (!entry) return undefined;
    return entry.expiresAtMs <= this.clock() ? "expired" : entry.scopes;
  }
}
