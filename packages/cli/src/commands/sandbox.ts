/** `gong-agent sandbox`: a local Gong API with seeded data, until Ctrl+C. */
import { type CommandSpec, intOption, stringOption } from "../cli/command.js";
import { untilAborted } from "../cli/wait.js";
import { startEmbeddedSandbox } from "../connector/sandbox.js";

export const sandboxCommand: CommandSpec = {
  name: "sandbox",
  summary: "Start a local Gong sandbox, print its URL and credentials, run until Ctrl+C.",
  positionals: { min: 0, max: 0 },
  description:
    "Starts a local emulator of Gong's API v2 with deterministic seeded data (users, calls, transcripts, stats,\n" +
    "scorecards…), Gong's pagination, errors, rate limits and single-use OAuth refresh tokens. Its credentials\n" +
    "are made up for the sandbox, so they are printed. Point any Gong client (or gong-agent, via the printed\n" +
    "environment variables) at it.",
  options: {
    port: { type: "string", valueName: "N", description: "Port to listen on (default: a free port)." },
    seed: {
      type: "string",
      valueName: "SEED",
      description: "Seed of the generated data (same seed, same data).",
    },
    "no-rate-limit": {
      type: "boolean",
      description: "Turn off the emulation of Gong's 3 requests/second limit.",
    },
    json: { type: "boolean", description: "Print the URL and credentials as one JSON object on stdout." },
  },
  examples: [
    "gong-agent sandbox",
    "gong-agent sandbox --port 4010 --seed 7",
    "eval \"$(gong-agent sandbox --port 4010 | grep '^export')\"   # in another shell, then gong-agent check",
  ],
  run: async (ctx, { values }) => {
    const port = intOption(values, "port", { max: 65535 });
    const seed = stringOption(values, "seed");
    const sandbox = await startEmbeddedSandbox(ctx, {
      ...(port !== undefined ? { port } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values["no-rate-limit"] ? { rateLimit: false } : {}),
    });
    const o = sandbox.oauth;
    if (values.json) {
      ctx.json({
        url: sandbox.url,
        accessKey: sandbox.accessKey,
        accessKeySecret: sandbox.accessKeySecret,
        oauth: o,
      });
    } else {
      ctx.print(
        [
          `Gong sandbox running at ${sandbox.url}${seed !== undefined ? ` (seed ${seed})` : ""}`,
          "",
          "Access key (for this sandbox only):",
          `export GONG_BASE_URL=${sandbox.url}`,
          `export GONG_ACCESS_KEY=${sandbox.accessKey}`,
          `export GONG_ACCESS_KEY_SECRET=${sandbox.accessKeySecret}`,
          "",
          "OAuth (single-use refresh token):",
          ...Object.entries(o).map(([k, v]) => `  ${k}: ${String(v)}`),
          "",
          "Press Ctrl+C to stop.",
        ].join("\n"),
      );
    }
    await untilAborted(ctx.signal);
    ctx.info("Sandbox stopped.");
  },
};
