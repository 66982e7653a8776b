#!/usr/bin/env node
/**
 * `gong-mcp`: serves the Gong tool to MCP clients, over stdio by default or streamable HTTP with --http.
 * Credentials come from the environment (see server/env-config.ts). Stdout belongs to the protocol in
 * stdio mode: every message of this program goes to stderr.
 */
import { parseArgs } from "node:util";
import { GongConnector, GongError } from "@gong-agent/core";
import { createGongMcpServer } from "./server/create-server.js";
import { GONG_ENV_VARIABLES, gongConfigFromEnv } from "./server/env-config.js";
import { PACKAGE_VERSION } from "./version.js";

const USAGE = `Usage: gong-mcp [options]

Serves Gong to MCP clients through one tool, gong_execute(entity, action, params).
  (default)                 stdio transport, for Claude Desktop, Cursor and other clients that spawn servers
  --http PORT               streamable HTTP on PORT (endpoint /mcp)
  --host HOST               interface for --http (default 127.0.0.1)
  --allow-writes            also offer Gong write actions (default: read-only)
  --max-output-chars N      bound on the text of one tool result (default 50000)
  --internal-retries N      retries of temporary errors before the model sees them (default 1)
  --max-pages N             pages of a paged list fetched per call (default 1)
  --max-pages-ceiling N     the most pages the model may ask for with params.pages (default 5)
  --tool-name NAME          tool name (default gong_execute)
  --description-prefix TXT  text put before the tool description (what this Gong holds, for the model)

Environment: ${GONG_ENV_VARIABLES.join(", ")}.`;

/** Exit codes shared with the gong-agent CLI: 1 error, 2 authentication/configuration. */
function fail(message: string, code: number): never {
  process.stderr.write(`gong-mcp: ${message}\n`);
  process.exit(code);
}

/** A whole-number flag of at least `min`, or undefined when absent. */
function integerFlag(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    fail(`--${name} needs a whole number ≥ ${min}, got "${raw}".`, 1);
  return value;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>["values"];
  function parse() {
    return parseArgs({
      options: {
        http: { type: "string" },
        host: { type: "string" },
        "allow-writes": { type: "boolean" },
        "max-output-chars": { type: "string" },
        "internal-retries": { type: "string" },
        "max-pages": { type: "string" },
        "max-pages-ceiling": { type: "string" },
        "tool-name": { type: "string" },
        "description-prefix": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
      strict: true,
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`, 1);
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (values.version) {
    process.stderr.write(`${PACKAGE_VERSION}\n`);
    return;
  }

  const port = values.http === undefined ? undefined : Number(values.http);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    fail(`--http needs a port number (0-65535), got "${values.http}".`, 1);
  }
  const maxOutputChars = integerFlag("max-output-chars", values["max-output-chars"], 1);
  const internalRetries = integerFlag("internal-retries", values["internal-retries"], 0);
  const maxPages = integerFlag("max-pages", values["max-pages"], 1);
  const maxPagesCeiling = integerFlag("max-pages-ceiling", values["max-pages-ceiling"], 1);

  let connector: GongConnector;
  try {
    connector = new GongConnector(gongConfigFromEnv(process.env));
  } catch (error) {
    fail(error instanceof GongError ? error.message : String(error), 2);
  }

  const server = createGongMcpServer({
    connector,
    allowWrites: values["allow-writes"] === true,
    ...(maxOutputChars === undefined ? {} : { maxOutputChars }),
    ...(internalRetries === undefined ? {} : { internalRetries }),
    ...(maxPages === undefined ? {} : { maxPages }),
    ...(maxPagesCeiling === undefined ? {} : { maxPagesCeiling }),
    ...(values["tool-name"] === undefined ? {} : { toolName: values["tool-name"] }),
    ...(values["description-prefix"] === undefined
      ? {}
      : { descriptionPrefix: values["description-prefix"] }),
  });

  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  if (port === undefined) {
    await server.start({ transportType: "stdio" });
    // The client closing our stdin is the end of the session.
    process.stdin.once("end", stop);
  } else {
    const host = values.host ?? "127.0.0.1";
    await server.start({ transportType: "httpStream", httpStream: { port, host } });
    process.stderr.write(`gong-mcp: serving MCP over HTTP at http://${host}:${port}/mcp\n`);
  }
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error), 1);
});
