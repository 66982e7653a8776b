/**
 * A GongClient that records requests and answers from a script, for pure unit tests of request
 * building and pagination mechanics. Integration tests use the sandbox over real HTTP instead.
 */
import type { DownloadRequest, GongClient, GongRequest, GongResponse } from "../../src/transport/types.js";

export type Answer = { data: unknown; emptyResult?: boolean; status?: number };

export class RecordingClient implements GongClient {
  readonly baseUrl = "http://gong.invalid";
  readonly requests: GongRequest[] = [];
  readonly downloads: DownloadRequest[] = [];

  constructor(private readonly answer: (request: GongRequest, index: number) => Answer | Promise<Answer>) {}

  async request<T>(request: GongRequest): Promise<GongResponse<T>> {
    this.requests.push(structuredClone({ ...request, signal: undefined }));
    const answer = await this.answer(request, this.requests.length - 1);
    return {
      status: answer.status ?? (answer.emptyResult ? 404 : 200),
      headers: new Headers(),
      data: answer.data as T,
      requestId: "req-1",
      emptyResult: answer.emptyResult ?? false,
    };
  }

  async download(request: DownloadRequest): Promise<Response> {
    this.downloads.push(request);
    return new Response("media-bytes", { status: 200, headers: { "content-type": "audio/mpeg" } });
  }
}
