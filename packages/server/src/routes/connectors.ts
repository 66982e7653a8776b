import type { ApplicationAuth } from "../auth/applications.js";
import { parseCredentials, type UrlPolicy } from "../connectors/credentials.js";
import { CONNECTOR_TYPES, type ConnectorService, toWireConnector } from "../connectors/service.js";
import { badRequest } from "../http/errors.js";
import { readJsonObject, sendEmpty, sendJson } from "../http/io.js";
import type { Router } from "../http/router.js";
import { optionalString, requireString } from "../http/validate.js";
import type { ConnectorSettings } from "../storage/types.js";

/** Keys an execute body may carry; the last four are sent by Airbyte's CLI and accepted for compatibility. */
const EXECUTE_KEYS = [
  "entity",
  "action",
  "params",
  "select_fields",
  "exclude_fields",
  "skip_truncation",
  "intent",
];

export function requireConnectorType(body: Record<string, unknown>): string {
  const type = optionalString(body, "connector_type") ?? "Gong";
  const known = CONNECTOR_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!known) {
    throw badRequest(
      `Unknown connector_type "${type}"; this server runs: ${CONNECTOR_TYPES.join(", ")}.`,
      "connector_type",
      [...CONNECTOR_TYPES],
    );
  }
  return known;
}

const SETTINGS = { include_private: "includePrivate", allow_credit_spend: "allowCreditSpend" } as const;

/** `settings: { include_private?, allow_credit_spend? }`, booleans only. */
export function parseSettings(input: unknown): ConnectorSettings {
  if (input === undefined || input === null) return {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw badRequest('"settings" must be an object: { include_private?, allow_credit_spend? }.', "settings");
  }
  const settings: ConnectorSettings = {};
  for (const [key, value] of Object.entries(input)) {
    const name = SETTINGS[key as keyof typeof SETTINGS];
    if (!name) {
      throw badRequest(
        `Unknown setting "${key}". Valid: ${Object.keys(SETTINGS).join(", ")}.`,
        `settings.${key}`,
        [...Object.keys(SETTINGS)],
      );
    }
    if (typeof value !== "boolean")
      throw badRequest(`"settings.${key}" must be true or false.`, `settings.${key}`);
    settings[name] = value;
  }
  return settings;
}

export function connectorRoutes(
  router: Router,
  auth: ApplicationAuth,
  connectors: ConnectorService,
  urlPolicy: UrlPolicy,
): void {
  router.add("GET", "/api/v1/integrations/connectors", async ({ req, res, url }) => {
    const caller = await auth.authenticate(req);
    const workspace = url.searchParams.get("workspace_name");
    const records = await connectors.list(caller.organizationId, workspace === null ? undefined : workspace);
    sendJson(res, 200, { data: records.map(toWireConnector) });
  });

  router.add("POST", "/api/v1/integrations/connectors", async ({ req, res }) => {
    const caller = await auth.authenticate(req);
    const body = await readJsonObject(req);
    const workspaceName = requireString(body, "workspace_name");
    requireConnectorType(body);
    const name = requireString(body, "name");
    const { config, initialTokens } = parseCredentials(body["credentials"], urlPolicy);
    const record = await connectors.create({
      organizationId: caller.organizationId,
      workspaceName,
      name,
      config,
      initialTokens,
      settings: parseSettings(body["settings"]),
    });
    sendJson(res, 201, toWireConnector(record));
  });

  router.add("GET", "/api/v1/integrations/connectors/:id", async ({ req, res, params }) => {
    const caller = await auth.authenticate(req);
    sendJson(res, 200, toWireConnector(await connectors.get(caller.organizationId, params["id"]!)));
  });

  router.add("DELETE", "/api/v1/integrations/connectors/:id", async ({ req, res, params }) => {
    const caller = await auth.authenticate(req);
    await connectors.delete(caller.organizationId, params["id"]!);
    sendEmpty(res, 204);
  });

  router.add("POST", "/api/v1/integrations/connectors/:id/execute", async ({ req, res, params }) => {
    const caller = await auth.authenticate(req);
    const record = await connectors.get(caller.organizationId, params["id"]!);
    const body = await readJsonObject(req);
    const unknown = Object.keys(body).filter((key) => !EXECUTE_KEYS.includes(key));
    if (unknown.length > 0) {
      throw badRequest(
        `Unknown field(s) ${unknown.join(", ")}; send { entity, action, params }.`,
        unknown[0],
        EXECUTE_KEYS,
      );
    }
    const entity = requireString(body, "entity");
    const action = requireString(body, "action");
    const callParams = body["params"] ?? {};
    if (callParams === null || typeof callParams !== "object" || Array.isArray(callParams)) {
      throw badRequest('"params" must be a JSON object.', "params");
    }
    // Stop working for a caller that went away.
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const outcome = await connectors.execute(
      record,
      entity,
      action,
      callParams as Record<string, unknown>,
      abort.signal,
    );
    sendJson(res, 200, {
      status: "success",
      result: outcome.data,
      connector_metadata: outcome.meta ?? null,
      execution_metadata: { connector_instance_id: record.id, execution_time_ms: outcome.elapsedMs },
    });
  });
}
