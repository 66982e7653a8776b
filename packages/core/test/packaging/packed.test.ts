/**
 * The published tarball works on its own: `pnpm pack` of this package, installed with npm into a fresh
 * ESM project outside the workspace, imports at run time and typechecks under NodeNext resolution.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

describe("packed @gong-agent/core in a fresh ESM project", () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "gong-core-packed-"));
    const { stdout } = await run("pnpm", ["pack", "--pack-destination", project], { cwd: packageDir });
    const tarball = stdout.trim().split("\n").at(-1)!.trim();
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "fresh", private: true, type: "module" }),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball], {
      cwd: project,
      timeout: 300_000,
    });
  }, 320_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("imports GongConnector at run time", async () => {
    await writeFile(
      join(project, "main.mjs"),
      [
        'import { GongConnector, GongValidationError } from "@gong-agent/core";',
        'const gong = new GongConnector({ auth: { accessKey: "k", accessKeySecret: "s" }, rateLimit: false });',
        "const { entities } = gong.describe();",
        "console.log(JSON.stringify({ entities: entities.map((e) => e.entity), error: typeof GongValidationError }));",
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, ["main.mjs"], { cwd: project });
    const printed = JSON.parse(stdout);
    expect(printed.error).toBe("function");
    expect(printed.entities).toEqual(expect.arrayContaining(["calls", "users", "call_transcripts"]));
  });

  it("resolves its types under NodeNext: good code compiles, a wrong entity does not", async () => {
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ["check.ts"],
      }),
    );
    const good = [
      'import { GongConnector, type GongError } from "@gong-agent/core";',
      'const gong = new GongConnector({ auth: { accessKey: "k", accessKeySecret: "s" } });',
      "export async function firstCallTitle(): Promise<string | undefined> {",
      '  const page = await gong.execute("calls", "list", { fromDateTime: "2026-01-01T00:00:00Z" });',
      "  return page.data[0]?.title ?? undefined;",
      "}",
      "export type E = GongError;",
    ].join("\n");
    await writeFile(join(project, "check.ts"), good);
    await run(process.execPath, [tsc, "-p", "."], { cwd: project });

    await writeFile(
      join(project, "check.ts"),
      `${good}\nexport const bad = () => gong.execute("no_such_entity", "list", {});\n`,
    );
    const failure = await run(process.execPath, [tsc, "-p", "."], { cwd: project }).then(
      () => undefined,
      (error: { stdout: string }) => error.stdout,
    );
    expect(failure).toMatch(/no_such_entity/);
  });
});
