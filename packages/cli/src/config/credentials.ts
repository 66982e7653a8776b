/**
 * Which Gong credentials a command uses. Environment variables win over the config file, field by
 * field; OAuth tokens rotated during a command are written back to the config file (see connector/).
 */
import { createHash } from "node:crypto";
import { MissingCredentialsError } from "../cli/errors.js";
import type { AccessKeyConfig, ConfigFile, OAuthConfig } from "./file.js";

/** Whose refresh token this is: the one `login` stored, or one given through GONG_REFRESH_TOKEN. */
export type OAuthLineage = { kind: "login" } | { kind: "environment"; fingerprint: string };

export type ResolvedCredentials =
  | (AccessKeyConfig & { source: "environment" | "config file" })
  | (OAuthConfig & {
      /** Where the credentials came from, for messages (never the values). */
      source: "environment" | "config file";
      lineage: OAuthLineage;
    });

export function tokenFingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resolveCredentials(
  env: NodeJS.ProcessEnv,
  config: ConfigFile,
): ResolvedCredentials | undefined {
  const stored = config.gong;
  const baseUrl = env.GONG_BASE_URL || stored?.baseUrl;
  if (env.GONG_ACCESS_KEY || env.GONG_ACCESS_KEY_SECRET) {
    // A host learned by OAuth belongs to that login, not to an access key from the environment.
    const keyBaseUrl = env.GONG_BASE_URL || (stored?.type === "access_key" ? stored.baseUrl : undefined);
    const accessKey = env.GONG_ACCESS_KEY || (stored?.type === "access_key" ? stored.accessKey : "");
    const accessKeySecret =
      env.GONG_ACCESS_KEY_SECRET || (stored?.type === "access_key" ? stored.accessKeySecret : "");
    if (!accessKey || !accessKeySecret) {
      throw new MissingCredentialsError(
        `${env.GONG_ACCESS_KEY ? "GONG_ACCESS_KEY_SECRET" : "GONG_ACCESS_KEY"} is not set, but its partner is.`,
        { exitCode: 2, hint: "Set both GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET, or neither." },
      );
    }
    return {
      type: "access_key",
      accessKey,
      accessKeySecret,
      ...(keyBaseUrl ? { baseUrl: keyBaseUrl } : {}),
      source: "environment",
    };
  }
  if (env.GONG_REFRESH_TOKEN) {
    const fingerprint = tokenFingerprint(env.GONG_REFRESH_TOKEN);
    // The env token may already have been spent by an earlier run, which stored its successor.
    const rotated = config.oauthFromEnv?.supersedes === fingerprint ? config.oauthFromEnv : undefined;
    const storedOAuth = stored?.type === "oauth" ? stored : undefined;
    const clientId = env.GONG_CLIENT_ID || storedOAuth?.clientId;
    const clientSecret = env.GONG_CLIENT_SECRET || storedOAuth?.clientSecret;
    const tokenUrl = env.GONG_TOKEN_URL || storedOAuth?.tokenUrl;
    const oauthBase = env.GONG_BASE_URL || rotated?.baseUrl;
    return {
      type: "oauth",
      refreshToken: rotated?.refreshToken ?? env.GONG_REFRESH_TOKEN,
      ...(rotated?.accessToken
        ? { accessToken: rotated.accessToken, expiresAt: rotated.expiresAt ?? 0 }
        : {}),
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(tokenUrl ? { tokenUrl } : {}),
      ...(oauthBase ? { baseUrl: oauthBase } : {}),
      lineage: { kind: "environment", fingerprint },
      source: "environment",
    };
  }
  if (!stored) return undefined;
  if (stored.type === "oauth") {
    const clientId = env.GONG_CLIENT_ID || stored.clientId;
    const clientSecret = env.GONG_CLIENT_SECRET || stored.clientSecret;
    const tokenUrl = env.GONG_TOKEN_URL || stored.tokenUrl;
    return {
      ...stored,
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(tokenUrl ? { tokenUrl } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      lineage: { kind: "login" },
      source: "config file",
    };
  }
  return { ...stored, ...(baseUrl ? { baseUrl } : {}), source: "config file" };
}

export function secretsOf(creds: ResolvedCredentials | undefined): string[] {
  if (!creds) return [];
  if (creds.type === "access_key") return [creds.accessKeySecret, creds.accessKey];
  return [creds.refreshToken, creds.accessToken ?? "", creds.clientSecret ?? ""].filter(Boolean);
}

export function noCredentialsError(configFile: string): MissingCredentialsError {
  return new MissingCredentialsError("No Gong credentials found.", {
    exitCode: 2,
    hint: [
      "Fix it in one of these ways:",
      "  gong-agent login                      store an access key in " + configFile,
      "  gong-agent login --oauth              store an OAuth refresh token",
      "  export GONG_ACCESS_KEY=… GONG_ACCESS_KEY_SECRET=…   (and GONG_BASE_URL for your tenant's host)",
      "  add --sandbox                         to run against a local Gong sandbox with seeded data",
    ].join("\n"),
  });
}
