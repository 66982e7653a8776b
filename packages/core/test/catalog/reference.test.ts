/** REFERENCE.md is generated from the catalog; this test fails when the committed file is stale. */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listOperations } from "../../src/catalog/index.js";
import { renderReference } from "../../src/catalog/reference.js";

const file = fileURLToPath(new URL("../../REFERENCE.md", import.meta.url));

describe("REFERENCE.md", () => {
  it("matches the catalog", () => {
    const expected = renderReference();
    if (process.env["UPDATE_REFERENCE"] === "1") writeFileSync(file, expected);
    const actual = readFileSync(file, "utf8");
    expect(actual, "REFERENCE.md is stale: run UPDATE_REFERENCE=1 pnpm test in packages/core").toBe(expected);
  });

  it("is counted right in the README", () => {
    const entities = new Set(listOperations().map((o) => o.entity)).size;
    const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    expect(readme).toContain(`${listOperations().length} operations over ${entities} entities`);
  });

  it("documents every operation", () => {
    const text = renderReference();
    for (const { entity, action, spec } of listOperations()) {
      expect(text).toContain(`### ${entity} ${action}\n`);
      expect(text).toContain(`\`${spec.method} ${spec.path}\``);
    }
  });
});
