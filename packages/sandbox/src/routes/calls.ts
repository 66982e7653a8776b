import { optionalDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import { page } from "../gong/pagination.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { readSelector, renderAddedCall, renderExtensiveCall } from "./call-render.js";
import { type CallFilter, callRefSource, callSource } from "./call-source.js";
import {
  bodyCursor,
  bodyObject,
  filterObject,
  idList,
  type Json,
  queryCursor,
  workspaceIndexOf,
} from "./input.js";

export const NO_CALLS = "No calls found corresponding to the provided filters";

/** The date, workspace and id filters shared by the call endpoints, validated the way Gong does. */
export function readCallFilter(
  ctx: RouteContext,
  filter: Json,
  prefix: string,
  withHosts: boolean,
): CallFilter {
  const fromMs = optionalDateTime(filter.fromDateTime, `${prefix}fromDateTime`);
  const toMs = optionalDateTime(filter.toDateTime, `${prefix}toDateTime`);
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) {
    throw badRequest(`${prefix}fromDateTime must be before ${prefix}toDateTime (toDateTime is exclusive)`);
  }
  const callIds = idList(filter.callIds, `${prefix}callIds`);
  const hasWorkspace =
    filter.workspaceId !== undefined && filter.workspaceId !== null && filter.workspaceId !== "";
  if (callIds && hasWorkspace) {
    throw badRequest(`${prefix}callIds cannot be combined with ${prefix}workspaceId: send one or the other`);
  }
  const workspaceIndex = workspaceIndexOf(ctx, filter.workspaceId, `${prefix}workspaceId`);
  const primaryUserIds = withHosts ? idList(filter.primaryUserIds, `${prefix}primaryUserIds`) : undefined;
  return { fromMs, toMs, workspaceIndex, callIds, primaryUserIds };
}

const listCalls: ApiRoute = {
  method: "GET",
  path: "/v2/calls",
  scope: "api:calls:read:basic",
  handler(ctx) {
    const q = ctx.query;
    const filter = readCallFilter(
      ctx,
      {
        fromDateTime: q.get("fromDateTime") ?? undefined,
        toDateTime: q.get("toDateTime") ?? undefined,
        workspaceId: q.get("workspaceId") ?? undefined,
      },
      "",
      false,
    );
    const key = {
      fromDateTime: q.get("fromDateTime"),
      toDateTime: q.get("toDateTime"),
      workspaceId: q.get("workspaceId"),
    };
    const { items, records } = page(callRefSource(ctx.data, ctx.store, filter, true), queryCursor(ctx), key);
    if (items.length === 0) throw notFound(NO_CALLS);
    return {
      body: {
        records,
        calls: items.map((ref) => (typeof ref === "number" ? ctx.data.callMeta(ref) : ref.meta)),
      },
    };
  },
};

const getCall: ApiRoute = {
  method: "GET",
  path: "/v2/calls/{id}",
  scope: "api:calls:read:basic",
  handler(ctx) {
    const id = ctx.params.id ?? "";
    if (!/^\d{1,20}$/.test(id))
      throw badRequest(`Call id must be a string of digits, got ${JSON.stringify(id)}`);
    const added = ctx.store.addedCallsById.get(id);
    if (added) return { body: { call: added.meta } };
    const index = ctx.data.callIndexById(id);
    if (index === undefined) throw notFound(`Call ${id} was not found`);
    return { body: { call: ctx.data.callMeta(index) } };
  },
};

const listCallsExtensive: ApiRoute = {
  method: "POST",
  path: "/v2/calls/extensive",
  scope: "api:calls:read:extensive",
  handler(ctx) {
    const body = bodyObject(ctx);
    const filter = readCallFilter(ctx, filterObject(body), "filter.", true);
    const selector = readSelector(body);
    const { items, records } = page(callRefSource(ctx.data, ctx.store, filter, true), bodyCursor(body), body);
    if (items.length === 0) throw notFound(NO_CALLS);
    return {
      body: {
        records,
        calls: items.map((ref) =>
          typeof ref === "number" ? renderExtensiveCall(ctx, ref, selector) : renderAddedCall(ref, selector),
        ),
      },
    };
  },
};

const listTranscripts: ApiRoute = {
  method: "POST",
  path: "/v2/calls/transcript",
  scope: "api:calls:read:transcript",
  handler(ctx) {
    const body = bodyObject(ctx);
    const filter = readCallFilter(ctx, filterObject(body), "filter.", false);
    const { items, records } = page(callSource(ctx.data, filter), bodyCursor(body), body);
    if (items.length === 0) throw notFound(NO_CALLS);
    const callTranscripts = items.map((index) => ({
      callId: ctx.data.callPlan(index).core.id,
      transcript: ctx.data.callContent(index).transcript,
    }));
    return { body: { records, callTranscripts } };
  },
};

export const callRoutes: ApiRoute[] = [listCalls, getCall, listCallsExtensive, listTranscripts];
