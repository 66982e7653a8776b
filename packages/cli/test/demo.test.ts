import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { GONG_AGENT_CONFIG: `${tmp.dir}/config.json` };

describe("gong-agent demo", () => {
  it("walks through the main job against the embedded sandbox and exits 0", async () => {
    const r = await runCli(["demo"], { env, timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("embedded Gong sandbox");
    expect(r.stdout).toMatch(/\d+ entities, \d+ operations/);
    expect(r.stdout).toMatch(/\d+ users, e\.g\. /);
    expect(r.stdout).toMatch(/page 2: \d+ calls/);
    expect(r.stdout).toMatch(/\d+ calls fetched in \d+ pages/);
    // Transcript lines carry a time and a speaker's name, not a bare speaker id.
    expect(r.stdout).toMatch(/\[\d\d:\d\d\] [A-Z][a-z]+ [A-Z][a-z]+( \(external\))?: /);
    expect(r.stdout).toContain("Activity stats");
    expect(r.stdout).toMatch(/Done in [\d.]+ s/);
  });
});

describe("gong-agent demo with credentials", () => {
  it("uses the configured Gong instead of starting a sandbox", async () => {
    // Credentials pointing at nothing: the demo must try them (and fail), not fall back to a sandbox.
    const r = await runCli(["demo"], {
      env: {
        ...env,
        GONG_BASE_URL: "http://127.0.0.1:9",
        GONG_ACCESS_KEY: "k",
        GONG_ACCESS_KEY_SECRET: "s3cr3t-value",
      },
      timeoutMs: 60_000,
    });
    expect(r.stdout).toContain("real Gong at http://127.0.0.1:9");
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain("s3cr3t-value");
  });
});
