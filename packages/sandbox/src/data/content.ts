import { isoDateTime } from "../gong/dates.js";
import type { CallActivity } from "./activity.js";
import type { CallParty, CallPlan } from "./calls.js";
import type { SandboxUser } from "./people.js";
import { type Rng, rngFor } from "./random.js";
import {
  COMPETITORS,
  CUSTOMER_FILLER,
  CUSTOMER_LINES,
  INTEGRATIONS,
  INTERNAL_LINES,
  REP_FILLER,
  REP_LINES,
  WEEKDAYS,
} from "./sentences.js";
import { CALL_OUTCOMES, COMPANY, TOPICS, TRACKERS } from "./words.js";

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export interface Monologue {
  speakerId: string;
  topic: string;
  sentences: Sentence[];
}

export interface Occurrence {
  startTime: number;
  speakerId: string;
}

export interface TrackerHit {
  id: string;
  name: string;
  count: number;
  type: "KEYWORD" | "SMART";
  occurrences: Occurrence[];
  phrases: Array<{ phrase: string; count: number; occurrences: Occurrence[] }>;
}

/** What Gong derives from a processed call: transcript, trackers, AI summaries, interaction stats. */
export interface CallContent {
  transcript: Monologue[];
  topics: Array<{ name: string; duration: number }>;
  structure: Array<{ name: string; duration: number }>;
  trackers: TrackerHit[];
  brief: string;
  keyPoints: Array<{ text: string }>;
  outline: Array<{
    section: string;
    startTime: number;
    duration: number;
    items: Array<{ text: string; startTime: number }>;
  }>;
  highlights: Array<{ title: string; items: Array<{ text: string; startTimes: number[] }> }>;
  speakers: Array<{ id: string; userId?: string; talkTime: number }>;
  interactionStats: Array<{ name: string; value: number }>;
  video: Array<{ name: string; duration: number }>;
  questions: { companyCount: number; nonCompanyCount: number };
  publicComments: Array<Record<string, unknown>>;
}

export interface ContentInputs {
  seed: number;
  users: readonly SandboxUser[];
  trackerIds: readonly string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => vars[key] ?? key);
}

function topicPlan(rng: Rng, plan: CallPlan): string[] {
  if (!plan.core.external) return ["Pipeline", "Deal Strategy", "Coaching"].slice(0, rng.int(2, 3));
  if (plan.phone)
    return plan.answered
      ? ["Small Talk", rng.pick(["Use Cases", "Timeline", "Budget"]), "Next Steps"]
      : ["Small Talk"];
  const middle = rng.sample(
    TOPICS.filter((t) => t !== "Small Talk" && t !== "Next Steps"),
    rng.int(2, 4),
  );
  return ["Small Talk", ...middle, "Next Steps"];
}

export function buildContent(inputs: ContentInputs, plan: CallPlan, activity: CallActivity): CallContent {
  const rng = rngFor(inputs.seed, "call-content", plan.core.index);
  const speakers = plan.parties.filter(
    (p): p is CallParty & { speakerId: string } => p.speakerId !== undefined,
  );
  const host = speakers[0] as CallParty & { speakerId: string };
  const internal = new Set(speakers.filter((p) => p.affiliation === "Internal").map((p) => p.speakerId));
  const firstCustomer = speakers.find((p) => p.affiliation === "External");
  const competitor = rng.pick(COMPETITORS);
  const vars: Record<string, string> = {
    account: plan.account?.name ?? "the account",
    company: COMPANY.name,
    competitor,
    integration: rng.pick(INTEGRATIONS),
    contact: firstCustomer ? firstCustomer.name.split(" ")[0]! : "everyone",
    rep: host.name.split(" ")[0]!,
    amount: `$${(plan.account?.opportunity.amount ?? 48_000).toLocaleString("en-US")}`,
    weekday: rng.pick(WEEKDAYS),
  };

  const lines = new LinePicker(rng);
  const topicNames = topicPlan(rng, plan);
  const totalMs = plan.durationSec * 1000;
  const weights = topicNames.map((name) =>
    name === "Small Talk" ? 0.15 : name === "Next Steps" ? 0.5 : 1 + rng.next(),
  );
  const weightSum = weights.reduce((a, b) => a + b, 0);

  const transcript: Monologue[] = [];
  const talkMs = new Map<string, number>();
  const topics: CallContent["topics"] = [];
  const outline: CallContent["outline"] = [];
  let longestMonologue = 0;
  let longestCustomerStory = 0;
  let switches = 0;
  let t = rng.int(2, 9) * 1000;
  let segmentStart = 0;
  let current: (CallParty & { speakerId: string }) | undefined;

  topicNames.forEach((topic, topicIndex) => {
    const segmentEnd = Math.round(
      (totalMs * weights.slice(0, topicIndex + 1).reduce((a, b) => a + b, 0)) / weightSum,
    );
    const items: Array<{ text: string; startTime: number }> = [];
    while (t < segmentEnd - 3000) {
      // Alternate speakers: the host answers most turns, guests and colleagues the rest.
      const next: CallParty & { speakerId: string } =
        speakers.length === 1
          ? host
          : current === host || current === undefined
            ? (rng.pick(speakers.slice(1)) as CallParty & { speakerId: string })
            : rng.chance(0.65)
              ? host
              : (rng.pick(speakers) as CallParty & { speakerId: string });
      if (current && next !== current) switches++;
      current = next;
      const rep = next.affiliation === "Internal";
      const filler = rep ? REP_FILLER : CUSTOMER_FILLER;
      const topical = rep ? REP_LINES[topic] : CUSTOMER_LINES[topic];
      const sentences: Sentence[] = [];
      const monologueStart = t;
      for (let n = rng.int(1, 3); n > 0 && t < segmentEnd - 1000; n--) {
        const bank = !plan.core.external ? INTERNAL_LINES : topical && rng.chance(0.45) ? topical : filler;
        const text = fill(lines.next(bank), vars);
        const words = text.split(" ").length;
        const end = Math.min(t + words * 380 + rng.int(300, 900), segmentEnd);
        sentences.push({ start: t, end, text });
        t = end + rng.int(1500, 7000);
      }
      if (sentences.length === 0) break;
      const spoken = sentences.reduce((sum, s) => sum + (s.end - s.start), 0);
      talkMs.set(next.speakerId, (talkMs.get(next.speakerId) ?? 0) + spoken);
      const length = (sentences[sentences.length - 1]!.end - monologueStart) / 1000;
      longestMonologue = Math.max(longestMonologue, length);
      if (!internal.has(next.speakerId)) longestCustomerStory = Math.max(longestCustomerStory, length);
      const previous = transcript[transcript.length - 1];
      if (previous && previous.speakerId === next.speakerId && previous.topic === topic) {
        previous.sentences.push(...sentences);
      } else {
        transcript.push({ speakerId: next.speakerId, topic, sentences });
      }
      if (items.length < 3 && sentences[0])
        items.push({ text: sentences[0].text, startTime: sentences[0].start / 1000 });
    }
    topics.push({ name: topic, duration: Math.round((segmentEnd - segmentStart) / 1000) });
    outline.push({
      section: topic,
      startTime: segmentStart / 1000,
      duration: (segmentEnd - segmentStart) / 1000,
      items,
    });
    segmentStart = segmentEnd;
    t = Math.max(t, segmentEnd);
  });

  const trackers = detectTrackers(transcript, inputs.trackerIds);
  let companyQuestions = 0;
  let customerQuestions = 0;
  for (const monologue of transcript) {
    for (const sentence of monologue.sentences) {
      if (!sentence.text.endsWith("?")) continue;
      if (internal.has(monologue.speakerId)) companyQuestions++;
      else customerQuestions++;
    }
  }
  const totalTalk = [...talkMs.values()].reduce((a, b) => a + b, 0) || 1;
  const hostTalk = talkMs.get(host.speakerId) ?? 0;
  const minutes = Math.max(plan.durationSec / 60, 1);
  const outcome = plan.outcomeIndex === undefined ? undefined : CALL_OUTCOMES[plan.outcomeIndex];
  const customers = speakers.filter((p) => p.affiliation === "External").map((p) => p.name);
  const topicList = topics.map((x) => x.name.toLowerCase()).filter((x) => x !== "small talk");
  const competitorHit = trackers.find((x) => x.name === "Competitors");

  const brief = plan.core.external
    ? `${customers.join(", ") || "The prospect"} from ${vars.account} met ${host.name} of ${COMPANY.name} for a ${plan.kind.toLowerCase()}. ` +
      `They covered ${topicList.join(", ") || "introductions"}.` +
      (competitorHit ? ` ${competitor} came up as an alternative under consideration.` : "") +
      (outcome ? ` Outcome: ${outcome[0].toLowerCase()}.` : "")
    : `${host.name} and colleagues reviewed ${topicList.join(", ")} for open deals.`;
  const keyPoints = [
    { text: `${vars.account} is focused on ${topicList[0] ?? "next steps"}.` },
    { text: `${host.name} owns the follow-up.` },
    ...(competitorHit ? [{ text: `${competitor} was mentioned ${competitorHit.count} time(s).` }] : []),
    ...(plan.account
      ? [{ text: `Opportunity ${plan.account.opportunity.name} is in ${plan.account.opportunity.stage}.` }]
      : []),
  ];
  const highlights: CallContent["highlights"] = [];
  const nextSteps = trackers.find((x) => x.name === "Next Steps");
  if (nextSteps) {
    highlights.push({
      title: "Next steps",
      items: [
        {
          text: `${host.name} to follow up with ${vars.contact}.`,
          startTimes: nextSteps.occurrences.slice(0, 3).map((o) => o.startTime),
        },
      ],
    });
  }
  const objections = trackers.find((x) => x.name === "Objections" || x.name === "Pricing");
  if (objections) {
    highlights.push({
      title: "Concerns raised",
      items: [
        {
          text: `Questions about ${objections.name.toLowerCase()}.`,
          startTimes: objections.occurrences.slice(0, 3).map((o) => o.startTime),
        },
      ],
    });
  }
  const hostUser = inputs.users[plan.core.primaryUserIndex];
  const manager = activity.commenter === undefined ? undefined : inputs.users[activity.commenter];
  const publicComments: Array<Record<string, unknown>> = [];
  if (manager) {
    const at = rng.int(10, Math.max(11, plan.durationSec - 10));
    publicComments.push({
      id: rng.digits(19),
      audioStartTime: at,
      audioEndTime: at + rng.int(5, 40),
      commenterUserId: manager.id,
      comment: rng.pick([
        "Nice job handling the pricing question here.",
        "Try to ask an open question before pitching.",
        `@[${host.name}](${hostUser?.id}) great discovery, let's review before the next call.`,
        "This is the moment the champion got engaged.",
      ]),
      posted: isoDateTime(plan.core.startMs + plan.durationSec * 1000 + rng.int(1, 48) * 3_600_000),
      duringCall: false,
    });
  }
  return {
    transcript,
    topics,
    structure: [
      { name: "Introduction", duration: topics[0]?.duration ?? 0 },
      { name: plan.kind, duration: topics.slice(1, -1).reduce((a, x) => a + x.duration, 0) },
      { name: "Wrap-up", duration: topics.length > 1 ? (topics[topics.length - 1]?.duration ?? 0) : 0 },
    ],
    trackers,
    brief,
    keyPoints,
    outline,
    highlights,
    speakers: speakers.map((p) => ({
      id: p.id,
      ...(p.userId ? { userId: p.userId } : {}),
      talkTime: round1((talkMs.get(p.speakerId) ?? 0) / 1000),
    })),
    interactionStats: [
      { name: "Talk Ratio", value: round2(hostTalk / totalTalk) },
      { name: "Longest Monologue", value: Math.round(longestMonologue) },
      { name: "Longest Customer Story", value: Math.round(longestCustomerStory) },
      { name: "Interactivity", value: round1(Math.min(10, (switches / minutes) * 2)) },
      { name: "Patience", value: round2(0.5 + rng.next() * 1.5) },
      { name: "Question Rate", value: round2((companyQuestions / minutes) * 60) / 60 },
    ],
    video:
      plan.media === "Video"
        ? [
            { name: "Browser", duration: Math.round(plan.durationSec * 0.3) },
            { name: "Presentation", duration: Math.round(plan.durationSec * 0.2) },
            { name: "WebcamPrimaryUser", duration: Math.round(plan.durationSec * 0.35) },
            { name: "WebcamNonCompany", duration: Math.round(plan.durationSec * 0.15) },
          ]
        : [],
    questions: { companyCount: companyQuestions, nonCompanyCount: customerQuestions },
    publicComments,
  };
}

/** Draws lines from a bank without repeating one until the bank is used up. */
class LinePicker {
  private readonly remaining = new Map<readonly string[], string[]>();
  constructor(private readonly rng: Rng) {}
  next(bank: readonly string[]): string {
    let left = this.remaining.get(bank);
    if (!left || left.length === 0) {
      left = this.rng.sample(bank, bank.length);
      this.remaining.set(bank, left);
    }
    return left.pop() as string;
  }
}

const LOWER_KEYWORDS = TRACKERS.map(([, keywords]) => keywords.map((k) => k.toLowerCase()));

/** Which keywords of which trackers a sentence contains, as [tracker, phrase] index pairs. */
function keywordHits(text: string): Array<[number, number]> {
  const lower = text.toLowerCase();
  const hits: Array<[number, number]> = [];
  LOWER_KEYWORDS.forEach((keywords, t) => {
    keywords.forEach((keyword, k) => {
      if (lower.includes(keyword)) hits.push([t, k]);
    });
  });
  return hits;
}

function detectTrackers(transcript: readonly Monologue[], trackerIds: readonly string[]): TrackerHit[] {
  const perText = new Map<string, Array<[number, number]>>();
  const found = TRACKERS.map(([, keywords]) => ({
    occurrences: [] as Occurrence[],
    phrases: keywords.map((phrase) => ({ phrase, count: 0, occurrences: [] as Occurrence[] })),
  }));
  for (const monologue of transcript) {
    for (const sentence of monologue.sentences) {
      let hits = perText.get(sentence.text);
      if (!hits) {
        hits = keywordHits(sentence.text);
        perText.set(sentence.text, hits);
      }
      if (hits.length === 0) continue;
      const startTime = sentence.start / 1000;
      let lastTracker = -1;
      for (const [t, k] of hits) {
        const tracker = found[t]!;
        const phrase = tracker.phrases[k]!;
        phrase.count++;
        phrase.occurrences.push({ startTime, speakerId: monologue.speakerId });
        if (t !== lastTracker) tracker.occurrences.push({ startTime, speakerId: monologue.speakerId });
        lastTracker = t;
      }
    }
  }
  const hits: TrackerHit[] = [];
  TRACKERS.forEach(([name, , type], index) => {
    const { occurrences, phrases } = found[index]!;
    if (occurrences.length === 0) return;
    hits.push({
      id: trackerIds[index] ?? String(index),
      name,
      count: occurrences.length,
      type,
      occurrences,
      // Gong lists phrases for keyword trackers only.
      phrases: type === "KEYWORD" ? phrases.filter((p) => p.count > 0) : [],
    });
  });
  return hits;
}
