/**
 * The published shape works: core and the three adapters, packed with `pnpm pack`, installed with
 * their frameworks (the exact versions this repository pins) from the registry into a fresh project
 * outside the workspace, run in each framework's agent loop against the sandbox.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = resolve(here, "../..");
const PACKED = ["core", "langchain", "openai-agents", "ai-sdk"] as const;

async function pinned(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packagesDir, "adapter-tests/package.json"), "utf8"));
  const version = manifest.devDependencies[name];
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${name} is not pinned exactly: ${version}`);
  return `${name}@${version}`;
}

interface LoopReport {
  framework: string;
  failed?: string;
  results?: Array<{ content: string; isError: boolean | undefined }>;
  artifactRecords?: number;
  finalText?: string;
}

describe("packed tarballs in a fresh project", () => {
  let project: string;
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let reports: Map<string, LoopReport>;
  let userCount: number;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "gong-agent-packed-"));
    sandbox = await startSandbox({ seed: 7, rateLimit: false });
    const tarballs: Record<string, string> = {};
    for (const name of PACKED) {
      const { stdout } = await run("pnpm", ["pack", "--pack-destination", project], {
        cwd: join(packagesDir, name),
      });
      const file = stdout.trim().split("\n").at(-1)!.trim();
      tarballs[name] = `file:${file.startsWith("/") ? file : join(project, file)}`;
    }
    const dependencies = {
      "@gong-agent/core": tarballs["core"],
      "@gong-agent/langchain": tarballs["langchain"],
      "@gong-agent/openai-agents": tarballs["openai-agents"],
      "@gong-agent/ai-sdk": tarballs["ai-sdk"],
    };
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({
        name: "packed-check",
        private: true,
        type: "module",
        dependencies,
        overrides: dependencies,
      }),
    );
    await copyFile(join(here, "fixtures/packed-project/agent-loops.mjs"), join(project, "agent-loops.mjs"));
    const frameworks = await Promise.all(
      ["@langchain/core", "langchain", "@openai/agents", "ai", "zod"].map((name) => pinned(name)),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...frameworks], {
      cwd: project,
      timeout: 600_000,
    });
    const users = await fetch(new URL("/v2/users", sandbox.url), {
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.accessKey}:${sandbox.accessKeySecret}`).toString("base64")}`,
      },
    });
    userCount = Math.min(((await users.json()) as { users: unknown[] }).users.length, 100);
    const { stdout } = await run("node", ["agent-loops.mjs"], {
      cwd: project,
      timeout: 120_000,
      env: {
        ...process.env,
        GONG_BASE_URL: sandbox.url,
        GONG_ACCESS_KEY: sandbox.accessKey,
        GONG_ACCESS_KEY_SECRET: sandbox.accessKeySecret,
      },
    });
    reports = new Map(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as LoopReport)
        .map((report) => [report.framework, report]),
    );
  }, 900_000);

  afterAll(async () => {
    await sandbox?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("installed the adapters from tarballs, not from the workspace", async () => {
    const installed = JSON.parse(
      await readFile(join(project, "node_modules/@gong-agent/langchain/package.json"), "utf8"),
    );
    expect(installed.dependencies["@gong-agent/core"]).not.toContain("workspace");
    expect(resolve(project, "node_modules/@gong-agent/core")).not.toContain(packagesDir);
  });

  for (const framework of ["langchain", "openai-agents", "ai-sdk"]) {
    it(`${framework}: the agent loop lists users, recovers from an unknown entity and finishes`, () => {
      const report = reports.get(framework);
      expect(report?.failed).toBeUndefined();
      const [users, unknown] = report!.results!;
      const listed = JSON.parse(users!.content) as { data: unknown[] };
      expect(listed.data).toHaveLength(userCount);
      expect(users!.isError).not.toBe(true);
      expect(unknown!.content).toContain("people");
      expect(unknown!.content).toContain("call_transcripts");
      if (framework !== "openai-agents") expect(unknown!.isError).toBe(true);
      expect(report!.finalText).toBe("done");
      if (framework === "langchain") expect(report!.artifactRecords).toBe(userCount);
      const everything = JSON.stringify(report);
      expect(everything).not.toContain(sandbox.accessKeySecret);
    });
  }
});
