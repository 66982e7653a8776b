/** Server options from environment variables, for the bin and for the CLI's `gong-agent server`. */
import type { ServerOptions } from "./server.js";

export const SERVER_ENV = {
  port: "GONG_AGENT_SERVER_PORT",
  host: "GONG_AGENT_SERVER_HOST",
  dbPath: "GONG_AGENT_SERVER_DB",
  publicUrl: "GONG_AGENT_SERVER_PUBLIC_URL",
  tokenTtlSeconds: "GONG_AGENT_SERVER_TOKEN_TTL",
  gongBaseUrl: "GONG_BASE_URL",
  gongTokenUrl: "GONG_OAUTH_TOKEN_URL",
  gongAuthorizeUrl: "GONG_OAUTH_AUTHORIZE_URL",
  oauthClientId: "GONG_OAUTH_CLIENT_ID",
  oauthClientSecret: "GONG_OAUTH_CLIENT_SECRET",
  oauthScope: "GONG_OAUTH_SCOPE",
} as const;

export function serverOptionsFromEnv(env: Record<string, string | undefined> = process.env): ServerOptions {
  const get = (name: string) => {
    const value = env[name];
    return value && value.trim() !== "" ? value.trim() : undefined;
  };
  const options: ServerOptions = { env };
  const port = get(SERVER_ENV.port);
  if (port !== undefined) options.port = parsePort(port, SERVER_ENV.port);
  const host = get(SERVER_ENV.host);
  if (host) options.host = host;
  const dbPath = get(SERVER_ENV.dbPath);
  if (dbPath) options.dbPath = dbPath;
  const publicUrl = get(SERVER_ENV.publicUrl);
  if (publicUrl) options.publicUrl = publicUrl;
  const ttl = get(SERVER_ENV.tokenTtlSeconds);
  if (ttl !== undefined) {
    const seconds = Number(ttl);
    if (!Number.isInteger(seconds) || seconds < 10) {
      throw new Error(`${SERVER_ENV.tokenTtlSeconds} must be a whole number of seconds, at least 10.`);
    }
    options.tokenTtlSeconds = seconds;
  }
  const gongBaseUrl = get(SERVER_ENV.gongBaseUrl);
  if (gongBaseUrl) options.gongBaseUrl = gongBaseUrl;
  const gongTokenUrl = get(SERVER_ENV.gongTokenUrl);
  if (gongTokenUrl) options.gongTokenUrl = gongTokenUrl;
  const gongAuthorizeUrl = get(SERVER_ENV.gongAuthorizeUrl);
  if (gongAuthorizeUrl) options.gongAuthorizeUrl = gongAuthorizeUrl;
  const clientId = get(SERVER_ENV.oauthClientId);
  const clientSecret = get(SERVER_ENV.oauthClientSecret);
  if (clientId && clientSecret) {
    options.gongOAuth = { clientId, clientSecret };
    const scope = get(SERVER_ENV.oauthScope);
    if (scope) options.gongOAuth.scope = scope;
  }
  return options;
}

export function parsePort(value: string, origin: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${origin} must be a port number (0-65535), got "${value}".`);
  }
  return port;
}
