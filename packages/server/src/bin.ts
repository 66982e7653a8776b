#!/usr/bin/env node
/**
 * gong-agent-server [start] [--port N] [--host H] [--db FILE] [--dev] [--public-url URL]
 * gong-agent-server create-organization --name NAME [--db FILE]
 * gong-agent-server create-application --organization ID [--name NAME] [--db FILE]
 * gong-agent-server rotate-key [--db FILE]
 */
import { parseArgs } from "node:util";
import { createApplication } from "./auth/applications.js";
import { createOrganization } from "./bootstrap.js";
import { KEY_ENV, loadEncryptionKey, loadPreviousKeys, PREVIOUS_KEYS_ENV } from "./crypto/keys.js";
import { SecretBox } from "./crypto/secret-box.js";
import { parsePort, serverOptionsFromEnv } from "./env.js";
import { resealSecrets } from "./rotate.js";
import { startServer } from "./server.js";
import { SqliteStorage } from "./storage/sqlite.js";

const USAGE = `Usage:
  gong-agent-server [start] [--port N] [--host HOST] [--db FILE] [--dev] [--public-url URL]
  gong-agent-server create-organization --name NAME [--db FILE]
  gong-agent-server create-application --organization ID [--name NAME] [--db FILE]
  gong-agent-server rotate-key [--db FILE]   (new key in GONG_AGENT_SERVER_KEY, old in GONG_AGENT_SERVER_PREVIOUS_KEYS)

Environment: GONG_AGENT_SERVER_KEY or GONG_AGENT_SERVER_KEY_FILE (required outside --dev),
GONG_AGENT_SERVER_PORT, GONG_AGENT_SERVER_DB, GONG_AGENT_SERVER_PUBLIC_URL, GONG_BASE_URL,
GONG_OAUTH_CLIENT_ID, GONG_OAUTH_CLIENT_SECRET, GONG_OAUTH_AUTHORIZE_URL, GONG_OAUTH_TOKEN_URL.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      db: { type: "string" },
      dev: { type: "boolean" },
      "public-url": { type: "string" },
      name: { type: "string" },
      organization: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = positionals[0] ?? "start";
  const options = serverOptionsFromEnv();
  if (values.db) options.dbPath = values.db;

  if (command === "create-organization") {
    if (!values.name) throw new Error("create-organization needs --name NAME.");
    const created = await createOrganization({
      name: values.name,
      dbPath: options.dbPath ?? "gong-agent-server.db",
    });
    process.stdout.write(
      `${JSON.stringify({ organization_id: created.organizationId, client_id: created.clientId, client_secret: created.clientSecret }, null, 2)}\n`,
    );
    process.stderr.write("Store the client_secret now: it is not shown again.\n");
    return 0;
  }
  if (command === "create-application") {
    if (!values.organization) throw new Error("create-application needs --organization ID.");
    const storage = new SqliteStorage(options.dbPath ?? "gong-agent-server.db");
    try {
      const created = await createApplication(storage, values.organization, values.name ?? "default");
      process.stdout.write(
        `${JSON.stringify({ organization_id: created.organizationId, client_id: created.clientId, client_secret: created.clientSecret }, null, 2)}\n`,
      );
    } finally {
      await storage.close();
    }
    return 0;
  }
  if (command === "rotate-key") {
    const dbPath = options.dbPath ?? "gong-agent-server.db";
    const env = options.env ?? process.env;
    const { key } = loadEncryptionKey({ dbPath, env });
    const previous = loadPreviousKeys(undefined, env);
    if (previous.length === 0) {
      throw new Error(
        `rotate-key needs the old key(s) in ${PREVIOUS_KEYS_ENV} and the new one in ${KEY_ENV}.`,
      );
    }
    const storage = new SqliteStorage(dbPath);
    try {
      const report = await resealSecrets(storage, new SecretBox(key, previous));
      process.stdout.write(`${JSON.stringify(report)}\n`);
      if (report.skipped > 0)
        process.stderr.write("Some token pairs rotated meanwhile; run rotate-key again.\n");
    } finally {
      await storage.close();
    }
    return 0;
  }
  if (command !== "start") throw new Error(`Unknown command "${command}".\n${USAGE}`);

  if (values.port !== undefined) options.port = parsePort(values.port, "--port");
  if (values.host) options.host = values.host;
  if (values.dev) options.dev = true;
  if (values["public-url"]) options.publicUrl = values["public-url"];
  const server = await startServer(options);
  process.stderr.write(`gong-agent server listening on ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`gong-agent-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
