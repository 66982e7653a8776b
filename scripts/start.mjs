// `pnpm start`: the main job. Builds the CLI and what it depends on, then runs `gong-agent demo`:
// against an embedded Gong sandbox with seeded data, or against real Gong when GONG_* credentials
// (or a `gong-agent login`) are configured. Extra arguments go to the demo, e.g. `pnpm start --days 60`.
import { spawnSync } from "node:child_process";

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (result.error) {
    console.error(`Could not run ${cmd}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.error("Building @gong-agent/cli and its dependencies (cached after the first run)…");
run("pnpm", ["exec", "turbo", "run", "build", "--filter=@gong-agent/cli...", "--output-logs=errors-only"]);
process.env.GONG_AGENT_COMMAND ??= "node packages/cli/dist/bin.js";
run(process.execPath, ["packages/cli/dist/bin.js", "demo", ...process.argv.slice(2)]);
