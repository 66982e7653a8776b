import type { SandboxUser } from "../data/people.js";
import { isoDateTime, optionalDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import { arraySource, page } from "../gong/pagination.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { bodyCursor, bodyObject, filterObject, idList, type Json, queryCursor } from "./input.js";

export function renderUser(ctx: RouteContext, user: SandboxUser): Json {
  const manager = user.managerIndex === undefined ? undefined : ctx.data.users[user.managerIndex];
  const slug = `${user.firstName}-${user.lastName}`.toLowerCase();
  return {
    id: user.id,
    emailAddress: user.emailAddress,
    created: isoDateTime(user.createdMs),
    active: user.active,
    emailAliases: [],
    trustedEmailAddress: user.emailAddress,
    firstName: user.firstName,
    lastName: user.lastName,
    title: user.title,
    phoneNumber: user.phoneNumber,
    extension: String(100 + (user.index % 900)),
    personalMeetingUrls: [`https://brightwave.zoom.us/my/${slug}`],
    settings: {
      webConferencesRecorded: user.active,
      preventWebConferenceRecording: false,
      telephonyCallsImported: user.role === "seller",
      emailsImported: user.active,
      preventEmailImport: false,
      nonRecordedMeetingsImported: true,
      gongConnectEnabled: user.active,
    },
    ...(manager ? { managerId: manager.id } : {}),
    meetingConsentPageUrl: `https://join.gong.io/brightwave/${slug}`,
    conferencingProviders: [{ provider: "Zoom", isDefault: true }],
    spokenLanguages: [
      { language: user.workspaceIndex === 1 && user.index % 3 === 0 ? "de-DE" : "en-US", primary: true },
    ],
  };
}

export function userByPathId(ctx: RouteContext): SandboxUser {
  const id = ctx.params.id ?? "";
  if (!/^\d{1,20}$/.test(id))
    throw badRequest(`User id must be a string of digits, got ${JSON.stringify(id)}`);
  const user = ctx.data.userByIdOrUndefined(id);
  if (!user) throw notFound(`User ${id} was not found`);
  return user;
}

const listUsers: ApiRoute = {
  method: "GET",
  path: "/v2/users",
  scope: "api:users:read",
  handler(ctx) {
    const key = { includeAvatars: ctx.query.get("includeAvatars") };
    const { items, records } = page(arraySource(ctx.data.users), queryCursor(ctx), key);
    if (items.length === 0) throw notFound("No users found corresponding to the provided filters");
    return { body: { records, users: items.map((u) => renderUser(ctx, u)) } };
  },
};

const getUser: ApiRoute = {
  method: "GET",
  path: "/v2/users/{id}",
  scope: "api:users:read",
  handler(ctx) {
    return { body: { user: renderUser(ctx, userByPathId(ctx)) } };
  },
};

const listUsersExtensive: ApiRoute = {
  method: "POST",
  path: "/v2/users/extensive",
  scope: "api:users:read",
  handler(ctx) {
    const body = bodyObject(ctx);
    const filter = filterObject(body);
    const fromMs = optionalDateTime(filter.createdFromDateTime, "filter.createdFromDateTime");
    const toMs = optionalDateTime(filter.createdToDateTime, "filter.createdToDateTime");
    if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) {
      throw badRequest("filter.createdFromDateTime must be before filter.createdToDateTime");
    }
    const ids = idList(filter.userIds, "filter.userIds");
    const idSet = ids ? new Set(ids) : undefined;
    const users = ctx.data.users.filter(
      (u) =>
        (idSet === undefined || idSet.has(u.id)) &&
        (fromMs === undefined || u.createdMs >= fromMs) &&
        (toMs === undefined || u.createdMs < toMs),
    );
    const { items, records } = page(arraySource(users), bodyCursor(body), body);
    if (items.length === 0) throw notFound("No users found corresponding to the provided filters");
    return { body: { records, users: items.map((u) => renderUser(ctx, u)) } };
  },
};

const settingsHistory: ApiRoute = {
  method: "GET",
  path: "/v2/users/{id}/settings-history",
  scope: "api:users:read",
  handler(ctx) {
    const user = userByPathId(ctx);
    const created = user.createdMs;
    const history: Json[] = [
      { setting: "active", value: true, time: isoDateTime(created) },
      { setting: "webConferencesRecorded", value: true, time: isoDateTime(created + 3_600_000) },
      { setting: "emailsImported", value: true, time: isoDateTime(created + 7_200_000) },
    ];
    if (!user.active) {
      history.push({
        setting: "active",
        value: false,
        time: isoDateTime(ctx.nowMs - (user.index % 40) * 86_400_000 - 86_400_000),
      });
    }
    return { body: { userSettingsHistory: history } };
  },
};

export const userRoutes: ApiRoute[] = [listUsers, getUser, listUsersExtensive, settingsHistory];
