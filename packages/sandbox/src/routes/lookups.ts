import type { Dataset } from "../data/dataset.js";
import type { Account, Contact } from "../data/people.js";
import { rngFor } from "../data/random.js";
import { DAY_MS, isoDateTime, optionalDateTime, startOfUtcDay } from "../gong/dates.js";
import { badRequest, GongHttpError, notFound } from "../gong/errors.js";
import type { ApiRoute, RouteContext } from "../http/types.js";
import { bodyObject, filterObject, idList, type Json, requiredQuery, workspaceIndexOf } from "./input.js";

/** Look-ups across the data: data-privacy references, AI answers about CRM entities, call access, meeting integration. */

function findContact(
  data: Dataset,
  predicate: (c: Contact) => boolean,
): { account: Account; contact: Contact } | undefined {
  for (const account of data.accounts) {
    const contact = account.contacts.find(predicate);
    if (contact) return { account, contact };
  }
  return undefined;
}

/** Indexes of calls (within [lo, hi)) where a party matches. */
function callsWith(
  data: Dataset,
  match: (p: { emailAddress: string; contact?: Contact }) => boolean,
  lo = 0,
  hi = data.callCount,
): number[] {
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (data.callPlan(i).parties.some(match)) out.push(i);
  return out;
}

function callReferences(data: Dataset, indexes: readonly number[]): Json[] {
  return indexes.map((i) => {
    const core = data.callCore(i);
    return {
      id: core.id,
      status: "COMPLETED",
      externalSystems: core.external
        ? [
            {
              system: "Salesforce",
              objects: [{ objectType: "Conversation", externalId: `00T${core.id.slice(-12)}AAA` }],
            },
          ]
        : [],
    };
  });
}

function emailsOf(data: Dataset, contact: Contact, nowMs: number): Json[] {
  const rng = rngFor(data.seed, "emails", contact.id);
  return Array.from({ length: rng.int(0, 5) }, () => ({
    from: rng.chance(0.5)
      ? contact.emailAddress
      : data.users[rng.int(0, data.users.length - 1)]!.emailAddress,
    id: rng.digits(18),
    sentTime: isoDateTime(nowMs - rng.int(1, 150) * DAY_MS),
    mailbox: contact.emailAddress,
    messageHash: rng.alnum(32),
  }));
}

function customerData(found: { account: Account; contact: Contact } | undefined): Json[] {
  if (!found) return [];
  const { account, contact } = found;
  return [
    {
      system: "Salesforce",
      objects: [
        {
          id: contact.id.slice(3, 15),
          objectType: "Contact",
          externalId: contact.id,
          mirrorId: contact.id.toLowerCase(),
          fields: [
            { name: "Email", value: contact.emailAddress },
            { name: "Name", value: contact.name },
            { name: "Account", value: account.name },
          ],
        },
      ],
    },
  ];
}

const byEmail: ApiRoute = {
  method: "GET",
  path: "/v2/data-privacy/data-for-email-address",
  scope: "api:data-privacy:read",
  handler(ctx) {
    const email = requiredQuery(ctx, "emailAddress").toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw badRequest(`emailAddress ${JSON.stringify(email)} is not an email address`);
    const erased = ctx.store.erasedEmails.has(email);
    const found = erased ? undefined : findContact(ctx.data, (c) => c.emailAddress === email);
    const calls = erased ? [] : callsWith(ctx.data, (p) => p.emailAddress === email);
    return {
      body: {
        emails: found ? emailsOf(ctx.data, found.contact, ctx.nowMs) : [],
        calls: callReferences(ctx.data, calls),
        meetings: [],
        customerData: customerData(found),
        customerEngagement: [],
      },
    };
  },
};

const digitsOnly = (s: string) => s.replace(/\D/g, "");

const byPhone: ApiRoute = {
  method: "GET",
  path: "/v2/data-privacy/data-for-phone-number",
  scope: "api:data-privacy:read",
  handler(ctx) {
    const supplied = requiredQuery(ctx, "phoneNumber");
    const wanted = digitsOnly(supplied);
    if (wanted.length < 7) throw badRequest(`phoneNumber ${JSON.stringify(supplied)} is not a phone number`);
    const erased = [...ctx.store.erasedPhones].some((e) => e.endsWith(wanted) || wanted.endsWith(e));
    const found = erased
      ? undefined
      : findContact(
          ctx.data,
          (c) => digitsOnly(c.phoneNumber).endsWith(wanted) || wanted.endsWith(digitsOnly(c.phoneNumber)),
        );
    const calls = found ? callsWith(ctx.data, (p) => p.contact === found.contact) : [];
    return {
      body: {
        emails: found ? emailsOf(ctx.data, found.contact, ctx.nowMs) : [],
        calls: callReferences(ctx.data, calls),
        meetings: [],
        customerData: customerData(found),
        suppliedPhoneNumber: supplied,
        matchingPhoneNumbers: found ? [found.contact.phoneNumber] : [],
        emailAddresses: found ? [found.contact.emailAddress] : [],
      },
    };
  },
};

const PERIODS = [
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
];

function periodRange(ctx: RouteContext, period: string): { from: number; to: number } {
  const now = ctx.nowMs;
  const d = new Date(now);
  switch (period) {
    case "LAST_7DAYS":
      return { from: now - 7 * DAY_MS, to: now };
    case "LAST_30DAYS":
      return { from: now - 30 * DAY_MS, to: now };
    case "LAST_90DAYS":
    case "LAST_90_DAYS_SINCE_LAST_ACTIVITY":
      return { from: now - 90 * DAY_MS, to: now };
    case "LAST_YEAR":
    case "LAST_YEAR_SINCE_LAST_ACTIVITY":
      return { from: now - 365 * DAY_MS, to: now };
    case "THIS_WEEK":
      return { from: startOfUtcDay(now) - ((d.getUTCDay() + 6) % 7) * DAY_MS, to: now };
    case "THIS_MONTH":
      return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), to: now };
    case "THIS_QUARTER":
      return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1), to: now };
    case "THIS_YEAR":
      return { from: Date.UTC(d.getUTCFullYear(), 0, 1), to: now };
    case "CUSTOM_RANGE": {
      const from = optionalDateTime(ctx.query.get("fromDateTime") ?? undefined, "fromDateTime");
      if (from === undefined) throw badRequest("fromDateTime is required when timePeriod is CUSTOM_RANGE");
      const to = optionalDateTime(ctx.query.get("toDateTime") ?? undefined, "toDateTime") ?? now;
      if (from >= to) throw badRequest("fromDateTime must be before toDateTime");
      return { from, to };
    }
    default:
      return { from: 0, to: now };
  }
}

interface EntityCalls {
  account: Account;
  label: string;
  calls: number[];
}

/** The calls about a CRM entity in the requested period, most recent first. */
function entityCalls(ctx: RouteContext): EntityCalls {
  const { data } = ctx;
  workspaceIndexOf(ctx, requiredQuery(ctx, "workspaceId"));
  const type = requiredQuery(ctx, "crmEntityType", "ACCOUNT, CONTACT, DEAL or LEAD");
  const id = requiredQuery(ctx, "crmEntityId");
  const period = requiredQuery(ctx, "timePeriod", PERIODS.join(", "));
  if (!PERIODS.includes(period)) throw badRequest(`timePeriod must be one of ${PERIODS.join(", ")}`);
  const { from, to } = periodRange(ctx, period);
  const { lo, hi } = data.callRange(from, to);
  let found: EntityCalls | undefined;
  if (type === "ACCOUNT" || type === "DEAL") {
    const account = data.accounts.find((a) => (type === "ACCOUNT" ? a.crmId : a.opportunity.id) === id);
    if (account) {
      const calls: number[] = [];
      for (let i = lo; i < hi; i++) if (data.callCore(i).accountIndex === account.index) calls.push(i);
      found = { account, label: type === "ACCOUNT" ? account.name : account.opportunity.name, calls };
    }
  } else if (type === "CONTACT") {
    const hit = findContact(data, (c) => c.id === id);
    if (hit)
      found = {
        account: hit.account,
        label: hit.contact.name,
        calls: callsWith(data, (p) => p.contact === hit.contact, lo, hi),
      };
  } else if (type !== "LEAD") {
    throw badRequest("crmEntityType must be one of ACCOUNT, CONTACT, DEAL, LEAD");
  }
  if (!found) throw notFound(`No ${type.toLowerCase()} with CRM id ${id} was found`);
  if (found.calls.length === 0)
    throw notFound(`No conversations with ${found.label} in the requested time period`);
  found.calls.reverse();
  return found;
}

function callInfo(data: Dataset, index: number): Json {
  const meta = data.callMeta(index);
  return { call: { id: meta.id, title: meta.title, started: meta.started, url: meta.url } };
}

/** AI answers spend Gong credits; without any left Gong answers 402. */
function spendCredit(ctx: RouteContext): void {
  if (ctx.store.aiCredits <= 0) {
    throw new GongHttpError(402, ["Payment required: the company has no Gong credits left for AI answers"]);
  }
  ctx.store.aiCredits--;
}

const askEntity: ApiRoute = {
  method: "GET",
  path: "/v2/entities/ask-entity",
  scope: "api:ai-ask:read",
  handler(ctx) {
    const question = requiredQuery(ctx, "question");
    const found = entityCalls(ctx);
    spendCredit(ctx);
    const recent = found.calls.slice(0, 5);
    const contents = recent.map((i) => ctx.data.callContent(i));
    const q = question.toLowerCase();
    const items: string[] = [];
    if (/compet|alternative|vendor/.test(q)) {
      const counts = new Map<string, number>();
      for (const c of contents)
        for (const t of c.trackers)
          if (t.name === "Competitors")
            for (const p of t.phrases) counts.set(p.phrase, (counts.get(p.phrase) ?? 0) + p.count);
      items.push(
        counts.size > 0
          ? `Competitors mentioned: ${[...counts.entries()]
              .sort((a, b) => b[1] - a[1])
              .map(([name, n]) => `${name} (${n})`)
              .join(", ")}.`
          : `No competitor was mentioned in the recent conversations with ${found.label}.`,
      );
    }
    if (/price|pricing|budget|cost/.test(q)) {
      items.push(
        `Pricing came up in ${contents.filter((c) => c.trackers.some((t) => t.name === "Pricing")).length} of the last ${contents.length} calls.`,
      );
    }
    if (/next step|follow/.test(q) || items.length === 0) {
      items.push(...contents.slice(0, 2).map((c) => c.brief));
    }
    return {
      body: {
        numOfCallsSearched: found.calls.length,
        numOfEmailsSearched: found.account.contacts.length * 2,
        answer: [
          { answerItems: items, emailFindings: [], callFindings: recent.map((i) => callInfo(ctx.data, i)) },
        ],
      },
    };
  },
};

const getBrief: ApiRoute = {
  method: "GET",
  path: "/v2/entities/get-brief",
  scope: "api:ai-briefer:read",
  handler(ctx) {
    const briefName = requiredQuery(ctx, "briefName", "list briefs with GET /v2/settings/briefs");
    const brief = ctx.data.settings.briefs.find((b) => b.briefName.toLowerCase() === briefName.toLowerCase());
    if (!brief)
      throw notFound(`No brief named ${JSON.stringify(briefName)}; list briefs with GET /v2/settings/briefs`);
    const found = entityCalls(ctx);
    spendCredit(ctx);
    const recent = found.calls.slice(0, 5);
    const contents = recent.map((i) => ctx.data.callContent(i));
    const people = new Set<string>();
    for (const i of recent)
      for (const p of ctx.data.callPlan(i).parties)
        if (p.affiliation === "External") people.add(`${p.name} (${p.title})`);
    const findings = { callFindings: recent.map((i) => callInfo(ctx.data, i)), emailFindings: [] };
    const opportunity = found.account.opportunity;
    return {
      body: {
        numOfCallsSearched: found.calls.length,
        numOfEmailsSearched: found.account.contacts.length * 2,
        briefSections: [
          {
            title: "Summary",
            sectionSummary: contents.slice(0, 3).map((c) => c.brief),
            conversationFindings: findings,
            briefSectionType: "Conversations",
          },
          {
            title: "Stakeholders",
            sectionSummary: [...people].slice(0, 6),
            conversationFindings: findings,
            briefSectionType: "Conversations",
          },
          {
            title: "Deal status",
            sectionSummary: [
              `${opportunity.name}: ${opportunity.stage}, $${opportunity.amount.toLocaleString("en-US")}.`,
            ],
            briefSectionType: "CrmOrGongData",
          },
          {
            title: "Company",
            sectionSummary: [`${found.account.name} is in ${found.account.industry}.`],
            webFindings: [
              {
                domain: found.account.domain,
                title: found.account.name,
                url: `https://www.${found.account.domain}`,
              },
            ],
            briefSectionType: "Web",
          },
        ],
      },
    };
  },
};

const usersAccess: ApiRoute = {
  method: "POST",
  path: "/v2/calls/users-access",
  scope: "api:call-user-access:read",
  handler(ctx) {
    const filter = filterObject(bodyObject(ctx));
    const ids = idList(filter.callIds, "filter.callIds");
    if (!ids) throw badRequest("filter.callIds is required");
    const list = ids
      .map((id) => ctx.data.callIndexById(id))
      .filter((i): i is number => i !== undefined)
      .map((i) => {
        const plan = ctx.data.callPlan(i);
        const host = ctx.data.users[plan.core.primaryUserIndex]!;
        const manager = host.managerIndex === undefined ? undefined : ctx.data.users[host.managerIndex];
        // Private calls are shared individually with the host's manager; writes add and remove users.
        const ids = new Set(plan.isPrivate && manager ? [manager.id] : []);
        for (const id of ctx.store.accessAdded.get(plan.core.id) ?? []) ids.add(id);
        for (const id of ctx.store.accessRemoved.get(plan.core.id) ?? []) ids.delete(id);
        return { callId: plan.core.id, users: [...ids].map((userId) => ({ userId })) };
      });
    if (list.length === 0) throw notFound("No calls found corresponding to the provided filters");
    return { body: { callAccessList: list } };
  },
};

const integrationStatus: ApiRoute = {
  method: "POST",
  path: "/v2/meetings/integration/status",
  scope: "api:meetings:integration:status",
  handler(ctx) {
    const body = bodyObject(ctx);
    const emails = body.emails === undefined ? ctx.data.users.map((u) => u.emailAddress) : body.emails;
    if (!Array.isArray(emails) || emails.some((e) => typeof e !== "string"))
      throw badRequest("emails must be a list of email addresses");
    return {
      body: {
        users: (emails as string[]).map((email) => {
          const user = ctx.data.users.find((u) => u.emailAddress === email.toLowerCase());
          const valid = Boolean(user?.active);
          return {
            email,
            exists: Boolean(user),
            valid,
            ...(valid
              ? {}
              : {
                  userFacingError: user
                    ? "The user is inactive in Gong"
                    : "No Gong user has this email address",
                  fixUrl: "https://app.gong.io/company/team-member",
                  helpUrl: "https://help.gong.io/",
                }),
          };
        }),
      },
    };
  },
};

export const lookupRoutes: ApiRoute[] = [
  byEmail,
  byPhone,
  askEntity,
  getBrief,
  usersAccess,
  integrationStatus,
];
