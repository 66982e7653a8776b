/**
 * The hosted-API client for the `connectors` commands. Settings come from flags, then the environment
 * (AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET, AIRBYTE_ORGANIZATION_ID, GONG_AGENT_HOSTED_API_URL), then
 * the config file's `hosted` section (`gong-agent login --hosted`, `gong-agent organizations use`).
 */
import { HOSTED_ENV, HostedApiClient } from "@gong-agent/core";
import type { Context } from "../cli/context.js";
import { CliError, ExitCode } from "../cli/errors.js";
import { readConfig } from "../config/file.js";

export interface HostedFlags {
  apiUrl?: string | undefined;
  organizationId?: string | undefined;
  workspace?: string | undefined;
}

export async function openHosted(
  ctx: Context,
  flags: HostedFlags,
): Promise<{ client: HostedApiClient; workspaceName: string }> {
  const stored = (await readConfig(ctx.configPath)).hosted ?? {};
  const env = ctx.io.env;
  const pick = (...values: (string | undefined)[]) =>
    values.find((v) => v !== undefined && v.trim() !== "")?.trim();
  const clientId = pick(env[HOSTED_ENV.clientId], stored.clientId);
  const clientSecret = pick(env[HOSTED_ENV.clientSecret], stored.clientSecret);
  if (!clientId || !clientSecret) {
    throw new CliError("No hosted-API application credentials found.", {
      exitCode: ExitCode.auth,
      hint:
        `Run \`gong-agent login --hosted --api-url URL --client-id ID\` (the secret is asked for), or set ` +
        `${HOSTED_ENV.clientId} and ${HOSTED_ENV.clientSecret}.`,
    });
  }
  ctx.addSecrets([clientSecret]);
  const apiUrl = pick(flags.apiUrl, env[HOSTED_ENV.apiUrl], env[HOSTED_ENV.apiUrlFallback], stored.apiUrl);
  const organizationId = pick(flags.organizationId, env[HOSTED_ENV.organizationId], stored.organizationId);
  const workspaceName =
    pick(flags.workspace, env[HOSTED_ENV.workspaceName], stored.workspaceName) ?? "default";
  const client = new HostedApiClient({
    clientId,
    clientSecret,
    ...(apiUrl ? { apiUrl } : {}),
    ...(organizationId ? { organizationId } : {}),
  });
  return { client, workspaceName };
}
