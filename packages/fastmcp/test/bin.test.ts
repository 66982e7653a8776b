/** The `gong-mcp` command line: help, and clear exits when it cannot serve. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers/stdio-server.js";

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ...env },
    encoding: "utf8",
    input: "",
    timeout: 15_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("gong-mcp", () => {
  it("prints usage with --help on stderr, keeping stdout for the protocol", () => {
    const { status, stdout, stderr } = run(["--help"]);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: gong-mcp");
    expect(stderr).toContain("GONG_ACCESS_KEY");
  });

  it("exits 2 and says which variables to set when no credentials are given", () => {
    const { status, stdout, stderr } = run([]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/No Gong credentials/);
    expect(stderr).toContain("GONG_ACCESS_KEY_SECRET");
    expect(stderr).toContain("GONG_REFRESH_TOKEN");
  });

  it("names the missing half of an access key pair without echoing the other half", () => {
    const { status, stderr } = run([], { GONG_ACCESS_KEY: "AKEY-visible-id" });
    expect(status).toBe(2);
    expect(stderr).toContain("GONG_ACCESS_KEY_SECRET is not set");
    const secretOnly = run([], { GONG_ACCESS_KEY_SECRET: "s3cr3t-value-never-printed" });
    expect(secretOnly.status).toBe(2);
    expect(secretOnly.stderr).toContain("GONG_ACCESS_KEY is not set");
    expect(secretOnly.stderr).not.toContain("s3cr3t-value-never-printed");
  });

  it("refuses a bad --http port and unknown flags with exit 1", () => {
    const badPort = run(["--http", "eighty"], { GONG_ACCESS_KEY: "a", GONG_ACCESS_KEY_SECRET: "b" });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain("--http needs a port number");
    const unknown = run(["--bogus"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Usage: gong-mcp");
  });
});
