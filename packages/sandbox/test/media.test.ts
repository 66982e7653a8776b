// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { basicAuth, client, NOW } from "./helpers.ts";

let sandbox: Sandbox;
let media: { audioUrl: string; videoUrl?: string };

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, now: NOW, rateLimit: false });
  const calls = (
    await client(sandbox).post("/v2/calls/extensive", {
      filter: {},
      contentSelector: { exposedFields: { media: true } },
    })
  ).json.calls;
  media = calls.find((c: any) => c.media.videoUrl).media;
});
afterAll(() => sandbox.close());

describe("media URLs", () => {
  it("serve deterministic bytes without Gong auth", async () => {
    const a = await fetch(media.audioUrl);
    expect(a.status).toBe(200);
    expect(a.headers.get("content-type")).toBe("audio/mpeg");
    expect(a.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await a.arrayBuffer());
    expect(bytes.subarray(0, 3).toString()).toBe("ID3");
    expect(bytes.length).toBe(Number(a.headers.get("content-length")));
    const again = Buffer.from(await (await fetch(media.audioUrl)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    const video = await fetch(media.videoUrl!);
    expect(video.headers.get("content-type")).toBe("video/mp4");
  });

  it("support Range with 206 and Content-Range, matching the full file", async () => {
    const full = Buffer.from(await (await fetch(media.audioUrl)).arrayBuffer());
    const part = await fetch(media.audioUrl, { headers: { range: "bytes=5000-5999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 5000-5999/${full.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(full.subarray(5000, 6000))).toBe(true);
    const suffix = await fetch(media.audioUrl, { headers: { range: "bytes=-100" } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(full.subarray(full.length - 100))).toBe(true);
    const open = await fetch(media.audioUrl, { headers: { range: `bytes=${full.length - 10}-` } });
    expect(open.status).toBe(206);
    expect((await open.arrayBuffer()).byteLength).toBe(10);
    const beyond = await fetch(media.audioUrl, { headers: { range: `bytes=${full.length}-` } });
    expect(beyond.status).toBe(416);
  });

  it("refuse requests that carry an Authorization header", async () => {
    const withAuth = await fetch(media.audioUrl, { headers: { authorization: basicAuth(sandbox) } });
    expect(withAuth.status).toBe(403);
    expect(await withAuth.text()).toContain("AccessDenied");
  });

  it("refuse a tampered signature or file", async () => {
    const tampered = media.audioUrl.replace(/sig=([0-9a-f])/, (_m, c) => `sig=${c === "0" ? "1" : "0"}`);
    expect((await fetch(tampered)).status).toBe(403);
    expect((await fetch(media.audioUrl.replace(".mp3", ".mp4"))).status).toBe(403);
  });
});
