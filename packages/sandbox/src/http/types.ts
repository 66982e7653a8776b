import type { Dataset } from "../data/dataset.js";
import type { WriteStore } from "../data/store.js";

export type Listener = "default" | "tenant";

/** What a route handler sees. */
export interface RouteContext {
  method: string;
  path: string;
  query: URLSearchParams;
  /** parsed JSON body (undefined when empty) */
  body: unknown;
  /** path parameters, e.g. `{ id }` for `/v2/calls/{id}` */
  params: Record<string, string>;
  data: Dataset;
  /** changes made by write operations */
  store: WriteStore;
  /** the sandbox's notion of now (epoch ms); the data is generated relative to it */
  nowMs: number;
  /** builds a pre-signed media URL for a call */
  mediaUrl(callId: string, kind: "audio" | "video"): string;
}

/** A JSON answer. `requestId` is added in front of the body by the server. */
export interface Reply {
  status?: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** answer the body as is, without a requestId (a few Gong operations document no requestId) */
  bare?: boolean;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI-style path, e.g. `/v2/calls/{id}` */
  path: string;
  /** OAuth scope a Bearer token needs */
  scope: string;
  handler(ctx: RouteContext): Reply;
}
