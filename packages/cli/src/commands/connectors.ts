/** `gong-agent connectors …`: manage and run Gong connectors on a hosted API (e.g. `gong-agent server`). */
import type { HostedConnector } from "@gong-agent/core";
import { type CommandSpec, type OptionSpec, type ParsedArgs, stringOption } from "../cli/command.js";
import type { Context } from "../cli/context.js";
import { UsageError } from "../cli/errors.js";
import { openHosted } from "../connector/hosted.js";
import { parseFields, projectResult } from "../params/fields.js";

const hostedOptions: Record<string, OptionSpec> = {
  json: { type: "string", valueName: "JSON", description: "The request as a JSON object (see examples)." },
  "api-url": {
    type: "string",
    valueName: "URL",
    description: "Hosted API URL (default from env or config).",
  },
  "organization-id": {
    type: "string",
    valueName: "ID",
    description: "Organization to act in (X-Organization-Id).",
  },
  workspace: { type: "string", valueName: "NAME", description: 'Workspace name (default "default").' },
};

type Body = Record<string, unknown>;

function readBody(values: ParsedArgs["values"]): Body {
  const raw = stringOption(values, "json");
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new UsageError("--json must be a JSON object.");
  }
  return parsed as Body;
}

/** Reads a field under its snake_case or camelCase name. */
function field(body: Body, ...names: string[]): unknown {
  for (const name of names) if (body[name] !== undefined) return body[name];
  return undefined;
}

function stringField(body: Body, ...names: string[]): string | undefined {
  const v = field(body, ...names);
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v === "") throw new UsageError(`"${names[0]}" must be a non-empty string.`);
  return v;
}

async function setup(ctx: Context, args: ParsedArgs) {
  const body = readBody(args.values);
  const { client, workspaceName } = await openHosted(ctx, {
    apiUrl: stringOption(args.values, "api-url"),
    organizationId: stringOption(args.values, "organization-id"),
    workspace: stringField(body, "workspace_name", "workspaceName") ?? stringOption(args.values, "workspace"),
  });
  return { body, client, workspaceName };
}

function connectorJson(c: HostedConnector) {
  return {
    id: c.id,
    name: c.name,
    workspace_name: c.workspaceName,
    connector_type: c.connectorType,
    ...(c.authType ? { auth_type: c.authType } : {}),
    ...(c.createdAt ? { created_at: c.createdAt } : {}),
    ...(c.updatedAt ? { updated_at: c.updatedAt } : {}),
  };
}

function idFrom(args: ParsedArgs, body: Body): string {
  const id = args.positionals[0] ?? stringField(body, "id", "connector_id", "connectorId");
  if (!id) throw new UsageError('Give the connector id: `--json \'{"id":"…"}\'` or as an argument.');
  return id;
}

const list: CommandSpec = {
  name: "list",
  summary: "List the Gong connectors of a workspace.",
  positionals: { min: 0, max: 0 },
  options: hostedOptions,
  examples: [
    "gong-agent connectors list",
    'gong-agent connectors list --json \'{"workspace_name":"sales"}\'',
  ],
  run: async (ctx, args) => {
    const { client, workspaceName } = await setup(ctx, args);
    const connectors = await client.listConnectors({ workspaceName }, { signal: ctx.signal });
    ctx.json({ data: connectors.map(connectorJson) });
  },
};

const create: CommandSpec = {
  name: "create",
  summary: "Create a Gong connector holding Gong credentials on the hosted API.",
  positionals: { min: 0, max: 0 },
  description:
    "Creates a connector; the hosted API keeps its Gong credentials (encrypted) and never returns them.\n" +
    "credentials: {access_key, access_key_secret[, base_url]} or {refresh_token, client_id, client_secret}.",
  options: hostedOptions,
  examples: [
    'gong-agent connectors create --json \'{"workspace_name":"default","name":"gong","credentials":{"access_key":"…","access_key_secret":"…"}}\'',
  ],
  run: async (ctx, args) => {
    const { body, client, workspaceName } = await setup(ctx, args);
    const credentials = field(body, "credentials");
    if (typeof credentials !== "object" || credentials === null || Array.isArray(credentials)) {
      throw new UsageError(
        '"credentials" (an object) is required, e.g. {"access_key":"…","access_key_secret":"…"}.',
      );
    }
    for (const v of Object.values(credentials)) if (typeof v === "string") ctx.addSecrets([v]);
    const connector = await client.createConnector(
      {
        workspaceName,
        name: stringField(body, "name") ?? "gong",
        credentials: credentials as Record<string, unknown>,
        ...(stringField(body, "connector_type", "connectorType")
          ? { connectorType: stringField(body, "connector_type", "connectorType")! }
          : {}),
      },
      { signal: ctx.signal },
    );
    ctx.json(connectorJson(connector));
  },
};

const describe: CommandSpec = {
  name: "describe",
  summary: "Show one connector (never its credentials).",
  args: "[id]",
  positionals: { min: 0, max: 1 },
  options: hostedOptions,
  examples: [
    "gong-agent connectors describe 4f0c…",
    'gong-agent connectors describe --json \'{"id":"4f0c…"}\'',
  ],
  run: async (ctx, args) => {
    const { body, client } = await setup(ctx, args);
    ctx.json(connectorJson(await client.getConnector(idFrom(args, body), { signal: ctx.signal })));
  },
};

const execute: CommandSpec = {
  name: "execute",
  summary: "Run an operation through a hosted connector and print {data, meta}.",
  args: "[id]",
  positionals: { min: 0, max: 1 },
  description:
    "Runs {entity, action, params} on a hosted connector. Without an id, the workspace's only Gong connector\n" +
    "is used. select_fields (a list of dotted paths) keeps only those fields of each record.",
  options: hostedOptions,
  examples: [
    'gong-agent connectors execute --json \'{"entity":"users","action":"list"}\'',
    'gong-agent connectors execute --json \'{"connector_id":"4f0c…","entity":"calls","action":"list","params":{"fromDateTime":"2024-05-01T00:00:00Z"},"select_fields":["id","title"]}\'',
  ],
  run: async (ctx, args) => {
    const { body, client, workspaceName } = await setup(ctx, args);
    const entity = stringField(body, "entity");
    const action = stringField(body, "action");
    if (!entity || !action)
      throw new UsageError('"entity" and "action" are required, e.g. {"entity":"users","action":"list"}.');
    const params = field(body, "params") ?? {};
    if (typeof params !== "object" || params === null || Array.isArray(params)) {
      throw new UsageError('"params" must be an object.');
    }
    const explicit = args.positionals[0] ?? stringField(body, "id", "connector_id", "connectorId");
    const id = explicit ?? (await client.resolveConnectorId(workspaceName, { signal: ctx.signal }));
    const result = await client.execute(
      id,
      { entity, action, params: params as Record<string, unknown> },
      { signal: ctx.signal },
    );
    const select = field(body, "select_fields", "selectFields");
    if (select !== undefined && (!Array.isArray(select) || select.some((s) => typeof s !== "string"))) {
      throw new UsageError('"select_fields" must be a list of field paths, e.g. ["id","title"].');
    }
    const page = {
      data: result.result,
      ...(result.connectorMetadata ? { meta: result.connectorMetadata } : {}),
      ...(result.executionMetadata ? { execution: result.executionMetadata } : {}),
      ...(result.warning ? { warning: result.warning } : {}),
    };
    ctx.json(select ? projectResult(page, parseFields((select as string[]).join(","))) : page);
  },
};

const remove: CommandSpec = {
  name: "delete",
  summary: "Delete a connector and its stored Gong credentials.",
  args: "[id]",
  positionals: { min: 0, max: 1 },
  options: hostedOptions,
  examples: ["gong-agent connectors delete 4f0c…", 'gong-agent connectors delete --json \'{"id":"4f0c…"}\''],
  run: async (ctx, args) => {
    const { body, client } = await setup(ctx, args);
    const id = idFrom(args, body);
    await client.deleteConnector(id, { signal: ctx.signal });
    ctx.json({ id, deleted: true });
  },
};

const connect: CommandSpec = {
  name: "connect",
  summary: "Start the OAuth connect flow: prints the consent URL to open in a browser.",
  positionals: { min: 0, max: 0 },
  description:
    "Asks the hosted API for a Gong consent URL. After the user approves, the server stores the tokens in a\n" +
    "new connector and sends the browser to redirect_url?connector_id=….",
  options: hostedOptions,
  examples: [
    'gong-agent connectors connect --json \'{"workspace_name":"default","redirect_url":"https://app.example.com/gong/done"}\'',
  ],
  run: async (ctx, args) => {
    const { body, client, workspaceName } = await setup(ctx, args);
    const redirectUrl = stringField(body, "redirect_url", "redirectUrl");
    if (!redirectUrl)
      throw new UsageError('"redirect_url" is required: where the browser goes after consent.');
    const name = stringField(body, "name");
    const { consentUrl } = await client.initiateOAuth(
      { workspaceName, redirectUrl, ...(name ? { name } : {}) },
      { signal: ctx.signal },
    );
    ctx.json({ consent_url: consentUrl });
    ctx.info(
      "Open the consent_url in a browser and approve; the connector is created when Gong redirects back.",
    );
  },
};

export const connectorsCommand: CommandSpec = {
  name: "connectors",
  summary: "Manage and run Gong connectors on a hosted API (gong-agent server or compatible).",
  description:
    "Hosted mode: the hosted API holds the Gong credentials and rotates OAuth tokens; this machine holds only an\n" +
    "application client id and secret (`gong-agent login --hosted`, or AIRBYTE_CLIENT_ID / AIRBYTE_CLIENT_SECRET,\n" +
    "AIRBYTE_ORGANIZATION_ID, GONG_AGENT_HOSTED_API_URL).",
  subcommands: [create, list, describe, execute, remove, connect],
  examples: [
    "gong-agent connectors list",
    'gong-agent connectors execute --json \'{"entity":"users","action":"list"}\'',
  ],
};
