import type { CallParty } from "../data/calls.js";
import type { Dataset } from "../data/dataset.js";
import type { AddedCall } from "../data/store.js";
import { CALL_OUTCOMES } from "../data/words.js";
import { isoDate } from "../gong/dates.js";
import type { RouteContext } from "../http/types.js";
import type { Json } from "./input.js";

type Timing = "Now" | "TimeOfCall";

export interface Selector {
  context: "None" | "Basic" | "Extended";
  timings: Timing[];
  parties: boolean;
  media: boolean;
  content: Record<string, boolean>;
  interaction: Record<string, boolean>;
  collaboration: Record<string, boolean>;
}

function flags(value: unknown): Record<string, boolean> {
  if (!value || typeof value !== "object") return {};
  const out: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(value as Json)) out[k] = v === true;
  return out;
}

/** Reads `contentSelector`: only what is asked for comes back, as on Gong. */
export function readSelector(body: Json): Selector {
  const selector = (
    body.contentSelector && typeof body.contentSelector === "object" ? body.contentSelector : {}
  ) as Json;
  const exposed = (
    selector.exposedFields && typeof selector.exposedFields === "object" ? selector.exposedFields : {}
  ) as Json;
  const context = selector.context === "Basic" || selector.context === "Extended" ? selector.context : "None";
  const timings = Array.isArray(selector.contextTiming)
    ? (selector.contextTiming.filter((t) => t === "Now" || t === "TimeOfCall") as Timing[])
    : [];
  return {
    context,
    timings: timings.length > 0 ? timings : ["Now"],
    parties: exposed.parties === true,
    media: exposed.media === true,
    content: flags(exposed.content),
    interaction: flags(exposed.interaction),
    collaboration: flags(exposed.collaboration),
  };
}

function field(name: string, value: unknown) {
  return { name, value };
}

function callContext(data: Dataset, index: number, selector: Selector): Json[] {
  const plan = data.callPlan(index);
  const account = plan.account;
  if (!account) return [];
  const extended = selector.context === "Extended";
  const objects: Json[] = [];
  for (const timing of selector.timings) {
    objects.push({
      objectType: "Account",
      objectId: account.crmId,
      ...(extended
        ? {
            fields: [
              field("Name", account.name),
              field("Website", `https://www.${account.domain}`),
              field("Industry", account.industry),
              field("BillingCountry", account.region === 0 ? "United States" : "Germany"),
            ],
          }
        : {}),
      timing,
    });
    objects.push({
      objectType: "Opportunity",
      objectId: account.opportunity.id,
      ...(extended
        ? {
            fields: [
              field("Name", account.opportunity.name),
              field("Amount", account.opportunity.amount),
              field(
                "StageName",
                timing === "TimeOfCall" && account.opportunity.stage.startsWith("Closed")
                  ? "Negotiation"
                  : account.opportunity.stage,
              ),
              field("CloseDate", isoDate(account.opportunity.closeDateMs)),
              field(
                "Probability",
                account.opportunity.stage === "Closed Won"
                  ? 100
                  : account.opportunity.stage === "Closed Lost"
                    ? 0
                    : 40,
              ),
            ],
          }
        : {}),
      timing,
    });
  }
  return [{ system: "Salesforce", objects }];
}

function partyContext(data: Dataset, party: CallParty, selector: Selector): Json[] | undefined {
  if (selector.context === "None") return undefined;
  const extended = selector.context === "Extended";
  if (party.contact) {
    const contact = party.contact;
    return [
      {
        system: "Salesforce",
        objects: selector.timings.map((timing) => ({
          objectType: "Contact",
          objectId: contact.id,
          ...(extended
            ? {
                fields: [
                  field("FirstName", contact.firstName),
                  field("LastName", contact.lastName),
                  field("Email", contact.emailAddress),
                  field("Title", contact.title),
                ],
              }
            : {}),
          timing,
        })),
      },
    ];
  }
  const user = party.userIndex === undefined ? undefined : data.users[party.userIndex];
  if (!user) return undefined;
  return [
    {
      system: "Salesforce",
      objects: selector.timings.map((timing) => ({
        objectType: "User",
        objectId: `005${user.id.slice(-12)}AAA`,
        ...(extended ? { fields: [field("Email", user.emailAddress), field("Title", user.title)] } : {}),
        timing,
      })),
    },
  ];
}

function renderParty(data: Dataset, party: CallParty, selector: Selector): Json {
  const out: Json = {
    id: party.id,
    emailAddress: party.emailAddress,
    name: party.name,
    title: party.title,
  };
  if (party.userId) out.userId = party.userId;
  if (party.speakerId) out.speakerId = party.speakerId;
  const context = partyContext(data, party, selector);
  if (context) out.context = context;
  out.affiliation = party.affiliation;
  if (party.phoneNumber) out.phoneNumber = party.phoneNumber;
  out.methods = party.methods;
  return out;
}

function callOutcomeOf(data: Dataset, index: number): Json | undefined {
  const plan = data.callPlan(index);
  if (plan.outcomeIndex === undefined) return undefined;
  const outcome = CALL_OUTCOMES[plan.outcomeIndex]!;
  return { id: data.outcomeIds[plan.outcomeIndex] ?? "0", category: outcome[1], name: outcome[0] };
}

/** One record of POST /v2/calls/extensive, shaped by the content selector. */
export function renderExtensiveCall(ctx: RouteContext, index: number, selector: Selector): Json {
  const data = ctx.data;
  const out: Json = { metaData: data.callMeta(index) };
  if (selector.context !== "None") out.context = callContext(data, index, selector);
  const plan = data.callPlan(index);
  if (selector.parties) out.parties = plan.parties.map((p) => renderParty(data, p, selector));

  const c = selector.content;
  if (Object.values(c).some(Boolean)) {
    // The outcome is known from the call itself; the rest needs the (costlier) processed content.
    const needsContent = Object.entries(c).some(([key, on]) => on && key !== "callOutcome");
    const content = needsContent ? data.callContent(index) : undefined;
    const picked: Json = {};
    const outcome = c.callOutcome ? callOutcomeOf(data, index) : undefined;
    if (content) {
      if (c.structure) picked.structure = content.structure;
      if (c.trackers) {
        picked.trackers = content.trackers.map((t) => ({
          id: t.id,
          name: t.name,
          count: t.count,
          type: t.type,
          ...(c.trackerOccurrences ? { occurrences: t.occurrences } : {}),
          phrases: t.phrases.map((p) => ({
            count: p.count,
            ...(c.trackerOccurrences ? { occurrences: p.occurrences } : {}),
            phrase: p.phrase,
          })),
        }));
      }
      if (c.topics) picked.topics = content.topics;
      if (c.brief) picked.brief = content.brief;
      if (c.outline) picked.outline = content.outline;
      if (c.highlights) picked.highlights = content.highlights;
    }
    if (outcome) picked.callOutcome = outcome;
    if (content && c.keyPoints) picked.keyPoints = content.keyPoints;
    out.content = picked;
  }

  const i = selector.interaction;
  if (Object.values(i).some(Boolean)) {
    const content = data.callContent(index);
    const picked: Json = {};
    if (i.speakers) picked.speakers = content.speakers;
    if (i.personInteractionStats) picked.interactionStats = content.interactionStats;
    if (i.video) picked.video = content.video;
    if (i.questions) picked.questions = content.questions;
    out.interaction = picked;
  }

  if (selector.collaboration.publicComments) {
    out.collaboration = { publicComments: data.callContent(index).publicComments };
  }
  if (selector.media) {
    const id = plan.core.id;
    out.media = {
      audioUrl: ctx.mediaUrl(id, "audio"),
      ...(plan.media === "Video" ? { videoUrl: ctx.mediaUrl(id, "video") } : {}),
    };
  }
  return out;
}

/**
 * A call created with `POST /v2/calls`, shaped by the selector. Gong has not processed it: no CRM
 * context, content, interaction or comments yet, only what was uploaded.
 */
export function renderAddedCall(call: AddedCall, selector: Selector): Json {
  const out: Json = { metaData: call.meta };
  if (selector.context !== "None") out.context = [];
  if (selector.parties) out.parties = call.parties;
  if (Object.values(selector.content).some(Boolean)) out.content = {};
  if (Object.values(selector.interaction).some(Boolean)) out.interaction = {};
  if (selector.collaboration.publicComments) out.collaboration = { publicComments: [] };
  return out;
}
