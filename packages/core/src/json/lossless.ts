/**
 * JSON parsing that never rounds integers. Gong types some ids as int64 (scorecard and question ids,
 * CRM integration ids); values above Number.MAX_SAFE_INTEGER would silently change under JSON.parse.
 * Such integers come back as exact digit strings; everything else is exactly what JSON.parse gives.
 */

/** Every string literal (skipped whole) or number literal (matched whole) in JSON text. */
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function quoteUnsafeInteger(token: string): string {
  // Strings, short numbers and non-integers stay as they are.
  if (token.charCodeAt(0) === 34 /* " */ || token.length < 16) return token;
  if (/[.eE]/.test(token)) return token;
  return Number.isSafeInteger(Number(token)) ? token : `"${token}"`;
}

/** Whether a parsed value holds an integer JSON.parse may have rounded (beyond ±MAX_SAFE_INTEGER). */
function holdsUnsafeInteger(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsUnsafeInteger(item)) return true;
    return false;
  }
  for (const key in value) if (holdsUnsafeInteger((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Parses JSON text like JSON.parse, except that integers beyond ±Number.MAX_SAFE_INTEGER become exact
 * digit strings. Fast path: plain JSON.parse, then a walk of the parsed values (several times cheaper than
 * scanning the text); only when that finds a possibly rounded integer is the text parsed again losslessly.
 */
export function parseJsonLossless(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  if (!holdsUnsafeInteger(parsed)) return parsed;
  const rewritten = text.replace(STRING_OR_NUMBER, quoteUnsafeInteger);
  return rewritten.length === text.length ? parsed : JSON.parse(rewritten);
}
