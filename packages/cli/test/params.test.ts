import { describe, expect, it } from "vitest";
import { parseFields, project } from "../src/params/fields.js";
import { buildParams, parseValue } from "../src/params/params.js";

describe("--param values", () => {
  it("reads JSON values and keeps long ids and plain text as exact strings", () => {
    expect(parseValue("true")).toBe(true);
    expect(parseValue("42")).toBe(42);
    expect(parseValue('["a","b"]')).toEqual(["a", "b"]);
    expect(parseValue("7782342274025937895")).toBe("7782342274025937895");
    expect(parseValue("2024-05-01")).toBe("2024-05-01");
    expect(parseValue("2024-05-01T00:00:00Z")).toBe("2024-05-01T00:00:00Z");
    expect(parseValue('"123"')).toBe("123");
  });

  it("sets dotted keys on top of --params and refuses conflicts", async () => {
    const params = await buildParams('{"filter":{"fromDate":"2024-01-01"},"x":1}', [
      "filter.toDate=2024-02-01",
      "y.z=[1]",
    ]);
    expect(params).toEqual({ filter: { fromDate: "2024-01-01", toDate: "2024-02-01" }, x: 1, y: { z: [1] } });
    await expect(buildParams('{"a":1}', ["a.b=2"])).rejects.toThrow(/already holds a value/);
    await expect(buildParams(undefined, ["novalue"])).rejects.toThrow(/not key=value/);
    await expect(buildParams(undefined, ["__proto__.x=1"])).rejects.toThrow(/not allowed/);
    await expect(buildParams("[1]", [])).rejects.toThrow(/JSON object/);
  });
});

describe("--fields", () => {
  it("keeps the listed paths, through arrays, and drops everything else", () => {
    const tree = parseFields("metaData.id,parties.name,missing");
    const record = {
      metaData: { id: "1", title: "t" },
      parties: [
        { name: "A", email: "a@x" },
        { name: "B", email: "b@x" },
      ],
      content: { brief: "…" },
    };
    expect(project(record, tree)).toEqual({ metaData: { id: "1" }, parties: [{ name: "A" }, { name: "B" }] });
    expect(project([record], parseFields("content"))).toEqual([{ content: { brief: "…" } }]);
  });
});
