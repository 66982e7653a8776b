import { GongConnector } from "../connector.js";
import { GongValidationError } from "../errors.js";
import { HostedApiClient } from "./api-client.js";
import { type ConnectOptions, resolveHostedConfig } from "./config.js";

/** Connector slugs `connect` knows. */
export type ConnectorSlug = "gong";

/**
 * Hosted mode in one call: reads AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET / AIRBYTE_ORGANIZATION_ID
 * (and GONG_AGENT_HOSTED_API_URL) for anything not given, fetches an application token, and resolves
 * the connector id now, so a missing or ambiguous connector fails here rather than on first use.
 */
export async function connect(slug: ConnectorSlug, options: ConnectOptions = {}): Promise<GongConnector> {
  if (typeof slug !== "string" || slug.toLowerCase() !== "gong") {
    throw new GongValidationError(`Unknown connector "${String(slug)}"; connect() knows: gong.`, {
      field: "connector",
      validValues: ["gong"],
    });
  }
  const { env, signal, ...given } = options;
  const config = resolveHostedConfig(given, env ?? process.env);
  const client = new HostedApiClient(config);
  let connectorId: string;
  if (config.connectorId !== undefined) {
    // Verifies the id (and the application credentials) now: a wrong id is a clear error here.
    connectorId = (await client.getConnector(config.connectorId, { signal })).id;
  } else {
    connectorId = await client.resolveConnectorId(config.workspaceName, { signal });
  }
  return new GongConnector({ hosted: { ...config, connectorId, client } });
}
