/**
 * JSON parsing that never rounds integers. Gong types some ids as int64 (scorecard and question ids,
 * CRM integration ids); values above Number.MAX_SAFE_INTEGER would silently change under JSON.parse.
 * Such integers come back as exact digit strings; everything else is exactly what JSON.parse gives.
 */

/**
 * A number of 16+ digits right after `:`, `,` or `[`: the only place an unsafe integer can be (quoted ids
 * follow a `"`). Written as alternatives of single characters, which V8 scans faster than a class.
 */
const MAYBE_UNSAFE_NUMBER = /(?::|,|\[)\s*-?\d{16}/;

/** Every string literal (skipped whole) or number literal (matched whole) in JSON text. */
const STRING_OR_NUMBER = /"[^"\\]*(?:\\.[^"\\]*)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function quoteUnsafeInteger(token: string): string {
  // Strings, short numbers and non-integers stay as they are.
  if (token.charCodeAt(0) === 34 /* " */ || token.length < 16) return token;
  if (/[.eE]/.test(token)) return token;
  return Number.isSafeInteger(Number(token)) ? token : `"${token}"`;
}

/**
 * Parses JSON text like JSON.parse, except that integers beyond ±Number.MAX_SAFE_INTEGER become exact
 * digit strings. Fast path: plain JSON.parse unless the text holds a bare number of 16+ digits
 * (quoted ids such as Gong's call ids do not trigger the slower path).
 */
export function parseJsonLossless(text: string): unknown {
  if (!MAYBE_UNSAFE_NUMBER.test(text) && !/^\s*-?\d{16}/.test(text)) return JSON.parse(text);
  const rewritten = text.replace(STRING_OR_NUMBER, quoteUnsafeInteger);
  if (rewritten.length === text.length) return JSON.parse(text);
  try {
    return JSON.parse(rewritten);
  } catch {
    // Report malformed input with JSON.parse's own message about the original text.
    return JSON.parse(text);
  }
}
