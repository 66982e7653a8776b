import { createHmac, timingSafeEqual } from "node:crypto";
import type { Dataset } from "../data/dataset.js";
import { hash32, Rng } from "../data/random.js";
import type { RawReply } from "../http/raw.js";

export const MEDIA_PREFIX = "/media/";
/** Gong's media URLs stay valid for 8 hours. */
const LIFETIME_MS = 8 * 3_600_000;

function s3Error(status: number, code: string, message: string): RawReply {
  return {
    status,
    headers: { "content-type": "application/xml" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

/**
 * Pre-signed media links, like the storage URLs Gong hands out: they carry their own signature and
 * expiry, refuse requests that carry an Authorization header, and honour `Range`.
 */
export class MediaSigner {
  private readonly key: Buffer;

  constructor(
    seed: number,
    private readonly baseUrl: () => string,
    private readonly clock: () => number = Date.now,
  ) {
    this.key = Buffer.from(`media-${seed}-${hash32(seed, "media-key")}`);
  }

  private sign(file: string, expires: number): string {
    return createHmac("sha256", this.key).update(`${file}:${expires}`).digest("hex").slice(0, 40);
  }

  /** Expiry is rounded up to the hour so repeated listings give identical URLs. */
  url(callId: string, kind: "audio" | "video"): string {
    const file = `${callId}.${kind === "audio" ? "mp3" : "mp4"}`;
    const expires = Math.ceil((this.clock() + LIFETIME_MS) / 3_600_000) * 3600;
    return `${this.baseUrl()}${MEDIA_PREFIX}${file}?expires=${expires}&sig=${this.sign(file, expires)}`;
  }

  serve(
    data: Dataset,
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string | string[] | undefined>,
  ): RawReply {
    if (headers.authorization !== undefined) {
      return s3Error(
        403,
        "AccessDenied",
        "Pre-signed media URLs must be requested without an Authorization header",
      );
    }
    if (method !== "GET" && method !== "HEAD") return s3Error(405, "MethodNotAllowed", "Use GET");
    const file = path.slice(MEDIA_PREFIX.length);
    const match = /^(\d+)\.(mp3|mp4)$/.exec(file);
    const expires = Number(query.get("expires"));
    const sig = query.get("sig") ?? "";
    const expected = this.sign(file, expires);
    if (
      !match ||
      sig.length !== expected.length ||
      !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
    ) {
      return s3Error(403, "SignatureDoesNotMatch", "The request signature does not match");
    }
    if (!Number.isFinite(expires) || expires * 1000 < this.clock()) {
      return s3Error(403, "AccessDenied", "Request has expired");
    }
    const index = data.callIndexById(match[1] as string);
    if (index === undefined) return s3Error(404, "NoSuchKey", "The specified key does not exist");
    const video = match[2] === "mp4";
    const plan = data.callPlan(index);
    if (video && plan.media !== "Video") return s3Error(404, "NoSuchKey", "The specified key does not exist");
    const total = mediaSize(plan.durationSec, video);
    const type = video ? "video/mp4" : "audio/mpeg";
    const range = parseRange(headers.range, total);
    if (range === "unsatisfiable") {
      return {
        status: 416,
        headers: { "content-range": `bytes */${total}`, "content-type": "application/xml" },
        body: "",
      };
    }
    const [start, end] = range ?? [0, total - 1];
    const bytes =
      method === "HEAD" ? Buffer.alloc(0) : mediaBytes(data.seed, match[1] as string, video, start, end + 1);
    const common = {
      "content-type": type,
      "accept-ranges": "bytes",
      etag: `"${hash32(data.seed, file).toString(16)}"`,
      "content-length": String(end - start + 1),
    };
    if (range) {
      return {
        status: 206,
        headers: { ...common, "content-range": `bytes ${start}-${end}/${total}` },
        body: bytes,
      };
    }
    return { status: 200, headers: common, body: bytes };
  }
}

/** Small but duration-dependent sizes: ~256 bytes per second of audio, four times that for video. */
export function mediaSize(durationSec: number, video: boolean): number {
  return 4096 + durationSec * (video ? 1024 : 256);
}

/** Deterministic bytes [start, end) of a media file: a recognisable header, then seeded noise. */
export function mediaBytes(seed: number, callId: string, video: boolean, start: number, end: number): Buffer {
  const header = Buffer.from(
    video ? "\x00\x00\x00\x18ftypmp42" : "ID3\x04\x00\x00\x00\x00\x00\x00",
    "latin1",
  );
  const out = Buffer.alloc(Math.max(0, end - start));
  const blockSize = 4096;
  const block = Buffer.alloc(blockSize);
  // Each 4 KiB block is generated whole from its own seed, so any range is cheap to produce.
  for (let b = Math.floor(start / blockSize); b * blockSize < end; b++) {
    const rng = new Rng(hash32(seed, callId, video ? "v" : "a", b));
    for (let k = 0; k < blockSize; k += 4) block.writeUInt32LE(Math.floor(rng.next() * 4294967296), k);
    const from = Math.max(start, b * blockSize);
    const to = Math.min(end, (b + 1) * blockSize);
    block.copy(out, from - start, from - b * blockSize, to - b * blockSize);
  }
  header.copy(out, 0, Math.min(start, header.length), Math.min(end, header.length));
  return out;
}

/** A single `bytes=` range, clamped; undefined when absent or not a byte range we understand. */
function parseRange(
  header: string | string[] | undefined,
  total: number,
): [number, number] | "unsatisfiable" | undefined {
  if (typeof header !== "string") return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, a, b] = match;
  let start: number;
  let end: number;
  if (a === "") {
    if (b === "") return undefined;
    const suffix = Number(b);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, total - suffix);
    end = total - 1;
  } else {
    start = Number(a);
    end = b === "" ? total - 1 : Math.min(Number(b), total - 1);
  }
  if (start >= total || start > end) return "unsatisfiable";
  return [start, end];
}
