/** `gong-agent server`: run the self-hostable hosted-mode server (`@gong-agent/server`). */
import { type CommandSpec, intOption, stringOption } from "../cli/command.js";
import { untilAborted } from "../cli/wait.js";
import { loadServer, type ServerImporter } from "../server/load.js";

/** `importer` replaces the dynamic import of @gong-agent/server (tests simulate a missing package with it). */
export function createServerCommand(importer?: ServerImporter): CommandSpec {
  return {
    name: "server",
    summary: "Run the hosted-mode server (holds Gong credentials, executes for agents).",
    positionals: { min: 0, max: 0 },
    description:
      "Serves the hosted API (application tokens, connectors, execute, OAuth connect flow) from a SQLite file.\n" +
      "Gong credentials are encrypted at rest with the key in GONG_AGENT_SERVER_KEY (or the file named by\n" +
      "GONG_AGENT_SERVER_KEY_FILE); --dev starts without one (a generated key is kept beside the database).\n" +
      "--create-organization NAME adds an organization with its first application client to the database,\n" +
      "prints the client id and secret (shown once) as JSON, and exits.\n" +
      "Other settings come from GONG_AGENT_SERVER_* variables, GONG_BASE_URL and GONG_OAUTH_* (see the server's README).\n" +
      "Needs @gong-agent/server installed next to the CLI (npm i -g @gong-agent/server); no other command does.",
    options: {
      port: { type: "string", valueName: "N", description: "Port to listen on (default 8787)." },
      host: { type: "string", valueName: "HOST", description: "Interface to bind (default 127.0.0.1)." },
      db: {
        type: "string",
        valueName: "FILE",
        description: "SQLite database file (default ./gong-agent-server.db).",
      },
      dev: {
        type: "boolean",
        description: "Development mode: allow a generated encryption key and http Gong URLs.",
      },
      "public-url": {
        type: "string",
        valueName: "URL",
        description: "URL browsers reach the server at (OAuth callback).",
      },
      "create-organization": {
        type: "string",
        valueName: "NAME",
        description: "Create an organization and application client, print its credentials, exit.",
      },
    },
    examples: [
      "GONG_AGENT_SERVER_KEY=$(openssl rand -base64 32) gong-agent server --port 8080 --db ./hosted.db",
      "gong-agent server --db ./hosted.db --create-organization acme",
      "gong-agent server --dev",
    ],
    run: async (ctx, { values }) => {
      const { serverOptionsFromEnv, startServer, createOrganization } = await loadServer(importer);
      const options = serverOptionsFromEnv(ctx.io.env);
      const db = stringOption(values, "db");
      if (db) options.dbPath = db;
      const name = stringOption(values, "create-organization");
      if (name) {
        const created = await createOrganization({ name, dbPath: options.dbPath ?? "gong-agent-server.db" });
        ctx.json({
          organization_id: created.organizationId,
          client_id: created.clientId,
          client_secret: created.clientSecret,
        });
        ctx.info("Store the client_secret now: it is not shown again.");
        return;
      }
      const port = intOption(values, "port", { max: 65535 });
      if (port !== undefined) options.port = port;
      const host = stringOption(values, "host");
      if (host) options.host = host;
      const publicUrl = stringOption(values, "public-url");
      if (publicUrl) options.publicUrl = publicUrl;
      if (values.dev) options.dev = true;
      const running = await startServer(options);
      ctx.onCleanup(() => running.close());
      ctx.info(
        `gong-agent server listening on ${running.url} (database ${options.dbPath ?? "gong-agent-server.db"}). Press Ctrl+C to stop.`,
      );
      await untilAborted(ctx.signal);
    },
  };
}

export const serverCommand = createServerCommand();
