/**
 * Every catalog operation builds the request Gong's own OpenAPI document describes: the method and
 * path exist, query parameters vs body fields are where the document puts them, required fields are
 * present, enums match, the cursor goes where Gong reads it, and the records key is in the answer.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { describeOperation } from "../../src/catalog/describe.js";
import { listOperations } from "../../src/catalog/index.js";
import type { OperationSpec } from "../../src/catalog/types.js";
import { LocalExecutor } from "../../src/local-executor.js";
import { dateFormat, elementOf, enumValues, kindOf, shapeOf, unwrap } from "../../src/params/schema.js";
import type { GongRequest } from "../../src/transport/types.js";
import { RecordingClient } from "../connector/recording-client.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../../..");
const openapi = JSON.parse(readFileSync(path.resolve(repoRoot, "../shared/gong/openapi.json"), "utf8"));

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: string[];
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  description?: string;
};

function resolve(schema: Schema | undefined): Schema {
  let current = schema ?? {};
  while (current.$ref) current = openapi.components.schemas[current.$ref.split("/").pop()!];
  return current;
}

function findOperation(
  method: string,
  requestPath: string,
): { template: string; operation: Operation } | undefined {
  for (const [template, operations] of Object.entries(
    openapi.paths as Record<string, Record<string, Operation>>,
  )) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    const operation = operations[method.toLowerCase()];
    if (operation && pattern.test(requestPath)) return { template, operation };
  }
  return undefined;
}

/** A value for a field: every required field, and optional ones too when `full`. */
function sample(name: string, schema: z.ZodType, full: boolean): unknown {
  const kind = kindOf(schema);
  if (kind === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shapeOf(schema))) {
      if (!full && unwrap(field).optional) continue;
      out[key] = sample(key, field, full);
    }
    // Gong refuses callIds together with workspaceId.
    if (Array.isArray(out["callIds"])) delete out["workspaceId"];
    return out;
  }
  if (kind === "array") return [sample(name, elementOf(schema)!, full)];
  if (kind === "enum") return enumValues(schema)![0];
  if (kind === "boolean") return true;
  if (kind === "number") return 1;
  const late = /^to|To[A-Z]|^to$/.test(name) || name.endsWith("To");
  const format = dateFormat(schema);
  if (format === "date") return late ? "2024-02-01" : "2024-01-01";
  if (format === "date-time") return late ? "2024-02-01T00:00:00Z" : "2024-01-01T00:00:00Z";
  if (name === "range") return "bytes=0-99";
  return "123";
}

function answerFor(spec: OperationSpec, request: GongRequest): { data: unknown } {
  if (request.path === "/v2/calls/extensive" && spec.run) {
    return {
      data: {
        requestId: "r",
        records: {},
        calls: [
          {
            metaData: { id: "123" },
            media: { audioUrl: "https://media.invalid/a", videoUrl: "https://media.invalid/v" },
          },
        ],
      },
    };
  }
  return { data: { requestId: "r", records: {}, ...(spec.records ? { [spec.records]: [] } : {}) } };
}

async function requestsOf(
  spec: OperationSpec,
  entity: string,
  action: string,
  params: Record<string, unknown>,
) {
  const client = new RecordingClient((request) => answerFor(spec, request));
  const executor = new LocalExecutor({
    client,
    allowCreditSpend: true,
    now: () => new Date("2024-03-01T12:00:00Z"),
  });
  await executor.execute(entity, action, params);
  return client;
}

function checkBody(value: unknown, schema: Schema, at: string, problems: string[]): void {
  const resolved = resolve(schema);
  if (Array.isArray(value)) {
    if (resolved.type !== "array") problems.push(`${at} is an array, Gong expects ${resolved.type}`);
    for (const item of value) checkBody(item, resolved.items ?? {}, `${at}[]`, problems);
    return;
  }
  if (value !== null && typeof value === "object") {
    const properties = resolved.properties ?? {};
    for (const [key, field] of Object.entries(value)) {
      if (!(key in properties)) problems.push(`${at}.${key} is not a field of Gong's request`);
      else checkBody(field, properties[key]!, `${at}.${key}`, problems);
    }
    for (const key of resolved.required ?? []) {
      if (!(key in value)) problems.push(`${at}.${key} is required by Gong but missing`);
    }
    return;
  }
  if (resolved.enum && typeof value === "string" && !resolved.enum.includes(value)) {
    problems.push(`${at}=${value} is not one of Gong's values ${resolved.enum.join("|")}`);
  }
  if (resolved.type === "boolean" && typeof value !== "boolean") problems.push(`${at} must be a boolean`);
}

function checkRequest(request: GongRequest, problems: string[]): Operation | undefined {
  const found = findOperation(request.method, request.path);
  if (!found) {
    problems.push(`${request.method} ${request.path} is not in Gong's document`);
    return undefined;
  }
  const { operation } = found;
  const queryParams = (operation.parameters ?? []).filter((p) => p.in === "query");
  for (const [key, value] of Object.entries(request.query ?? {})) {
    const declared = queryParams.find((p) => p.name === key);
    if (!declared) {
      problems.push(`query ${key} is not a query parameter of ${found.template}`);
      continue;
    }
    const type = resolve(declared.schema).type;
    if (type === "array" && !Array.isArray(value)) problems.push(`query ${key} must be a list`);
    if (type === "boolean" && typeof value !== "boolean") problems.push(`query ${key} must be a boolean`);
    const values = resolve(declared.schema).enum;
    if (values && !values.includes(String(value))) problems.push(`query ${key}=${String(value)} not in enum`);
  }
  for (const p of queryParams) {
    if (p.required && request.query?.[p.name] === undefined)
      problems.push(`required query ${p.name} missing`);
  }
  const json = operation.requestBody?.content["application/json"];
  if (request.method === "GET") {
    if (request.body !== undefined) problems.push("a GET request must not have a body");
  } else if (json) {
    checkBody(request.body ?? {}, json.schema, "body", problems);
  } else if (request.body !== undefined && Object.keys(request.body as object).length > 0) {
    problems.push("Gong's document declares no JSON body here");
  }
  return operation;
}

const operations = listOperations();

describe("catalog against Gong's OpenAPI document", () => {
  it("covers the Python SDK's 16 entities and 18 operations with the same names", () => {
    const names = new Set(operations.map((o) => `${o.entity}.${o.action}`));
    for (const name of [
      "users.list",
      "users.get",
      "calls.list",
      "calls.get",
      "calls_extensive.list",
      "call_audio.download",
      "call_video.download",
      "call_transcripts.list",
      "workspaces.list",
      "stats_activity_aggregate.list",
      "stats_activity_day_by_day.list",
      "stats_interaction.list",
      "stats_activity_scorecards.list",
      "settings_scorecards.list",
      "settings_trackers.list",
      "library_folders.list",
      "library_folder_content.list",
      "coaching.list",
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it("covers every read operation of the document (GETs and read-only POSTs)", () => {
    const readOnlyPosts = [
      "/v2/calls/extensive",
      "/v2/calls/transcript",
      "/v2/users/extensive",
      "/v2/stats/activity/aggregate",
      "/v2/stats/activity/aggregate-by-period",
      "/v2/stats/activity/day-by-day",
      "/v2/stats/activity/scorecards",
      "/v2/stats/interaction",
      "/v2/calls/users-access",
      "/v2/flows/prospects",
      "/v2/flows/steps",
      "/v2/tasks",
      "/v2/meetings/integration/status",
    ];
    const covered = new Set(operations.map((o) => `${o.spec.method} ${o.spec.path}`));
    for (const [template, ops] of Object.entries(openapi.paths as Record<string, Record<string, unknown>>)) {
      if (ops["get"]) expect(covered, `GET ${template}`).toContain(`GET ${template}`);
      if (ops["post"] && readOnlyPosts.includes(template))
        expect(covered, `POST ${template}`).toContain(`POST ${template}`);
    }
  });

  for (const { entity, action, spec } of operations) {
    describe(`${entity} ${action}`, () => {
      for (const full of [false, true]) {
        it(`builds ${full ? "a request with every field" : "a minimal request"} as the document says`, async () => {
          const params = sample("params", spec.params, full) as Record<string, unknown>;
          const client = await requestsOf(spec, entity, action, params);
          const problems: string[] = [];
          expect(client.requests.length).toBeGreaterThan(0);
          for (const request of client.requests) checkRequest(request, problems);
          expect(problems).toEqual([]);
          if (spec.run) {
            const first = client.requests[0]!;
            expect(first).toMatchObject({ method: "POST", path: "/v2/calls/extensive" });
            expect(first.body).toMatchObject({
              filter: { callIds: ["123"] },
              contentSelector: { exposedFields: { media: true } },
            });
            // Only a download opens the file; a link stops at the URL.
            expect(client.downloads.map((d) => d.url)).toEqual(
              spec.kind === "download"
                ? [entity === "call_audio" ? "https://media.invalid/a" : "https://media.invalid/v"]
                : [],
            );
          }
        });
      }

      it("puts the cursor where Gong reads it and names a records key Gong answers with", () => {
        const found = findOperation(spec.method, spec.path.replace(/\{\w+\}/g, "1"));
        expect(found, `${spec.method} ${spec.path}`).toBeDefined();
        const operation = found!.operation;
        const queryCursor = (operation.parameters ?? []).some((p) => p.in === "query" && p.name === "cursor");
        const bodySchema = resolve(operation.requestBody?.content["application/json"]?.schema);
        const bodyCursor = "cursor" in (bodySchema.properties ?? {});
        // Media operations read one call: they never page, though their endpoint could.
        if (!spec.run) {
          expect({ query: queryCursor, body: bodyCursor }).toEqual({
            query: spec.cursor === "query",
            body: spec.cursor === "body",
          });
        }
        const ok = operation.responses["200"]?.content?.["application/json"]?.schema;
        const answer = resolve(ok);
        if (spec.records) expect(Object.keys(answer.properties ?? {})).toContain(spec.records);
        if (spec.kind === "list" && spec.cursor !== "none")
          expect(Object.keys(answer.properties ?? {})).toContain("records");
        for (const scope of spec.scopes) expect(operation.description ?? "").toContain(scope);
      });

      it("types dates the way Gong documents them (YYYY-MM-DD vs ISO-8601 date-time)", () => {
        const doc = describeOperation(action, spec);
        const found = findOperation(spec.method, spec.path.replace(/\{\w+\}/g, "1"))!;
        for (const param of doc.params.filter((p) => p.format)) {
          let field: (Schema & { description?: string; format?: string }) | undefined;
          if (param.location === "query") {
            const declared = found.operation.parameters?.find(
              (p) => p.name === (param.wireName ?? param.name),
            ) as (Parameter & { description?: string }) | undefined;
            field = { ...resolve(declared?.schema), description: declared?.description ?? "" };
          } else {
            field = resolve(found.operation.requestBody?.content["application/json"]?.schema);
            for (const part of param.name.split(".")) field = resolve(field?.properties?.[part]);
          }
          const text = `${field?.description ?? ""} ${field?.format ?? ""}`;
          if (param.format === "date") expect(text, param.name).toMatch(/YYYY-MM-DD/);
          else expect(text, param.name).toMatch(/ISO-8601|date-time|date and time/i);
        }
      });

      it("declares enums with exactly Gong's values", () => {
        const doc = describeOperation(action, spec);
        const found = findOperation(spec.method, spec.path.replace(/\{\w+\}/g, "1"))!;
        for (const param of doc.params.filter((p) => p.enum)) {
          let schema: Schema | undefined;
          if (param.location === "query") {
            const declared = found.operation.parameters?.find(
              (p) => p.name === (param.wireName ?? param.name),
            );
            schema = resolve(declared?.schema);
          } else {
            schema = resolve(found.operation.requestBody?.content["application/json"]?.schema);
            for (const part of param.name.split(".")) schema = resolve(schema?.properties?.[part]);
          }
          const values = schema?.enum ?? resolve(schema?.items).enum;
          expect(values, param.name).toBeDefined();
          expect([...param.enum!].sort(), param.name).toEqual([...values!].sort());
        }
      });
    });
  }
});
