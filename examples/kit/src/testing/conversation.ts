/** What every example prints when it runs the scripted conversation (see `gongScript`). */
import { startSandbox } from "@gong-agent/sandbox";
import { expect, it } from "vitest";
import { QUESTION } from "../script.js";
import { runExample } from "./run.js";

/**
 * Runs the example offline (no OpenAI key, no Gong credentials) and checks that it started its own
 * sandbox. Returns the printed lines for the framework's own checks and `expectScriptedConversation`.
 */
export async function runOffline(root: string, entry: string): Promise<string[]> {
  const lines = (await runExample(root, entry)).trim().split("\n");
  expect(lines[0]).toMatch(/^gong: sandbox at http:\/\/127\.0\.0\.1:\d+/);
  return lines;
}

/** The three tool calls of the script, each followed by its result, then the answer built from them. */
export function expectScriptedConversation(lines: string[]): void {
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
    .map((line) => line.split(":")[0]);
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
}

/**
 * Runs the example with GONG_* credentials for a sandbox standing in for a real Gong tenant: the
 * example must use it exactly like one (no sandbox of its own) and never print the secret.
 */
export async function expectUsesConfiguredGong(root: string, entry: string): Promise<void> {
  const tenant = await startSandbox({ seed: 9, rateLimit: false });
  try {
    const stdout = await runExample(root, entry, {
      GONG_ACCESS_KEY: tenant.accessKey,
      GONG_ACCESS_KEY_SECRET: tenant.accessKeySecret,
      GONG_BASE_URL: tenant.url,
    });
    expect(stdout.split("\n")[0]).toBe("gong: your Gong account");
    expect(stdout).toMatch(/answer: Gong has [1-9]\d* users/);
    expect(tenant.requests.forPath("/v2/users").length).toBeGreaterThan(0);
    expect(stdout).not.toContain(tenant.accessKeySecret);
  } finally {
    await tenant.close();
  }
}

export interface ExampleRunOptions {
  /** The example's folder. */
  root: string;
  /** What `pnpm start` runs, e.g. `src/main.ts`. */
  entry: string;
  /** The framework's own lines, printed offline between the `gong:` line and the question. */
  header: string[];
  /** What the offline run goes through, for the test's name (e.g. "MCP server over stdio, scripted model"). */
  loop: string;
}

/**
 * The two runs every example is tested with: offline (its own sandbox, its framework's scripted
 * model, the whole scripted conversation) and against the Gong its GONG_* credentials name.
 */
export function exampleRunTests({ root, entry, header, loop }: ExampleRunOptions): void {
  it(`runs offline: sandbox, ${loop}, answer`, async () => {
    const lines = await runOffline(root, entry);
    expect(lines.slice(1, header.length + 2)).toEqual([...header, `user: ${QUESTION}`]);
    expectScriptedConversation(lines);
  });

  it("uses the Gong named by GONG_* credentials instead of starting its own sandbox", async () => {
    await expectUsesConfiguredGong(root, entry);
  });
}
