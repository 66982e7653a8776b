import { badRequest } from "./errors.js";

/** A required non-empty string field of a request body. */
export function requireString(body: Record<string, unknown>, field: string, maxLength = 200): string {
  const value = body[field];
  if (value === undefined || value === null) throw badRequest(`"${field}" is required.`, field);
  if (typeof value !== "string") throw badRequest(`"${field}" must be a string, got ${typeof value}.`, field);
  const trimmed = value.trim();
  if (trimmed === "") throw badRequest(`"${field}" must not be empty.`, field);
  if (trimmed.length > maxLength)
    throw badRequest(`"${field}" is longer than ${maxLength} characters.`, field);
  return trimmed;
}

export function optionalString(
  body: Record<string, unknown>,
  field: string,
  maxLength = 200,
): string | undefined {
  return body[field] === undefined || body[field] === null
    ? undefined
    : requireString(body, field, maxLength);
}

/** An http(s) URL, with a message that says which field was wrong. */
export function requireHttpUrl(value: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`"${field}" is not a valid URL.`, field);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw badRequest(`"${field}" must be an http(s) URL.`, field);
  }
  return url;
}
