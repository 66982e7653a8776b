/**
 * `@gong-agent/server` (and its native better-sqlite3) is an optional peer of the CLI: the packed CLI does
 * not depend on it, every other command works without it, and `gong-agent server` says how to install it.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../src/cli/errors.js";
import { loadServer } from "../src/server/load.js";

const run = promisify(execFile);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const INSTALL = "install @gong-agent/server next to the CLI: npm i -g @gong-agent/server";

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

describe("loading @gong-agent/server", () => {
  it("turns a missing package into an install instruction (exit 1)", async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@gong-agent/server' imported from /x/dist/server/load.js"),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    const error = await loadServer(() => Promise.reject(missing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(/needs @gong-agent\/server, which is not installed/);
    expect((error as CliError).hint).toContain(INSTALL);
  });

  it("reports an installed but broken server (e.g. its native module) with the cause", async () => {
    const broken = Object.assign(new Error("Could not locate the bindings file for better_sqlite3.node"), {
      code: "ERR_DLOPEN_FAILED",
    });
    const error = await loadServer(() => Promise.reject(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toContain("installed but could not be loaded");
    expect((error as CliError).message).toContain("better_sqlite3.node");
    expect((error as CliError).hint).toContain("npm i -g @gong-agent/server");
  });

  it("returns the module when it is installed", async () => {
    const server = await loadServer();
    expect(typeof server.startServer).toBe("function");
  });
});

describe("the packed CLI without @gong-agent/server", () => {
  let project: string;
  let packed: PackageJson;
  let bin: string;

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), "gong-cli-packed-"));
    const { stdout } = await run("pnpm", ["pack", "--pack-destination", project], { cwd: packageDir });
    const tarball = stdout.trim().split("\n").at(-1)!.trim();
    // Install it by hand, as npm would without optional peers: the CLI plus its dependencies, no server.
    const cliDir = join(project, "node_modules", "@gong-agent", "cli");
    mkdirSync(cliDir, { recursive: true });
    await run("tar", ["-xzf", tarball, "-C", cliDir, "--strip-components=1"]);
    packed = JSON.parse(readFileSync(join(cliDir, "package.json"), "utf8")) as PackageJson;
    for (const dep of Object.keys(packed.dependencies ?? {})) {
      const target = join(project, "node_modules", dep);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(realpathSync(join(packageDir, "node_modules", dep)), target, "dir");
    }
    bin = join(cliDir, "dist", "bin.js");
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it("declares @gong-agent/server only as an optional peer", () => {
    expect(packed.dependencies).not.toHaveProperty("@gong-agent/server");
    expect(packed.peerDependencies?.["@gong-agent/server"]).toMatch(/^\^?\d+\.\d+\.\d+/);
    expect(packed.peerDependenciesMeta?.["@gong-agent/server"]?.optional).toBe(true);
    expect(JSON.stringify(packed.dependencies)).not.toContain("better-sqlite3");
  });

  it("runs other commands, and `server` says how to install the missing package", async () => {
    const describeRun = await run(process.execPath, [bin, "describe", "--json"], { cwd: project });
    expect(JSON.parse(describeRun.stdout)).toBeTruthy();

    const server = await run(process.execPath, [bin, "server", "--dev"], { cwd: project }).then(
      () => {
        throw new Error("`gong-agent server` succeeded without @gong-agent/server");
      },
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(server.code).toBe(1);
    expect(server.stdout).toBe("");
    expect(server.stderr).toContain("needs @gong-agent/server, which is not installed");
    expect(server.stderr).toContain(INSTALL);
  });
});
