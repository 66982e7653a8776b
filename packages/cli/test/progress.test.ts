import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatDuration, Progress } from "../src/export/progress.js";

function sink(isTTY: boolean) {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  return { stream, text: () => text };
}

describe("export progress", () => {
  it("redraws one bar in place on a terminal, with records, pages, rate and ETA", () => {
    const out = sink(true);
    const p = new Progress(out.stream, "calls");
    p.update({ records: 100, pages: 1, total: 400, done: 100 });
    p.update({ records: 200, pages: 2, total: 400, done: 200 });
    const text = out.text();
    expect(text.startsWith("\r\x1b[K[")).toBe(true);
    expect(text).toContain("[############------------] 50% calls: 200 records, 2 pages");
    expect(text).toMatch(/rec\/s, ETA \d+s/);
    expect(text).not.toContain("\n");
    p.update({ records: 380, pages: 4, total: 400, done: 380 }, true);
    expect(out.text()).toMatch(/\[#{24}\] 100% calls: 380 records, 4 pages, [\d.]+ rec\/s, in \d+s\n$/);
  });

  it("writes plain lines, at most one a second, when stderr is not a terminal", () => {
    const out = sink(false);
    const p = new Progress(out.stream, "users");
    p.update({ records: 10, pages: 1, total: undefined, done: 10 });
    p.update({ records: 20, pages: 2, total: undefined, done: 20 });
    p.update({ records: 30, pages: 3, total: undefined, done: 30 }, true);
    const lines = out.text().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^users: 10 records, 1 pages, [\d.]+ rec\/s$/);
    expect(lines[1]).toMatch(/^done users: 30 records, 3 pages, [\d.]+ rec\/s, in \d+s$/);
    expect(out.text()).not.toContain("\r");
  });

  it("formats durations for people", () => {
    expect(formatDuration(5)).toBe("5s");
    expect(formatDuration(125)).toBe("2m05s");
    expect(formatDuration(7320)).toBe("2h02m");
  });
});
