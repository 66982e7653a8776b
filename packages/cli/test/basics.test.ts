import { afterAll, describe, expect, it } from "vitest";
import { parseJson, runCli, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { GONG_AGENT_CONFIG: `${tmp.dir}/config.json` };

const commandPaths = [
  "execute",
  "describe",
  "check",
  "export",
  "mcp",
  "sandbox",
  "login",
  "logout",
  "demo",
  "connectors",
  "connectors create",
  "connectors list",
  "connectors describe",
  "connectors execute",
  "connectors delete",
  "organizations",
  "organizations use",
  "server",
];

describe("help and usage", () => {
  it("prints the command list with --help and exits 0", async () => {
    const r = await runCli(["--help"], { env });
    expect(r.code).toBe(0);
    for (const name of ["execute", "describe", "check", "export", "mcp", "sandbox", "login", "connectors"]) {
      expect(r.stdout).toContain(`  ${name}`);
    }
    expect(r.stdout).toContain("Exit codes: 0 ok, 1 error, 2 auth, 3 not found, 4 validation");
  });

  it.each(commandPaths)("has --help for `%s`", async (path) => {
    const r = await runCli([...path.split(" "), "--help"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: gong-agent ${path}`);
    expect(r.stdout).toContain("--json-errors");
    expect(r.stderr).toBe("");
  });

  it("refuses an unknown command with exit 4 and the list of commands", async () => {
    const r = await runCli(["exeucte", "users", "list"], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Unknown command "exeucte"');
    expect(r.stderr).toContain("execute");
    expect(r.stdout).toBe("");
  });

  it("refuses an unknown flag with exit 4, as JSON with --json-errors", async () => {
    const r = await runCli(["execute", "users", "list", "--bogus", "--json-errors"], { env });
    expect(r.code).toBe(4);
    const report = parseJson(r.stderr.trim());
    expect(report).toMatchObject({ type: "validation", name: "UsageError", exitCode: 4, retryable: false });
    expect(String(report.message)).toContain("--bogus");
  });

  it("refuses missing arguments with exit 4", async () => {
    const r = await runCli(["execute", "users"], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("<entity> <action>");
  });

  it("says clearly that credentials are missing and how to fix it (exit 2)", async () => {
    const r = await runCli(["execute", "users", "list"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No Gong credentials found.");
    expect(r.stderr).toContain("gong-agent login");
    expect(r.stderr).toContain("GONG_ACCESS_KEY");
    expect(r.stderr).toContain("--sandbox");
    const json = await runCli(["check", "--json-errors"], { env });
    expect(json.code).toBe(2);
    expect(parseJson(json.stderr.trim())).toMatchObject({
      type: "auth",
      name: "MissingCredentialsError",
      exitCode: 2,
    });
  });

  it("prints the version", async () => {
    const r = await runCli(["--version"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("describe (no credentials needed)", () => {
  it("prints the catalog for people", async () => {
    const r = await runCli(["describe"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ entities, \d+ operations/);
    expect(r.stdout).toMatch(/calls\s+list\(/);
    expect(r.stdout).toMatch(/call_transcripts\s+list\(/);
  });

  it("prints one entity's parameters", async () => {
    const r = await runCli(["describe", "call_transcripts"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("call_transcripts list  (POST /v2/calls/transcript)");
    expect(r.stdout).toContain("callIds");
  });

  it("prints JSON with --json", async () => {
    const r = await runCli(["describe", "users", "--json"], { env });
    expect(r.code).toBe(0);
    const doc = parseJson<{ entities: { entity: string; actions: { action: string }[] }[] }>(r.stdout);
    expect(doc.entities).toHaveLength(1);
    expect(doc.entities[0]!.entity).toBe("users");
    expect(doc.entities[0]!.actions.map((a) => a.action)).toEqual(expect.arrayContaining(["list", "get"]));
  });

  it("answers an unknown entity with exit 4 and the valid names", async () => {
    const r = await runCli(["describe", "cals", "--json-errors"], { env });
    expect(r.code).toBe(4);
    const report = parseJson<{ validValues: string[]; message: string }>(r.stderr.trim());
    expect(report.message).toContain('Unknown entity "cals"');
    expect(report.validValues).toEqual(expect.arrayContaining(["calls", "users", "call_transcripts"]));
  });
});
