import type { CatalogDescription, ParamDoc } from "@gong-agent/core";
import { describe, expect, it } from "vitest";
import { oneToolPerOperation, paramsSchema } from "../src/measures/tool-per-operation.js";

const param = (name: string, type: string, extra: Partial<ParamDoc> = {}): ParamDoc => ({
  name,
  type,
  required: false,
  location: "body",
  ...extra,
});

describe("paramsSchema", () => {
  it("nests dotted parameters into object schemas with their details", () => {
    const schema = paramsSchema([
      param("filter", "object", { required: true }),
      param("filter.fromDateTime", "string", { format: "date-time", description: "Start", required: true }),
      param("filter.callIds", "string[]"),
      param("cursor", "string"),
      param("kind", "string", { enum: ["a", "b"] }),
    ]);
    expect(schema).toEqual({
      type: "object",
      required: ["filter"],
      properties: {
        filter: {
          type: "object",
          required: ["fromDateTime"],
          properties: {
            fromDateTime: { type: "string", format: "date-time", description: "Start" },
            callIds: { type: "array", items: { type: "string" } },
          },
        },
        cursor: { type: "string" },
        kind: { type: "string", enum: ["a", "b"] },
      },
    });
  });

  it("refuses a child listed before its parent", () => {
    expect(() => paramsSchema([param("filter.x", "string")])).toThrow(/before its parent filter/);
  });
});

describe("oneToolPerOperation", () => {
  it("makes one tool per read operation and leaves writes out", () => {
    const action = (name: string, access: "read" | "write") => ({
      action: name,
      kind: "list" as const,
      method: "GET",
      path: "/v2/x",
      hint: `${name} hint`,
      scopes: [],
      access,
      destructive: false,
      spendsCredits: false,
      cursor: "query" as const,
      params: [param("cursor", "string")],
    });
    const catalog: CatalogDescription = {
      entities: [
        { entity: "users", actions: [action("list", "read"), action("get", "read")] },
        { entity: "calls", actions: [action("create", "write")] },
      ],
    };
    const tools = oneToolPerOperation(catalog);
    expect(tools.map((tool) => tool.name)).toEqual(["users_list", "users_get"]);
    expect(tools[0]!.description).toBe("list hint");
    expect(tools[0]!.schema.properties["cursor"]).toEqual({ type: "string" });
  });
});
