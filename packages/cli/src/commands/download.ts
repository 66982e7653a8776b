/** Saving the media stream of `call_audio`/`call_video download` to a file, for `execute --out`. */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UsageError } from "../cli/errors.js";

interface MediaData {
  callId?: string;
  status?: number;
  contentType?: string;
  contentLength?: number;
  contentRange?: string;
  stream: ReadableStream<Uint8Array>;
}

export function isMedia(data: unknown): data is MediaData {
  return (
    typeof data === "object" && data !== null && "stream" in data && data.stream instanceof ReadableStream
  );
}

/** Writes the file and answers what was saved (never the pre-signed URL, which grants access by itself). */
export async function saveMedia(data: MediaData, out: string | undefined, signal: AbortSignal) {
  if (!out) {
    await data.stream.cancel().catch(() => {});
    throw new UsageError("A download needs --out FILE to save the media to.", "Example: --out call.mp3");
  }
  let bytes = 0;
  const source = Readable.fromWeb(data.stream as WebReadableStream<Uint8Array>);
  source.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  await pipeline(source, createWriteStream(out, { mode: 0o644 }), { signal });
  return {
    data: {
      callId: data.callId,
      out,
      bytes,
      status: data.status,
      contentType: data.contentType,
      ...(data.contentRange ? { contentRange: data.contentRange } : {}),
    },
  };
}
