/**
 * Redaction of credentials from anything that may be logged or shown: URLs, headers, token-endpoint
 * bodies, free text and nested objects. Two layers: shape-based rules (an Authorization header, a
 * `refresh_token=` query parameter, a `clientSecret` field) and, where the caller knows them, the exact
 * secret values in use, so even a secret echoed back in an unexpected place never gets out.
 */

export const REDACTED = "[REDACTED]";

/** Object keys and query parameter names whose values are credentials. */
const SECRET_NAME =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|code|password|secret|token|id_token|assertion|access[-_]?key)$|(token|secret|password|credential|signature|api[-_]?key)/i;

/** `Basic abc`, `Bearer abc` wherever they appear in text. */
const AUTH_SCHEME_IN_TEXT = /\b(Basic|Bearer)\s+([A-Za-z0-9\-._~+/]+=*)/g;

/** `name=value` pairs in URLs, form bodies and free text whose name says "secret". */
const SECRET_PAIR_IN_TEXT =
  /\b([A-Za-z_-]*(?:token|secret|password|api[-_]?key)[A-Za-z_-]*|code|client_assertion)=([^&\s"',;]+)/gi;

/** `"refresh_token": "value"` in JSON text. */
const SECRET_FIELD_IN_JSON =
  /("([A-Za-z_-]*(?:token|secret|password|api[-_]?key|authorization|code)[A-Za-z_-]*)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/** Whether a key (header name, JSON field, query parameter) names a credential. */
export function isSecretName(name: string): boolean {
  // Token *metadata* is not secret; say so explicitly so it stays visible in logs.
  if (/^(token_type|tokenType|expires_in|expiresIn|tokenUrl|token_url)$/i.test(name)) return false;
  return SECRET_NAME.test(name);
}

/** Replaces every known secret value in `text`. Values shorter than 4 characters are ignored. */
function replaceKnown(text: string, known: Iterable<string>): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Redacts credentials in free text (messages, URLs, bodies). */
export function redactText(text: string, known: Iterable<string> = []): string {
  return replaceKnown(text, known)
    .replace(AUTH_SCHEME_IN_TEXT, (match, scheme: string, credential: string) =>
      // Plain lowercase words ("Basic auth", "Bearer token") are prose, not credentials.
      /^[a-z]+$/.test(credential) ? match : `${scheme} ${REDACTED}`,
    )
    .replace(SECRET_FIELD_IN_JSON, (match, prefix: string, name: string) =>
      isSecretName(name) ? `${prefix}"${REDACTED}"` : match,
    )
    .replace(SECRET_PAIR_IN_TEXT, (_match, name: string) =>
      isSecretName(name) || /^code$/i.test(name) ? `${name}=${REDACTED}` : _match,
    );
}

/** Redacts a URL: credential-named query parameters and any user:password part. */
export function redactUrl(url: string | URL, known: Iterable<string> = []): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return redactText(String(url), known);
  }
  if (parsed.username || parsed.password) {
    parsed.username = parsed.username ? REDACTED : "";
    parsed.password = parsed.password ? REDACTED : "";
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (isSecretName(name)) parsed.searchParams.set(name, REDACTED);
  }
  return replaceKnown(parsed.toString(), known);
}

/** Redacts header values of credential headers; returns a plain object. */
export function redactHeaders(
  headers: Headers | Record<string, string> | undefined,
  known: Iterable<string> = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = isSecretName(name) ? REDACTED : redactText(String(value), known);
  }
  return out;
}

/**
 * Deep-redacts any value: strings as free text, objects by key name, Headers and URLs by their rules,
 * Errors by message. Returns a new value; the input is not modified.
 */
export function redact(value: unknown, known: Iterable<string> = []): unknown {
  const knownList = [...known];
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return redactText(v, knownList);
    if (v === null || typeof v !== "object") return v;
    if (v instanceof URL) return redactUrl(v, knownList);
    if (v instanceof Headers) return redactHeaders(v, knownList);
    if (seen.has(v) || depth > 8) return "[…]";
    seen.add(v);
    if (v instanceof Error) {
      return { name: v.name, message: redactText(v.message, knownList) };
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      out[key] =
        isSecretName(key) && inner !== undefined && inner !== null ? REDACTED : walk(inner, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}

/** A set of secret values currently in use (rotating OAuth tokens join as they are issued). */
export class SecretRegistry implements Iterable<string> {
  readonly #values = new Set<string>();

  add(...values: (string | undefined | null)[]): void {
    for (const value of values) if (value && value.length >= 4) this.#values.add(value);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.#values[Symbol.iterator]();
  }
}
