import { badRequest } from "../gong/errors.js";
import type { RouteContext } from "../http/types.js";

export type Json = Record<string, unknown>;

/** The JSON body as an object, or a 400 that says what Gong expects. */
export function bodyObject(ctx: RouteContext): Json {
  const body = ctx.body;
  if (body === undefined) throw badRequest("Request body is missing: send a JSON object");
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("Request body must be a JSON object");
  }
  return body as Json;
}

/** `body.filter`, required by most POST list endpoints. */
export function filterObject(body: Json, required = true): Json {
  const filter = body.filter;
  if (filter === undefined || filter === null) {
    if (required) throw badRequest('filter is required: send { "filter": { ... } }');
    return {};
  }
  if (typeof filter !== "object" || Array.isArray(filter)) throw badRequest("filter must be a JSON object");
  return filter as Json;
}

/** The cursor of a POST list: a top-level BODY field. A cursor in the query is ignored, as Gong does. */
export function bodyCursor(body: Json): string | undefined {
  const cursor = body.cursor;
  if (cursor === undefined || cursor === null || cursor === "") return undefined;
  if (typeof cursor !== "string") throw badRequest("cursor must be a string");
  return cursor;
}

export function queryCursor(ctx: RouteContext): string | undefined {
  return ctx.query.get("cursor") || undefined;
}

/**
 * An optional list of ids. Gong ids are digit strings; numbers are accepted and kept as digits.
 * An empty list is a 400, as on Gong (omit the field instead).
 */
export function idList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${field} must be an array of ids`);
  if (value.length === 0)
    throw badRequest(`${field} must not be empty: omit ${field} to apply no such filter`);
  return value.map((v) => {
    if (typeof v === "number" && Number.isInteger(v)) return String(v);
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    throw badRequest(`${field} must contain ids as strings, got ${JSON.stringify(v)}`);
  });
}

export function requiredQuery(ctx: RouteContext, name: string, hint = ""): string {
  const value = ctx.query.get(name);
  if (value === null || value === "")
    throw badRequest(`Query parameter ${name} is required${hint ? `: ${hint}` : ""}`);
  return value;
}

export function booleanQuery(ctx: RouteContext, name: string): boolean {
  const value = ctx.query.get(name);
  return value === "true" || value === "1";
}

export function workspaceIndexOf(ctx: RouteContext, id: unknown, field = "workspaceId"): number | undefined {
  if (id === undefined || id === null || id === "") return undefined;
  const workspace = ctx.data.workspaces.find((w) => w.id === String(id));
  if (!workspace) {
    throw badRequest(
      `${field} ${JSON.stringify(id)} is not a workspace of this company; list them with GET /v2/workspaces`,
    );
  }
  return workspace.index;
}
