import { readFileSync, statSync } from "node:fs";
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJson, runCli, tempDir } from "./helpers.js";

let sandbox: Sandbox;
const tmp = tempDir();

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, dataSize: "small", rateLimit: false });
});

afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

describe("login", () => {
  it("stores an access key read from stdin in a 0600 file, prints no secret, and the next command uses it", async () => {
    const config = `${tmp.dir}/xdg/gong-agent/config.json`;
    const env = { XDG_CONFIG_HOME: `${tmp.dir}/xdg` };
    const r = await runCli(["login", "--base-url", sandbox.url], {
      env,
      input: `${sandbox.accessKey}\n${sandbox.accessKeySecret}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Saved access key credentials to ${config}`);
    expect(r.stdout + r.stderr).not.toContain(sandbox.accessKeySecret);
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(statSync(`${tmp.dir}/xdg/gong-agent`).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(config, "utf8"))).toMatchObject({
      gong: {
        type: "access_key",
        accessKey: sandbox.accessKey,
        accessKeySecret: sandbox.accessKeySecret,
        baseUrl: sandbox.url,
      },
    });
    const check = await runCli(["check"], { env });
    expect(check.code, check.stderr).toBe(0);
    expect(parseJson(check.stdout)).toMatchObject({ status: "healthy" });
  });

  it("lets environment variables override the stored credentials", async () => {
    const env = { XDG_CONFIG_HOME: `${tmp.dir}/xdg`, GONG_ACCESS_KEY_SECRET: "not-the-right-secret" };
    const r = await runCli(["check", "--json-errors"], { env });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain("not-the-right-secret");
    expect(r.stdout + r.stderr).not.toContain(sandbox.accessKeySecret);
  });

  it("says which value is missing when stdin runs out", async () => {
    const r = await runCli(["login", "--access-key", "abc"], {
      env: { GONG_AGENT_CONFIG: `${tmp.dir}/none.json` },
      input: "",
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("Gong access key secret");
  });

  it("stores OAuth credentials with --oauth, and logout removes them", async () => {
    const config = `${tmp.dir}/oauth.json`;
    const env = { GONG_AGENT_CONFIG: config };
    const r = await runCli(
      ["login", "--oauth", "--client-id", sandbox.oauth.clientId, "--token-url", sandbox.oauth.tokenUrl],
      {
        env,
        input: `${sandbox.oauth.refreshToken}\n${sandbox.oauth.clientSecret}\n`,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(sandbox.oauth.refreshToken);
    expect(JSON.parse(readFileSync(config, "utf8")).gong).toMatchObject({
      type: "oauth",
      refreshToken: sandbox.oauth.refreshToken,
      clientId: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
    });
    expect((await runCli(["execute", "users", "list", "--limit", "1"], { env })).code).toBe(0);
    expect((await runCli(["logout"], { env })).code).toBe(0);
    expect(JSON.parse(readFileSync(config, "utf8")).gong).toBeUndefined();
    const after = await runCli(["check"], { env });
    expect(after.code).toBe(2);
    expect(after.stderr).toContain("No Gong credentials found.");
  });
});
