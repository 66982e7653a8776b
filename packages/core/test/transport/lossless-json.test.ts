import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "../../src/json/lossless.js";

describe("parseJsonLossless", () => {
  it("keeps integers beyond MAX_SAFE_INTEGER as exact digit strings", () => {
    const text = '{"scorecardId":7782342274025937895,"neg":-9223372036854775807,"list":[9007199254740993,1]}';
    expect(parseJsonLossless(text)).toEqual({
      scorecardId: "7782342274025937895",
      neg: "-9223372036854775807",
      list: ["9007199254740993", 1],
    });
  });

  it("leaves safe 16-digit integers, fractions and exponents as numbers", () => {
    const text =
      '{"a":9007199254740991,"b":1234567890123456.5,"c":12345678901234567e2,"d":0.12345678901234567}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });

  it("does not touch digits inside strings, including escaped quotes", () => {
    const text =
      '{"id":"7782342274025937895","s":"say \\"x\\": 12345678901234567890 and, 98765432109876543210","n":12345678901234567890}';
    expect(parseJsonLossless(text)).toEqual({
      id: "7782342274025937895",
      s: 'say "x": 12345678901234567890 and, 98765432109876543210',
      n: "12345678901234567890",
    });
  });

  it("handles a bare top-level big number and keeps JSON.parse's errors", () => {
    expect(parseJsonLossless("  18446744073709551615 ")).toBe("18446744073709551615");
    expect(() => parseJsonLossless('{"a":12345678901234567890,')).toThrow(SyntaxError);
    expect(() => parseJsonLossless("{oops")).toThrow(SyntaxError);
  });

  it("gives exactly JSON.parse's result for ordinary Gong payloads", () => {
    const calls = Array.from({ length: 200 }, (_, i) => ({
      id: String(7_000_000_000_000_000_000n + BigInt(i)),
      title: `Call ${i}: "quoted" \\ text`,
      duration: i * 1.5,
      parties: [{ userId: "123456789012345678", speakerId: null, flag: true }],
    }));
    const text = JSON.stringify({ requestId: "r", records: { totalRecords: 200 }, calls });
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });
});
