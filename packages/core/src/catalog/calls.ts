/** Calls: basic and extensive listings, one call, transcripts, media, access, outcomes. */
import { z } from "zod";
import { GongNotFoundError } from "../errors.js";
import { cursor, dateTime, flag, id, ids, oneOf, params, text } from "../params/fields.js";
import type { Call, CallAccess, CallOutcome, CallTranscript, ExtensiveCall } from "./records.js";
import {
  callDateDefaults,
  callIds,
  checkDateOrder,
  defaultCallFilterDates,
  refuseCallIdsWithWorkspace,
  workspaceId,
} from "./shared.js";
import {
  type ExecuteResult,
  type MediaDownload,
  type MediaLink,
  type OperationContext,
  operation,
} from "./types.js";

const callsFilter = () =>
  z
    .strictObject({
      fromDateTime: dateTime(
        "Calls that started at or after (ISO date-time). Default: 30 days ago.",
      ).optional(),
      toDateTime: dateTime(
        "Calls that started before (ISO date-time, exclusive). Default: end of today.",
      ).optional(),
      workspaceId: workspaceId().optional(),
      callIds: callIds().optional(),
    })
    .meta({ description: "Which calls: a date range, or callIds." });

const flags = <const K extends string>(keys: readonly K[], description: string) =>
  z
    .strictObject(
      Object.fromEntries(keys.map((key) => [key, z.boolean().optional()])) as Record<
        K,
        z.ZodOptional<z.ZodBoolean>
      >,
    )
    .meta({ description });

const contentSelector = () =>
  z
    .strictObject({
      context: oneOf(
        ["None", "Basic", "Extended"],
        "CRM context: Basic = links, Extended = with CRM fields.",
      ).optional(),
      contextTiming: z
        .array(z.enum(["Now", "TimeOfCall"]))
        .meta({ description: "CRM values as of now and/or the time of the call." })
        .optional(),
      exposedFields: z
        .strictObject({
          parties: flag("Participants (default true).").optional(),
          media: flag(
            "Pre-signed audioUrl/videoUrl, valid 8 hours (scope api:calls:read:media-url).",
          ).optional(),
          content: flags(
            [
              "structure",
              "topics",
              "trackers",
              "trackerOccurrences",
              "pointsOfInterest",
              "brief",
              "outline",
              "highlights",
              "callOutcome",
              "keyPoints",
            ],
            "Call content to include (outline can be ~80 KB per call).",
          ).optional(),
          interaction: flags(
            ["speakers", "video", "personInteractionStats", "questions"],
            "Interaction statistics to include.",
          ).optional(),
          collaboration: flags(["publicComments"], "Collaboration data to include.").optional(),
        })
        .meta({ description: "Which parts of each call to return (booleans)." })
        .optional(),
    })
    .meta({ description: "What to return per call." });

export const callOperations = {
  calls: {
    list: operation<Call>()({
      kind: "list",
      method: "GET",
      path: "/v2/calls",
      cursor: "query",
      records: "calls",
      privateFlag: "isPrivate",
      scopes: ["api:calls:read:basic"],
      hint: "Calls in a date range (basic fields: id, title, started, duration, primaryUserId, url).",
      params: () =>
        params({
          fromDateTime: dateTime(
            "Calls that started at or after (ISO date-time). Default: 30 days ago.",
          ).optional(),
          toDateTime: dateTime(
            "Calls that started before (ISO date-time, exclusive). Default: end of today.",
          ).optional(),
          workspaceId: workspaceId().optional(),
          cursor: cursor().optional(),
        }),
      defaults: (now, given) => callDateDefaults(now, given, "fromDateTime", "toDateTime"),
      check: (p) => checkDateOrder(p.fromDateTime, p.toDateTime, "params.fromDateTime", "params.toDateTime"),
    }),
    get: operation<Call>()({
      kind: "get",
      method: "GET",
      path: "/v2/calls/{id}",
      cursor: "none",
      records: "call",
      privateFlag: "isPrivate",
      scopes: ["api:calls:read:basic"],
      hint: "One call's basic fields by id.",
      params: () => params({ id: id("Call id.") }),
    }),
  },
  calls_extensive: {
    list: operation<ExtensiveCall>()({
      kind: "list",
      method: "POST",
      path: "/v2/calls/extensive",
      cursor: "body",
      records: "calls",
      privateFlag: "metaData.isPrivate",
      scopes: ["api:calls:read:extensive"],
      hint: "Calls with participants and chosen content (topics, trackers, brief, outline...) by date range or ids.",
      params: () =>
        params({
          filter: callsFilter()
            .extend({
              primaryUserIds: ids("Only calls hosted by these users (not other participants).").optional(),
            })
            .meta({ description: "Which calls: a date range, callIds, and/or hosts." })
            .optional(),
          contentSelector: contentSelector().optional(),
          cursor: cursor().optional(),
        }),
      defaults: (now, given) => ({
        ...defaultCallFilterDates(now, given),
        contentSelector: { exposedFields: { parties: true } },
      }),
      check: (p) => {
        refuseCallIdsWithWorkspace(p.filter);
        checkDateOrder(
          p.filter?.fromDateTime,
          p.filter?.toDateTime,
          "params.filter.fromDateTime",
          "params.filter.toDateTime",
        );
      },
    }),
  },
  call_transcripts: {
    list: operation<CallTranscript>()({
      kind: "list",
      method: "POST",
      path: "/v2/calls/transcript",
      cursor: "body",
      records: "callTranscripts",
      privateLookup: "callId",
      scopes: ["api:calls:read:transcript"],
      hint: "Transcripts (speakerId, sentences with ms offsets) for callIds or a date range; many calls per request.",
      params: () => params({ filter: callsFilter().optional(), cursor: cursor().optional() }),
      defaults: defaultCallFilterDates,
      check: (p) => {
        refuseCallIdsWithWorkspace(p.filter);
        checkDateOrder(
          p.filter?.fromDateTime,
          p.filter?.toDateTime,
          "params.filter.fromDateTime",
          "params.filter.toDateTime",
        );
      },
    }),
  },
  call_audio: {
    download: mediaDownload("audio"),
    link: mediaLink("audio"),
  },
  call_video: {
    download: mediaDownload("video"),
    link: mediaLink("video"),
  },
  call_user_access: {
    list: operation<CallAccess>()({
      kind: "list",
      method: "POST",
      path: "/v2/calls/users-access",
      cursor: "none",
      records: "callAccessList",
      scopes: ["api:call-user-access:read"],
      hint: "Users given individual access to specific calls.",
      params: () =>
        params({
          filter: z
            .strictObject({ callIds: ids("Call ids.", { dropIfEmpty: false }).min(1) })
            .meta({ description: "Which calls." }),
        }),
    }),
  },
  call_outcomes: {
    list: operation<CallOutcome>()({
      kind: "list",
      method: "GET",
      path: "/v2/call-outcomes",
      cursor: "none",
      records: "outcomes",
      scopes: ["api:call-outcomes:read"],
      hint: "The company's configured call outcomes (dispositions).",
      params: () => params({}),
    }),
  },
};

/** Naming the call: `callId`, or (the Python SDK's way) the first of `filter.callIds`. */
const mediaParams = () => ({
  callId: id("Call id.", { aliases: ["id"] }),
  filter: z
    .strictObject({ callIds: ids("One call id (the first is used).") })
    .meta({ description: "Alternative to callId.", compat: true })
    .optional(),
  contentSelector: z
    .strictObject({
      exposedFields: z.strictObject({ media: flag("Must stay true (default).").optional() }).optional(),
    })
    .meta({ description: "Accepted for compatibility; media is always requested.", compat: true })
    .optional(),
});

function callIdFromFilter(_now: Date, given: Record<string, unknown>): Record<string, unknown> {
  const filter = given["filter"] as { callIds?: unknown } | undefined;
  const first = Array.isArray(filter?.callIds) ? filter.callIds[0] : undefined;
  return typeof first === "string" ? { callId: first } : {};
}

/**
 * `call_audio`/`call_video` download: asks `/v2/calls/extensive` for the call's pre-signed media URL,
 * then opens it through the client's download (which never sends Gong credentials to the media host).
 */
function mediaDownload(kind: "audio" | "video") {
  return operation<MediaDownload>()({
    kind: "download",
    method: "POST",
    path: "/v2/calls/extensive",
    cursor: "none",
    scopes: ["api:calls:read:extensive", "api:calls:read:media-url"],
    hint: `The call's ${kind} file: its pre-signed url (valid 8 hours); in code, also the bytes as a stream.`,
    params: () =>
      params({
        ...mediaParams(),
        range: text("HTTP Range for a partial download, e.g. bytes=0-1048575.", {
          aliases: ["rangeHeader", "range_header"],
        }).optional(),
      }),
    defaults: callIdFromFilter,
    run: async (context, p) => openMedia(context, kind, p),
  });
}

/** `call_audio`/`call_video` link: only the pre-signed URL, without opening the file. */
function mediaLink(kind: "audio" | "video") {
  return operation<MediaLink>()({
    kind: "get",
    method: "POST",
    path: "/v2/calls/extensive",
    cursor: "none",
    scopes: ["api:calls:read:extensive", "api:calls:read:media-url"],
    hint: `The pre-signed url of the call's ${kind} file (valid 8 hours, no Gong credentials needed).`,
    params: () => params(mediaParams()),
    defaults: callIdFromFilter,
    run: async (context, p) => ({ data: await findMediaUrl(context, kind, p.callId) }),
  });
}

async function findMediaUrl(
  context: OperationContext,
  kind: "audio" | "video",
  callId: string,
): Promise<MediaLink> {
  const found = await context.run("calls_extensive", "list", {
    filter: { callIds: [callId] },
    contentSelector: { exposedFields: { media: true, parties: false } },
  });
  const call = (found.data as ExtensiveCall[])[0];
  if (call === undefined) {
    throw new GongNotFoundError(
      `Call ${callId} was not found: it does not exist, is not visible to this key, or is private (hidden unless the connector has includePrivate: true).`,
      { status: 404, method: "POST", path: "/v2/calls/extensive" },
    );
  }
  const url = kind === "audio" ? call.media?.audioUrl : call.media?.videoUrl;
  if (typeof url !== "string" || url === "") {
    throw new GongNotFoundError(
      `Call ${callId} has no ${kind} media URL. The call may have no ${kind} recording, or the key lacks scope api:calls:read:media-url.`,
      { status: 404, method: "POST", path: "/v2/calls/extensive" },
    );
  }
  return { callId, url };
}

async function openMedia(
  context: OperationContext,
  kind: "audio" | "video",
  p: { callId: string; range?: string | undefined },
): Promise<ExecuteResult<MediaDownload>> {
  const { callId, url } = await findMediaUrl(context, kind, p.callId);
  const response = await context.client.download({
    url,
    ...(p.range === undefined ? {} : { range: p.range }),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  const length = response.headers.get("content-length");
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return {
    data: {
      callId,
      url,
      status: response.status,
      contentType: response.headers.get("content-type") ?? undefined,
      contentLength: length === null ? undefined : Number(length),
      contentRange: response.headers.get("content-range") ?? undefined,
      stream: body as ReadableStream<Uint8Array>,
    },
  };
}
