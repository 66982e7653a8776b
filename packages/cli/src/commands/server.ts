/** `gong-agent server`: run the self-hostable hosted-mode server. */
import { type CommandSpec, intOption, stringOption } from "../cli/command.js";
import { untilAborted } from "../cli/wait.js";

export const serverCommand: CommandSpec = {
  name: "server",
  summary: "Run the hosted-mode server (holds Gong credentials, executes for agents).",
  positionals: { min: 0, max: 0 },
  description:
    "Serves the hosted API (application tokens, connectors, execute, OAuth connect flow) from a SQLite file.\n" +
    "Gong credentials are encrypted at rest with the key from GONG_AGENT_SERVER_KEY (or a key file);\n" +
    "--dev runs with a generated development key.",
  options: {
    port: { type: "string", valueName: "N", description: "Port to listen on (default 8080)." },
    host: { type: "string", valueName: "HOST", description: "Interface to bind (default 127.0.0.1)." },
    db: {
      type: "string",
      valueName: "FILE",
      description: "SQLite database file (default ./gong-agent-server.db).",
    },
    dev: { type: "boolean", description: "Development mode: allow a generated encryption key." },
  },
  examples: ["gong-agent server --port 8080 --db ./hosted.db", "gong-agent server --dev"],
  run: async (ctx, { values }) => {
    const port = intOption(values, "port", { max: 65535 }) ?? 8080;
    const db = stringOption(values, "db") ?? "gong-agent-server.db";
    const host = stringOption(values, "host") ?? "127.0.0.1";
    const moduleName = "@gong-agent/server";
    const server = (await import(moduleName)) as {
      startServer: (options: Record<string, unknown>) => Promise<{ url: string; close: () => Promise<void> }>;
    };
    const running = await server.startServer({
      port,
      host,
      dbPath: db,
      dev: values.dev === true,
      env: ctx.io.env,
    });
    ctx.onCleanup(() => running.close());
    ctx.info(`gong-agent server listening on ${running.url} (database ${db}). Press Ctrl+C to stop.`);
    await untilAborted(ctx.signal);
  },
};
