// Sums vitest's JSON reports of every package and prints the plain totals line CI reads.
// Exits non-zero when no test ran or any failed, so an empty run can never pass.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = ["packages", "examples"];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const root of roots) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const file = join(root, name, "reports", "vitest.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A suite that failed to load has no failing test but still failed.
    failed += (report.testResults ?? []).filter(
      (suite) => suite.status === "failed" && (suite.assertionResults ?? []).length === 0,
    ).length;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
