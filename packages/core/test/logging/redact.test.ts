import { afterEach, describe, expect, it } from "vitest";
import {
  createConsoleLogger,
  createRedactingLogger,
  type Logger,
  logLevelFromEnv,
  REDACTED,
  redact,
  redactHeaders,
  redactText,
  redactUrl,
} from "../../src/logging/index.js";
import { SecretWatch } from "../support/secret-watch.js";

describe("redact helpers", () => {
  it("redacts code, tokens and secrets in URLs but keeps the rest", () => {
    const url =
      "https://app.gong.io/oauth2/generate-customer-token?grant_type=refresh_token&refresh_token=rt-123456&code=c-999&client_secret=cs-1&state=s1";
    const out = redactUrl(url);
    expect(out).not.toMatch(/rt-123456|c-999|cs-1/);
    expect(out).toContain("grant_type=refresh_token");
    expect(out).toContain("state=s1");
    expect(out).toContain(`refresh_token=${encodeURIComponent(REDACTED)}`);
    expect(redactUrl("https://user:pw1234@host.example/x")).not.toContain("pw1234");
    expect(redactUrl("https://s3.example/a.mp3?X-Amz-Signature=sig123&X-Amz-Credential=cred456")).not.toMatch(
      /sig123|cred456/,
    );
  });

  it("redacts credential headers", () => {
    const headers = new Headers({
      Authorization: "Bearer at-secret-1",
      Accept: "application/json",
      Cookie: "a=b",
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      accept: "application/json",
      cookie: REDACTED,
    });
  });

  it("redacts token-endpoint bodies as JSON, as form text and as objects", () => {
    const body =
      '{"access_token":"at-1111","refresh_token":"rt-2222","expires_in":86400,"token_type":"bearer"}';
    const out = redactText(body);
    expect(out).not.toMatch(/at-1111|rt-2222/);
    expect(out).toContain('"expires_in":86400');
    expect(out).toContain('"token_type":"bearer"');
    expect(redactText('{"code":"c-1234","errorCode":"E42"}')).toBe(
      `{"code":"${REDACTED}","errorCode":"E42"}`,
    );
    expect(redactText("sent as Basic auth with a Bearer token")).toBe(
      "sent as Basic auth with a Bearer token",
    );
    expect(redactText("grant_type=refresh_token&refresh_token=rt-3333&client_secret=cs-4444")).toBe(
      `grant_type=refresh_token&refresh_token=${REDACTED}&client_secret=${REDACTED}`,
    );
    expect(redactText("header was Basic QUs6U0s= and Bearer abc.def-ghi")).toBe(
      `header was Basic ${REDACTED} and Bearer ${REDACTED}`,
    );
    expect(
      redact({
        accessToken: "at-5",
        nested: { clientSecret: "cs-6", list: [{ refresh_token: "rt-7" }], note: "ok" },
        expiresIn: 10,
        tokenUrl: "https://app.gong.io/oauth2/generate-customer-token",
      }),
    ).toEqual({
      accessToken: REDACTED,
      nested: { clientSecret: REDACTED, list: [{ refresh_token: REDACTED }], note: "ok" },
      expiresIn: 10,
      tokenUrl: "https://app.gong.io/oauth2/generate-customer-token",
    });
  });

  it("redacts known secret values wherever they appear", () => {
    expect(redactText("Gong echoed my-very-secret-value back", ["my-very-secret-value"])).toBe(
      `Gong echoed ${REDACTED} back`,
    );
    expect(redact({ note: "x my-very-secret-value y" }, ["my-very-secret-value"])).toEqual({
      note: `x ${REDACTED} y`,
    });
  });

  it("copes with cycles and errors", () => {
    const a: Record<string, unknown> = { name: "a" };
    a["self"] = a;
    expect(redact(a)).toEqual({ name: "a", self: "[…]" });
    expect(redact(new Error("bad refresh_token=rt-8888"))).toEqual({
      name: "Error",
      message: `bad refresh_token=${REDACTED}`,
    });
  });
});

describe("loggers", () => {
  const original = process.env["GONG_AGENT_LOG"];
  afterEach(() => {
    if (original === undefined) delete process.env["GONG_AGENT_LOG"];
    else process.env["GONG_AGENT_LOG"] = original;
  });

  it("reads GONG_AGENT_LOG", () => {
    process.env["GONG_AGENT_LOG"] = "DEBUG";
    expect(logLevelFromEnv()).toBe("debug");
    process.env["GONG_AGENT_LOG"] = "off";
    expect(logLevelFromEnv()).toBe("silent");
    process.env["GONG_AGENT_LOG"] = "loud";
    expect(logLevelFromEnv("error")).toBe("error");
    delete process.env["GONG_AGENT_LOG"];
    expect(logLevelFromEnv()).toBe("warn");
  });

  it("writes JSON lines at or above its level", () => {
    process.env["GONG_AGENT_LOG"] = "info";
    const lines: string[] = [];
    const logger = createConsoleLogger({ write: (l) => lines.push(l) });
    logger.debug("hidden");
    logger.info("shown", { status: 200 });
    logger.error("also shown");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["shown", "also shown"]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", status: 200 });
  });

  it("redacts before a custom logger sees anything, and survives a throwing logger", () => {
    const seen: unknown[] = [];
    const inner: Logger = {
      debug: (m, f) => seen.push(m, f),
      info: () => {
        throw new Error("broken sink");
      },
      warn: () => {},
      error: () => {},
    };
    const logger = createRedactingLogger(inner, ["known-secret-abc"]);
    logger.debug("sent Bearer at-9999 with known-secret-abc", {
      headers: new Headers({ authorization: "Basic xyz" }),
      url: "https://h/x?code=c-1",
    });
    expect(JSON.stringify(seen)).not.toMatch(/at-9999|known-secret-abc|xyz|c-1/);
    expect(() => logger.info("x")).not.toThrow();
  });

  it("the suite's secret scan does catch a leak", () => {
    const watch = new SecretWatch();
    watch.add("planted-secret-42");
    watch.logger.info("clean line");
    expect(watch.leaks()).toEqual([]);
    watch.record(new Error("oops planted-secret-42"));
    expect(watch.leaks()).toHaveLength(2);
  });
});
