import { CALL_OUTCOMES, TRACKERS } from "../data/words.js";
import { isoDateTime } from "../gong/dates.js";
import { notFound } from "../gong/errors.js";
import type { ApiRoute } from "../http/types.js";
import { workspaceIndexOf } from "./input.js";

const scorecards: ApiRoute = {
  method: "GET",
  path: "/v2/settings/scorecards",
  scope: "api:settings:scorecards:read",
  handler(ctx) {
    const { data } = ctx;
    return {
      body: {
        scorecards: data.settings.scorecards.map((s) => ({
          scorecardId: s.scorecardId,
          scorecardName: s.scorecardName,
          workspaceId: BigInt(data.workspaces[s.workspaceIndex]!.id),
          enabled: s.enabled,
          updaterUserId: BigInt(data.users[s.updaterUserIndex]!.id),
          created: isoDateTime(s.createdMs),
          updated: isoDateTime(s.updatedMs),
          reviewMethod: s.reviewMethod,
          questions: s.questions.map((q) => ({
            questionId: q.questionId,
            questionRevisionId: q.questionRevisionId,
            questionText: q.questionText,
            isOverall: q.isOverall,
            questionType: q.questionType,
            ...(q.questionType === "SCALE" ? { minRange: 1, maxRange: 5 } : {}),
            answerOptions: q.options.map((text, id) => ({ id: id + 1, text })),
          })),
        })),
      },
    };
  },
};

const trackers: ApiRoute = {
  method: "GET",
  path: "/v2/settings/trackers",
  scope: "api:settings:trackers:read",
  handler(ctx) {
    const { data } = ctx;
    const workspaceIndex = workspaceIndexOf(ctx, ctx.query.get("workspaceId")) ?? 0;
    const creator = data.users[0]!;
    return {
      body: {
        keywordTrackers: TRACKERS.map(([name, keywords, type], k) => ({
          trackerId: data.trackerIds[k],
          trackerName: name,
          workspaceId: data.workspaces[workspaceIndex]!.id,
          languageKeywords: [
            { language: "eng", keywords: [...keywords], includeRelatedForms: type === "SMART" },
          ],
          affiliation: name === "Objections" ? "NonCompany" : "Whole",
          partOfQuestion: false,
          saidAt: "Anytime",
          saidInTopics: [],
          filterQuery: "",
          created: isoDateTime(data.settings.trackerCreatedMs + k * 86_400_000),
          creatorUserId: creator.id,
          updated: isoDateTime(data.settings.trackerCreatedMs + (k + 30) * 86_400_000),
          updaterUserId: creator.id,
        })),
      },
    };
  },
};

const briefs: ApiRoute = {
  method: "GET",
  path: "/v2/settings/briefs",
  scope: "api:ai-briefer:read",
  handler(ctx) {
    const { data } = ctx;
    const workspaceIndex = workspaceIndexOf(ctx, ctx.query.get("workspaceId"));
    const list = data.settings.briefs.filter(
      (b) => workspaceIndex === undefined || b.workspaceIndex === workspaceIndex,
    );
    if (list.length === 0) throw notFound("No briefs found corresponding to the provided filters");
    return {
      body: {
        briefs: list.map((b) => {
          const creator = data.users[b.creatorIndex]!;
          return {
            briefId: b.briefId,
            briefName: b.briefName,
            workspaceId: data.workspaces[b.workspaceIndex]!.id,
            description: b.description,
            status: "ACTIVE",
            creator: `${creator.firstName} ${creator.lastName}`,
            creatorUserId: creator.id,
            created: isoDateTime(b.createdMs),
            updated: isoDateTime(b.createdMs + 86_400_000),
          };
        }),
      },
    };
  },
};

const callOutcomes: ApiRoute = {
  method: "GET",
  path: "/v2/call-outcomes",
  scope: "api:call-outcomes:read",
  handler() {
    return {
      body: {
        outcomes: CALL_OUTCOMES.map(([name, category, connect, sentiment], k) => ({
          callOutcome: name,
          displayOrder: k + 1,
          connectStatus: connect,
          sentiment,
          ...(name === "Meeting booked" ? { todoAction: "COMPLETE" } : {}),
          ...(name === "Not interested" ? { automation: "MARK_AS_OPT_OUT" } : {}),
          category,
        })),
      },
    };
  },
};

export const settingsRoutes: ApiRoute[] = [scorecards, trackers, briefs, callOutcomes];
