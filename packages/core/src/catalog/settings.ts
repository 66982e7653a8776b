/** Company settings: workspaces, scorecards, trackers, AI brief settings. */
import { params } from "../params/fields.js";
import type { Brief, Scorecard, Tracker, Workspace } from "./records.js";
import { workspaceId } from "./shared.js";
import { operation } from "./types.js";

export const settingsOperations = {
  workspaces: {
    list: operation<Workspace>()({
      kind: "list",
      method: "GET",
      path: "/v2/workspaces",
      cursor: "none",
      records: "workspaces",
      scopes: ["api:workspaces:read"],
      hint: "The company's workspaces (id, name).",
      params: () => params({}),
    }),
  },
  settings_scorecards: {
    list: operation<Scorecard>()({
      kind: "list",
      method: "GET",
      path: "/v2/settings/scorecards",
      cursor: "none",
      records: "scorecards",
      scopes: ["api:settings:scorecards:read"],
      hint: "Scorecard definitions with their questions.",
      params: () => params({}),
    }),
  },
  settings_trackers: {
    list: operation<Tracker>()({
      kind: "list",
      method: "GET",
      path: "/v2/settings/trackers",
      cursor: "none",
      records: "keywordTrackers",
      scopes: ["api:settings:trackers:read"],
      hint: "Keyword tracker definitions.",
      params: () => params({ workspaceId: workspaceId().optional() }),
    }),
  },
  settings_briefs: {
    list: operation<Brief>()({
      kind: "list",
      method: "GET",
      path: "/v2/settings/briefs",
      cursor: "none",
      records: "briefs",
      scopes: ["api:ai-briefer:read"],
      hint: "AI brief settings (beta).",
      params: () => params({ workspaceId: workspaceId().optional() }),
    }),
  },
};
