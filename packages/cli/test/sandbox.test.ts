import { afterAll, describe, expect, it } from "vitest";
import { collect, parseJson, runCli, spawnCli, tempDir, waitForOutput } from "./helpers.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const env = { GONG_AGENT_CONFIG: `${tmp.dir}/config.json` };

describe("gong-agent sandbox", () => {
  it("prints URL and credentials, serves until SIGINT, then exits 0", async () => {
    const child = spawnCli(["sandbox", "--json", "--seed", "3"], { env });
    const done = collect(child, { timeoutMs: 30_000 });
    const out = (await waitForOutput(child, "stdout", /^\{[\s\S]*\n\}\n/))[0];
    const info = parseJson<{
      url: string;
      accessKey: string;
      accessKeySecret: string;
      oauth: { refreshToken: string };
    }>(out);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.oauth.refreshToken).toBeTruthy();
    // The printed credentials work against the printed URL, from another process.
    const check = await runCli(["check"], {
      env: {
        ...env,
        GONG_BASE_URL: info.url,
        GONG_ACCESS_KEY: info.accessKey,
        GONG_ACCESS_KEY_SECRET: info.accessKeySecret,
      },
    });
    expect(check.code, check.stderr).toBe(0);
    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Sandbox stopped.");
  });
});
