/**
 * Places canonical params where Gong wants them: `{name}` path segments, the query of GET (and
 * DELETE) requests under Gong's wire names, the JSON body of POST/PUT/PATCH requests. The cursor is a
 * param like any other, so it lands in the query of GET and the top-level body of POST endpoints.
 */
import type { OperationSpec } from "../catalog/types.js";
import { GongValidationError } from "../errors.js";
import { metaOf, shapeOf } from "../params/schema.js";
import type { GongRequest, QueryValue } from "../transport/types.js";

export function buildRequest(spec: OperationSpec, params: Record<string, unknown>): GongRequest {
  const rest: Record<string, unknown> = { ...params };
  const path = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null || value === "") {
      throw new GongValidationError(`params.${name} is required.`, { field: `params.${name}` });
    }
    return encodeURIComponent(String(value));
  });
  const shape = shapeOf(spec.params);
  const wire = (name: string) => {
    const field = shape[name];
    return (field && metaOf(field).wireName) || name;
  };
  const request: GongRequest = { method: spec.method, path, idempotent: spec.access === "read" };
  if (spec.method === "GET" || spec.method === "DELETE") {
    const query: Record<string, QueryValue> = {};
    for (const [name, value] of Object.entries(rest)) query[wire(name)] = value as QueryValue;
    if (Object.keys(query).length > 0) request.query = query;
  } else {
    const body: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest)) body[wire(name)] = value;
    request.body = body;
  }
  return request;
}
