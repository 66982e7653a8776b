import { defineConfig } from "vitest/config";

/**
 * Test settings every package shares. Besides the console summary, each run writes
 * `reports/vitest.json`, from which `.ci/run` sums the totals over all packages.
 */
export function packageTestConfig(overrides: { testTimeout?: number; include?: string[] } = {}) {
  return defineConfig({
    test: {
      include: overrides.include ?? ["test/**/*.test.ts"],
      testTimeout: overrides.testTimeout ?? 20_000,
      hookTimeout: 30_000,
      reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
      env: { GONG_AGENT_LOG: "" },
    },
  });
}
