/**
 * Reads the connector configuration of the `gong-mcp` server from environment variables, the way MCP
 * clients (Claude Desktop, Cursor, …) pass secrets to a server they spawn.
 *
 * Access key: GONG_ACCESS_KEY + GONG_ACCESS_KEY_SECRET (+ GONG_BASE_URL for tenants on their own host).
 * OAuth 2:    GONG_REFRESH_TOKEN (+ GONG_CLIENT_ID, GONG_CLIENT_SECRET, GONG_ACCESS_TOKEN, GONG_TOKEN_URL).
 * Gong refresh tokens are single-use, so rotated OAuth tokens are saved to GONG_TOKEN_FILE (default
 * ~/.gong-agent/mcp-tokens.json, mode 0600) before they are used; a restart picks them up from there.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import type { GongConnectorConfig } from "@gong-agent/core";
import { FileTokenStore, GongValidationError } from "@gong-agent/core";

export type GongEnv = Record<string, string | undefined>;

/** Every variable the server reads, for help texts. */
export const GONG_ENV_VARIABLES = [
  "GONG_ACCESS_KEY",
  "GONG_ACCESS_KEY_SECRET",
  "GONG_BASE_URL",
  "GONG_REFRESH_TOKEN",
  "GONG_ACCESS_TOKEN",
  "GONG_CLIENT_ID",
  "GONG_CLIENT_SECRET",
  "GONG_TOKEN_URL",
  "GONG_TOKEN_FILE",
] as const;

export const DEFAULT_TOKEN_FILE = join(homedir(), ".gong-agent", "mcp-tokens.json");

const HOW_TO =
  "Set GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET (Gong → Company settings → Ecosystem → API; add GONG_BASE_URL " +
  "when your tenant has its own API host), or GONG_REFRESH_TOKEN with GONG_CLIENT_ID and GONG_CLIENT_SECRET for OAuth.";

/** The variable, or undefined when it is unset or blank (MCP client configs often leave empty strings). */
function read(env: GongEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** True when any Gong credential variable is set. */
export function hasGongCredentials(env: GongEnv = process.env): boolean {
  return read(env, "GONG_ACCESS_KEY") !== undefined || read(env, "GONG_REFRESH_TOKEN") !== undefined;
}

/**
 * The GongConnector configuration the environment describes. Throws a GongValidationError naming the
 * missing variable (never a value) when the credentials are absent or incomplete.
 */
export function gongConfigFromEnv(env: GongEnv = process.env): GongConnectorConfig {
  const baseUrl = read(env, "GONG_BASE_URL");
  const accessKey = read(env, "GONG_ACCESS_KEY");
  const accessKeySecret = read(env, "GONG_ACCESS_KEY_SECRET");
  const refreshToken = read(env, "GONG_REFRESH_TOKEN");

  if (accessKey !== undefined || accessKeySecret !== undefined) {
    if (refreshToken !== undefined) {
      throw new GongValidationError(
        `Both an access key (GONG_ACCESS_KEY) and OAuth (GONG_REFRESH_TOKEN) are set; keep one. ${HOW_TO}`,
        { field: "GONG_REFRESH_TOKEN" },
      );
    }
    if (accessKey === undefined || accessKeySecret === undefined) {
      const missing = accessKey === undefined ? "GONG_ACCESS_KEY" : "GONG_ACCESS_KEY_SECRET";
      throw new GongValidationError(`${missing} is not set. ${HOW_TO}`, { field: missing });
    }
    return { auth: { accessKey, accessKeySecret }, ...(baseUrl === undefined ? {} : { baseUrl }) };
  }

  if (refreshToken !== undefined) {
    const clientId = read(env, "GONG_CLIENT_ID");
    const clientSecret = read(env, "GONG_CLIENT_SECRET");
    if ((clientId === undefined) !== (clientSecret === undefined)) {
      const missing = clientId === undefined ? "GONG_CLIENT_ID" : "GONG_CLIENT_SECRET";
      throw new GongValidationError(`${missing} is not set; OAuth refresh needs both. ${HOW_TO}`, {
        field: missing,
      });
    }
    const accessToken = read(env, "GONG_ACCESS_TOKEN");
    const tokenUrl = read(env, "GONG_TOKEN_URL");
    return {
      auth: {
        refreshToken,
        ...(accessToken === undefined ? {} : { accessToken }),
        ...(clientId === undefined ? {} : { clientId, clientSecret }),
        ...(tokenUrl === undefined ? {} : { tokenUrl }),
      },
      ...(baseUrl === undefined ? {} : { baseUrl }),
      tokenStore: new FileTokenStore(read(env, "GONG_TOKEN_FILE") ?? DEFAULT_TOKEN_FILE),
    };
  }

  throw new GongValidationError(`No Gong credentials in the environment. ${HOW_TO}`, {
    field: "GONG_ACCESS_KEY",
  });
}
