// `pnpm start`: the main job. Builds what it needs, then runs the CLI's demo against an embedded
// Gong sandbox (or real Gong when GONG_* credentials are set).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const cli = "packages/cli/dist/bin.js";
if (existsSync("packages/cli/package.json")) {
  run("pnpm", ["exec", "turbo", "run", "build", "--filter=@gong-agent/cli...", "--output-logs=errors-only"]);
  run(process.execPath, [cli, "demo", ...process.argv.slice(2)]);
} else {
  // Until the CLI lands, the best real thing is building and testing the core package.
  run("pnpm", ["exec", "turbo", "run", "build", "test", "--filter=@gong-agent/core", "--output-logs=errors-only"]);
  console.log("@gong-agent/core built and tested.");
}
