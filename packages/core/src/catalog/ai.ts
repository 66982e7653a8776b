/** Gong's AI answers about CRM entities. These spend Gong credits: refused unless `allowCreditSpend`. */
import { dateTime, id, oneOf, params, text } from "../params/fields.js";
import type { Open } from "./records.js";
import { operation } from "./types.js";

const timePeriod = () =>
  oneOf(
    [
      "LAST_7DAYS",
      "LAST_30DAYS",
      "LAST_90DAYS",
      "LAST_90_DAYS_SINCE_LAST_ACTIVITY",
      "LAST_YEAR_SINCE_LAST_ACTIVITY",
      "LAST_YEAR",
      "THIS_WEEK",
      "THIS_MONTH",
      "THIS_YEAR",
      "THIS_QUARTER",
      "CUSTOM_RANGE",
      "ALL_CONVERSATIONS",
    ],
    "Conversations to consider; CUSTOM_RANGE uses fromDateTime/toDateTime.",
  );

const entityParams = () => ({
  workspaceId: id("Workspace id."),
  crmEntityType: oneOf(["ACCOUNT", "CONTACT", "DEAL", "LEAD"], "CRM entity type."),
  crmEntityId: text("The entity's CRM id."),
  timePeriod: timePeriod(),
  fromDateTime: dateTime("Start, for CUSTOM_RANGE.").optional(),
  toDateTime: dateTime("End, for CUSTOM_RANGE.").optional(),
});

export const aiOperations = {
  ask_entity: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/entities/ask-entity",
      cursor: "none",
      spendsCredits: true,
      scopes: ["api:ai-ask:read"],
      hint: "Gong AI answers a question about a CRM account/deal/contact/lead (spends credits).",
      params: () => params({ ...entityParams(), question: text("The question.") }),
    }),
  },
  entity_brief: {
    get: operation<Open>()({
      kind: "get",
      method: "GET",
      path: "/v2/entities/get-brief",
      cursor: "none",
      spendsCredits: true,
      scopes: ["api:ai-briefer:read"],
      hint: "Gong AI brief of a CRM entity (spends credits).",
      params: () =>
        params({
          ...entityParams(),
          briefName: text("Name of a configured brief (see settings_briefs)."),
        }),
    }),
  },
};
