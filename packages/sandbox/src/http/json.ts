/**
 * JSON output that keeps int64 values exact. Gong types some ids as int64 (scorecard, question and
 * answered-scorecard ids) and real values exceed 2^53, so the data keeps them as BigInt and they are
 * written as bare JSON numbers here, digit for digit.
 */
const BIGINT_MARK = "\u2063bigint:";
const BIGINT_PATTERN = /"\u2063bigint:(-?\d+)"/g;

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${BIGINT_MARK}${value}` : value;
}

export function stringifyJson(value: unknown): string {
  try {
    // The fast path: most payloads carry no BigInt, and a replacer slows stringify down a lot.
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !/BigInt/i.test(error.message)) throw error;
    return JSON.stringify(value, bigintReplacer).replace(BIGINT_PATTERN, "$1");
  }
}
