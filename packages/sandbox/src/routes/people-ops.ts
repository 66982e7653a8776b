import type { SandboxUser } from "../data/people.js";
import { rngFor } from "../data/random.js";
import type { PermissionProfile } from "../data/settings.js";
import { DAY_MS, isoDateTime, parseDateTime } from "../gong/dates.js";
import { badRequest, notFound } from "../gong/errors.js";
import { arraySource, page } from "../gong/pagination.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { type Json, queryCursor, requiredQuery, workspaceIndexOf } from "./input.js";

/** Coaching, audit logs and permission profiles: who can see what, and who did what. */

function coachingUser(user: SandboxUser): Json {
  return {
    id: user.id,
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    lastName: user.lastName,
    title: user.title,
  };
}

const coaching: ApiRoute = {
  method: "GET",
  path: "/v2/coaching",
  scope: "api:coaching:read",
  handler(ctx) {
    const { data } = ctx;
    const workspaceIndex = workspaceIndexOf(ctx, requiredQuery(ctx, "workspace-id"), "workspace-id")!;
    const managerId = requiredQuery(ctx, "manager-id");
    const from = parseDateTime(requiredQuery(ctx, "from"), "from");
    const to = parseDateTime(requiredQuery(ctx, "to"), "to");
    if (from >= to) throw badRequest("from must be before to");
    const manager = data.userByIdOrUndefined(managerId);
    if (!manager) throw badRequest(`manager-id ${managerId} is not a user of this company`);
    const reports = data.users.filter(
      (u) => u.managerIndex === manager.index && u.workspaceIndex === workspaceIndex,
    );
    const metrics = new Map(reports.map((r) => [r.index, new Map<string, Set<string>>()]));
    const note = (report: number, name: string, callId: string) => {
      const m = metrics.get(report);
      if (!m) return;
      const set = m.get(name) ?? new Set<string>();
      set.add(callId);
      m.set(name, set);
    };
    const { lo, hi } = data.callRange(from, to);
    for (let i = lo; i < hi; i++) {
      const a = data.callActivity(i);
      if (!metrics.has(a.host)) continue;
      const id = data.callCore(i).id;
      note(a.host, "callsHosted", id);
      if (a.listenedBy.includes(manager.index)) note(a.host, "callsListened", id);
      if (a.attendees.includes(manager.index)) note(a.host, "callsAttended", id);
      if (a.commenter === manager.index) note(a.host, "callsCommented", id);
      if (a.feedbackBy === manager.index) note(a.host, "callsWithFeedback", id);
      if (a.scorecard?.reviewer === manager.index) note(a.host, "callsScored", id);
    }
    return {
      body: {
        coachingData: [
          {
            manager: coachingUser(manager),
            directReportsMetrics: reports.map((r) => ({
              report: coachingUser(r),
              metrics: Object.fromEntries([...metrics.get(r.index)!.entries()].map(([k, v]) => [k, [...v]])),
            })),
          },
        ],
      },
    };
  },
};

const LOG_TYPES = [
  "AccessLog",
  "UserActivityLog",
  "UserCallPlay",
  "ExternallySharedCallAccess",
  "ExternallySharedCallPlay",
];

function logEntries(ctx: RouteContext, logType: string, from: number, to: number): Json[] {
  const { data } = ctx;
  const first = Math.max(Math.floor(from / DAY_MS), Math.floor((ctx.nowMs - 365 * DAY_MS) / DAY_MS));
  const last = Math.min(Math.floor((to - 1) / DAY_MS), Math.floor(ctx.nowMs / DAY_MS));
  const entries: Json[] = [];
  for (let day = first; day <= last; day++) {
    const rng = rngFor(data.seed, "log", logType, day);
    const count = logType.startsWith("External") ? rng.int(0, 3) : rng.int(4, 14);
    const events: Json[] = [];
    for (let n = 0; n < count; n++) {
      const user = data.users[rng.int(0, data.users.length - 1)]!;
      const at = day * DAY_MS + rng.int(7 * 3600, 19 * 3600) * 1000;
      if (at < from || at >= to || at > ctx.nowMs) continue;
      const callIndex =
        data.callCount > 0
          ? Math.min(data.callCount - 1, data.firstCallAtOrAfter(at - 3 * DAY_MS))
          : undefined;
      const callId = callIndex === undefined ? undefined : data.callCore(callIndex).id;
      const record: Json =
        logType === "AccessLog"
          ? {
              action: rng.pick(["Login", "Logout", "ApiAccess"]),
              ipAddress: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
              userAgent: "Mozilla/5.0",
            }
          : logType === "UserActivityLog"
            ? {
                action: rng.pick(["SettingsChanged", "CallShared", "CommentAdded", "TrackerUpdated"]),
                targetType: "Call",
                targetId: callId ?? "",
              }
            : {
                callId: callId ?? "",
                playedFromSec: rng.int(0, 600),
                playedToSec: rng.int(600, 1800),
                ...(logType.startsWith("External")
                  ? { viewerEmail: `viewer${rng.int(1, 99)}@example.com` }
                  : {}),
              };
      events.push({
        userId: user.id,
        userEmailAddress: user.emailAddress,
        userFullName: `${user.firstName} ${user.lastName}`,
        ...(rng.chance(0.03)
          ? {
              impersonatorUserId: data.users[0]!.id,
              impersonatorEmailAddress: data.users[0]!.emailAddress,
              impersonatorFullName: `${data.users[0]!.firstName} ${data.users[0]!.lastName}`,
              impersonatorCompanyId: "1",
            }
          : {}),
        eventTime: isoDateTime(at),
        logRecord: record,
      });
    }
    events.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
    entries.push(...events);
  }
  return entries;
}

const logs: ApiRoute = {
  method: "GET",
  path: "/v2/logs",
  scope: "api:logs:read",
  handler(ctx) {
    const logType = requiredQuery(ctx, "logType", LOG_TYPES.join(", "));
    if (!LOG_TYPES.includes(logType)) throw badRequest(`logType must be one of ${LOG_TYPES.join(", ")}`);
    const from = parseDateTime(requiredQuery(ctx, "fromDateTime"), "fromDateTime");
    const toText = ctx.query.get("toDateTime");
    const to = toText ? parseDateTime(toText, "toDateTime") : ctx.nowMs + 1;
    if (from >= to) throw badRequest("fromDateTime must be before toDateTime");
    const key = { logType, fromDateTime: ctx.query.get("fromDateTime"), toDateTime: toText };
    const { items, records } = page(arraySource(logEntries(ctx, logType, from, to)), queryCursor(ctx), key);
    if (items.length === 0) throw notFound("No logs found corresponding to the provided filters");
    return { body: { records, logEntries: items } };
  },
};

function access(level: PermissionProfile["level"] | "none", teamLeadIds: string[]): Json {
  return { permissionLevel: level, ...(level === "managers-team" ? { teamLeadIds } : {}) };
}

export function renderProfile(ctx: RouteContext, profile: PermissionProfile): Json {
  const managers = ctx.data.users.filter((u) => u.role === "manager").map((u) => u.id);
  const all = profile.level === "all";
  const lead = profile.level !== "own";
  return {
    id: profile.id,
    name: profile.name,
    description: profile.description,
    callsAccess: access(profile.level, managers),
    libraryFolderAccess: {
      permissionLevel: "all",
      managePublicFolder: all,
      manageStreams: lead,
      manageFolderCalls: lead,
      shareFoldersAndStreams: true,
    },
    dealsAccess: access(profile.level, managers),
    forecastPermissions: {
      forecastAccess: access(profile.level, managers),
      forecastEditSubmissions: access(lead ? profile.level : "own", managers),
      forecastEditTargets: access(all ? "all" : "none", managers),
    },
    coachingAccess: access(lead ? profile.level : "own", managers),
    insightsAccess: access(profile.level, managers),
    usageAccess: access(all ? "all" : lead ? "managers-team" : "none", managers),
    emailsAccess: access(profile.level, managers),
    scoreCalls: lead,
    overrideScore: all,
    downloadCallMedia: lead,
    shareCallsWithCustomers: true,
    manuallyScheduleAndUploadCalls: true,
    privateCalls: true,
    deleteCalls: all,
    trimCalls: lead,
    listenInCalls: lead,
    deleteEmails: all,
    callsAndSearch: true,
    library: true,
    deals: true,
    coaching: lead,
    usage: lead,
    teamStats: lead,
    forecast: true,
    forecastManage: all,
    manageScorecards: all,
    exportCallsAndCoachingDataToCSV: lead,
    aiBuilder: all,
  };
}

/** Every profile as Gong returns it: generated ones (possibly edited through the API) and created ones. */
export function allProfileDtos(ctx: RouteContext): Json[] {
  const generated = ctx.data.settings.permissionProfiles.map(
    (p) => ctx.store.permissionProfiles.get(p.id) ?? renderProfile(ctx, p),
  );
  const generatedIds = new Set(ctx.data.settings.permissionProfiles.map((p) => p.id));
  const created = [...ctx.store.permissionProfiles.values()].filter((p) => !generatedIds.has(String(p.id)));
  return [...generated, ...created];
}

function profileDtoById(ctx: RouteContext): Json {
  const id = requiredQuery(ctx, "profileId");
  const profile = allProfileDtos(ctx).find((p) => p.id === id);
  if (!profile) throw notFound(`Permission profile ${id} was not found`);
  return profile;
}

const allProfiles: ApiRoute = {
  method: "GET",
  path: "/v2/all-permission-profiles",
  scope: "api:users:read",
  handler(ctx) {
    workspaceIndexOf(ctx, requiredQuery(ctx, "workspaceId"));
    return { body: { profiles: allProfileDtos(ctx) } };
  },
};

const oneProfile: ApiRoute = {
  method: "GET",
  path: "/v2/permission-profile",
  scope: "api:users:read",
  handler(ctx) {
    return { body: { profile: profileDtoById(ctx) } };
  },
};

const profileUsers: ApiRoute = {
  method: "GET",
  path: "/v2/permission-profile/users",
  scope: "api:users:read",
  handler(ctx) {
    const id = String(profileDtoById(ctx).id);
    // Users keep their generated profile; profiles created through the API start empty.
    const generated = ctx.data.settings.permissionProfiles.find((p) => p.id === id);
    return {
      body: {
        users: ctx.data.users
          .filter((u) => generated?.roles.includes(u.role) ?? false)
          .map((u) => ({ id: u.id, fullName: `${u.firstName} ${u.lastName}`, emailAddress: u.emailAddress })),
      },
    };
  },
};

export const peopleOpsRoutes: ApiRoute[] = [coaching, logs, allProfiles, oneProfile, profileUsers];
