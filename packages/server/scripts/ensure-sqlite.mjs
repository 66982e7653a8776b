// The workspace installs better-sqlite3 without running its build (pnpm-workspace.yaml `allowBuilds`), because
// node-gyp run by pnpm downloads Node's headers and so fails on a machine without internet access. This
// builds the native addon on first need instead, pointing node-gyp at the headers that ship with the running
// Node when they are there. Quick when the addon already loads. (Installs from npm build it as usual.)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

function loads() {
  try {
    const Database = require("better-sqlite3");
    new Database(":memory:").close();
    return true;
  } catch {
    return false;
  }
}

if (!loads()) {
  const packageDir = dirname(require.resolve("better-sqlite3/package.json"));
  const env = { ...process.env };
  const prefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(prefix, "include", "node", "node.h"))) {
    env.npm_config_nodedir = prefix;
  }
  console.error("Building better-sqlite3's native addon (once)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "install", "--silent"], { cwd: packageDir, env, stdio: "inherit" });
  if (result.status !== 0 || !loads()) {
    console.error(
      "Could not build better-sqlite3 (needed by @gong-agent/server). It needs python3, make and a C++ compiler, " +
        "and Node's headers (set npm_config_nodedir to a Node install that has include/node).",
    );
    process.exit(1);
  }
}
