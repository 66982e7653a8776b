/** Runs the example as a user would (`pnpm start`, offline) and checks the steps it printed. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandbox } from "@gong-agent/sandbox";
import { expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

it("runs offline: sandbox, the framework's agent loop with its scripted model, answer", async () => {
  // No OpenAI key and no Gong credentials: the example must run offline.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env,
    timeout: 80_000,
  });
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^gong: sandbox at http:\/\/127\.0\.0\.1:\d+/);
  expect(lines[1]).toMatch(/^model: .*\(offline\)$/);

  const calls = lines.filter((line) => line.startsWith("tool call: "));
  expect(calls.map((line) => JSON.parse(line.slice(line.indexOf("{"))))).toMatchObject([
    { entity: "users", action: "list" },
    { entity: "calls", action: "list" },
    { entity: "call_transcripts", action: "list" },
  ]);
  const results = lines.filter((line) => line.startsWith("tool result"));
  expect(results).toHaveLength(3);
  for (const result of results) expect(result).toMatch(/^tool result: [1-9]\d* records/);

  // Steps come in order: each call is followed by its result, and the answer comes last.
  const steps = lines
    .filter((line) => /^(tool call|tool result|answer)/.test(line))
    .map((l) => l.split(":")[0]);
  expect(steps).toEqual([
    "tool call",
    "tool result",
    "tool call",
    "tool result",
    "tool call",
    "tool result",
    "answer",
  ]);
  expect(lines.at(-1)).toMatch(
    /^answer: Gong has [1-9]\d* users and [1-9]\d* calls in the last 7 days\. The most recent, ".+", opened with: ".+"$/,
  );
});

it("uses the Gong named by GONG_* credentials instead of starting its own sandbox", async () => {
  // A sandbox stands in for a real Gong tenant: the example must treat it exactly like one.
  const tenant = await startSandbox({ seed: 9, rateLimit: false });
  try {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      GONG_ACCESS_KEY: tenant.accessKey,
      GONG_ACCESS_KEY_SECRET: tenant.accessKeySecret,
      GONG_BASE_URL: tenant.url,
    };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env,
      timeout: 80_000,
    });
    expect(stdout.split("\n")[0]).toBe("gong: your Gong account");
    expect(stdout).toMatch(/answer: Gong has [1-9]\d* users/);
    expect(tenant.requests.forPath("/v2/users").length).toBeGreaterThan(0);
    expect(stdout).not.toContain(tenant.accessKeySecret);
  } finally {
    await tenant.close();
  }
});
