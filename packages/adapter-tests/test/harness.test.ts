import { describe, expect, it } from "vitest";
import { onlyResult, parseResult, recordingScript } from "../src/script.js";
import { SecretScanner, secretForms } from "../src/secrets.js";

const credentials = { accessKey: "AK-PUBLIC-ID", accessKeySecret: "s3cr3t/value+with=chars" };

describe("secret scan", () => {
  it("finds the raw secret, the Basic token and the URL-encoded form, and says where without printing it", () => {
    const scanner = new SecretScanner();
    scanner.addCredentials(credentials);
    const basic = Buffer.from("AK-PUBLIC-ID:s3cr3t/value+with=chars").toString("base64");
    scanner.collect("clean", "nothing to see; the key id AK-PUBLIC-ID is not a secret");
    scanner.collect("raw", "error: s3cr3t/value+with=chars refused");
    scanner.collect("header", `authorization: Basic ${basic}`);
    scanner.collect("url", `https://x/?s=${encodeURIComponent("s3cr3t/value+with=chars")}`);
    const leaks = scanner.leaks();
    expect(leaks.map((leak) => leak.where)).toEqual(["raw", "header", "url"]);
    expect(JSON.stringify(leaks)).not.toContain("s3cr3t");
    expect(scanner.size).toBe(4);
  });

  it("ignores forms too short to be meaningful", () => {
    expect(secretForms({ accessKey: "key-id", accessKeySecret: "b" }).map((f) => f.form)).toEqual([
      "Basic credentials (base64 of key:secret)",
    ]);
  });
});

describe("recording script", () => {
  it("numbers turns, runs steps in order and ends with a marker past the last step", () => {
    const script = recordingScript([
      () => ({ toolCalls: [{ entity: "users", action: "list" }] }),
      (turn) => ({ finalText: `saw ${onlyResult(turn).content}` }),
    ]);
    expect(script.respond({ toolResults: [], raw: "{}" })).toEqual({
      toolCalls: [{ entity: "users", action: "list" }],
    });
    const result = { toolCallId: "c1", content: '{"data":[1]}', isError: false };
    expect(script.respond({ toolResults: [result], raw: "{}" })).toEqual({ finalText: 'saw {"data":[1]}' });
    expect(script.respond({ toolResults: [], raw: "{}" })).toEqual({ finalText: "unexpected model turn 2" });
    expect(script.turns.map((turn) => turn.index)).toEqual([0, 1, 2]);
    expect(parseResult(result)).toEqual({ data: [1] });
  });

  it("fails loudly when a turn did not get exactly one result, or the result is not JSON", () => {
    expect(() => onlyResult({ index: 3, toolResults: [], raw: "" })).toThrow(
      /exactly one tool result on turn 3/,
    );
    expect(() => parseResult({ toolCallId: "x", content: "Error: nope", isError: true })).toThrow(/not JSON/);
  });
});
