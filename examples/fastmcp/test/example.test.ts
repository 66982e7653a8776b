/** Runs the example as a user would (`pnpm start`, offline) and checks the steps it printed. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

it("runs offline: sandbox, MCP server over stdio, scripted model, answer", async () => {
  // Only what the example needs: no OpenAI key and no Gong credentials, so it must run offline.
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  const { stdout } = await run(process.execPath, ["--import", "tsx", "src/client.ts"], {
    cwd: root,
    env,
    timeout: 80_000,
  });
  const lines = stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^gong: sandbox at http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toContain("tools/list: gong_execute (readOnly: true)");
  expect(stdout).toContain("model: scripted model (offline)");

  const calls = lines.filter((line) => line.startsWith("tool call: "));
  expect(calls.map((line) => JSON.parse(line.slice(line.indexOf("{"))))).toMatchObject([
    { entity: "users", action: "list" },
    { entity: "calls", action: "list" },
    { entity: "call_transcripts", action: "list" },
  ]);
  const results = lines.filter((line) => line.startsWith("tool result"));
  expect(results).toHaveLength(3);
  for (const result of results) expect(result).toMatch(/^tool result: [1-9]\d* records/);

  const answer = lines.find((line) => line.startsWith("answer: "));
  expect(answer).toMatch(
    /Gong has [1-9]\d* users and [1-9]\d* calls in the last 7 days\. The most recent, ".+", opened with: ".+"/,
  );
});
