/**
 * Builds the connector a command runs against: the embedded sandbox with `--sandbox`, otherwise the
 * credentials from the environment or the config file. OAuth connectors get a token store over the
 * config file, so a rotated refresh token is saved there before it is used.
 */
import { GongConnector } from "@gong-agent/core";
import type { Context } from "../cli/context.js";
import { noCredentialsError, resolveCredentials, secretsOf } from "../config/credentials.js";
import { readConfig } from "../config/file.js";
import { ConfigFileTokenStore } from "../config/token-store.js";
import { cliLogger } from "./logger.js";
import { type StartedSandbox, startEmbeddedSandbox } from "./sandbox.js";

export interface OpenedGong {
  connector: GongConnector;
  /** Where requests go, for messages. */
  target: string;
  sandbox?: StartedSandbox;
}

export interface OpenOptions {
  /** false turns the sandbox's rate-limit emulation off (the demo). */
  rateLimit?: boolean;
  /** Use the embedded sandbox even without --sandbox. */
  sandbox?: boolean;
  /** Keep calls marked private in results (core leaves them out by default). */
  includePrivate?: boolean;
}

export async function openGong(ctx: Context, options: OpenOptions = {}): Promise<OpenedGong> {
  if (ctx.flags.sandbox || options.sandbox) {
    const sandbox = await startEmbeddedSandbox(ctx, options.rateLimit === false ? { rateLimit: false } : {});
    ctx.addSecrets([sandbox.accessKeySecret]);
    const connector = new GongConnector({
      auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
      baseUrl: sandbox.url,
      logger: cliLogger(ctx),
      ...(options.includePrivate ? { includePrivate: true } : {}),
    });
    return { connector, target: `the embedded sandbox at ${sandbox.url}`, sandbox };
  }
  const config = await readConfig(ctx.configPath);
  const creds = resolveCredentials(ctx.io.env, config);
  if (!creds) throw noCredentialsError(ctx.configPath);
  ctx.addSecrets(secretsOf(creds));
  if (creds.type === "access_key") {
    const connector = new GongConnector({
      auth: { accessKey: creds.accessKey, accessKeySecret: creds.accessKeySecret },
      ...(creds.baseUrl ? { baseUrl: creds.baseUrl } : {}),
      logger: cliLogger(ctx),
      ...(options.includePrivate ? { includePrivate: true } : {}),
    });
    return { connector, target: creds.baseUrl ?? "https://api.gong.io" };
  }
  ctx.oauthConnection = {
    lineage: creds.lineage,
    client: {
      ...(creds.clientId ? { clientId: creds.clientId } : {}),
      ...(creds.clientSecret ? { clientSecret: creds.clientSecret } : {}),
      ...(creds.tokenUrl ? { tokenUrl: creds.tokenUrl } : {}),
    },
  };
  const connector = new GongConnector({
    auth: {
      refreshToken: creds.refreshToken,
      ...(creds.accessToken ? { accessToken: creds.accessToken, expiresAt: creds.expiresAt ?? 0 } : {}),
      ...(creds.clientId ? { clientId: creds.clientId } : {}),
      ...(creds.clientSecret ? { clientSecret: creds.clientSecret } : {}),
      ...(creds.tokenUrl ? { tokenUrl: creds.tokenUrl } : {}),
    },
    ...(creds.baseUrl ? { baseUrl: creds.baseUrl } : {}),
    tokenStore: new ConfigFileTokenStore(ctx.configPath, creds.lineage),
    logger: cliLogger(ctx),
    ...(options.includePrivate ? { includePrivate: true } : {}),
  });
  return { connector, target: creds.baseUrl ?? "Gong (OAuth)" };
}
