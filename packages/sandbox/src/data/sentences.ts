/**
 * Sentence templates for generated transcripts, by topic and by who speaks. Placeholders:
 * {account} {company} {competitor} {integration} {contact} {rep} {amount} {weekday}.
 * Several sentences carry tracker keywords on purpose so trackers have real occurrences.
 */
export const REP_LINES: Record<string, readonly string[]> = {
  Pricing: [
    "Our pricing is per seat, and for a team your size there is a volume discount.",
    "What budget have you set aside for this initiative this year?",
    "I can put together a proposal around {amount} for the first year.",
    "If you sign this quarter we can hold the current price for two years.",
  ],
  "Next Steps": [
    "As a next step I will send over the proposal and a mutual action plan.",
    "Can we schedule a follow up with your team for next week?",
    "I will follow up by email with the recording and the deck.",
    "Does {weekday} work for the technical session?",
  ],
  "Product Demo": [
    "Let me share my screen and walk you through the deal board.",
    "Here you can see every call with {account} in one timeline.",
    "This is where managers leave coaching comments on a call.",
    "Which part of the workflow matters most to your reps?",
  ],
  Integrations: [
    "We sync both ways with Salesforce and HubSpot out of the box.",
    "The API lets your data team pull every call and transcript.",
    "Alerts can go straight into Slack channels per deal.",
    "Which CRM is your source of truth today?",
  ],
  "Security Review": [
    "We are SOC 2 Type II certified and I can share the report under NDA.",
    "SSO with Okta or Azure AD is included in every plan.",
    "All recordings use encryption at rest and in transit, and we are GDPR compliant.",
    "Who on your side runs the security questionnaire?",
  ],
  Onboarding: [
    "Onboarding usually takes three weeks from kickoff to the first team live.",
    "We assign a customer success manager from day one.",
    "How many teams would you want to roll out to first?",
  ],
  Competition: [
    "A lot of teams we talk to are coming from {competitor}.",
    "Compared with {competitor}, our forecasting is built on the conversations themselves.",
    "Are you evaluating anyone else right now?",
  ],
  Budget: [
    "Is the budget owned by sales or by revenue operations?",
    "We can phase the rollout so the first year fits your budget.",
    "What would make this a priority for this quarter?",
  ],
  Timeline: [
    "When would you like the team to be live?",
    "Working back from that date, we would need to sign off by the end of the month.",
    "What does your procurement process look like?",
  ],
  "Use Cases": [
    "Most of our customers start with deal reviews and coaching.",
    "What are your reps struggling with the most today?",
    "Forecast accuracy tends to be the first win for a team like yours.",
  ],
  "Contract Terms": [
    "Our standard contract is annual with net thirty payment terms.",
    "Legal can send redlines directly to our counsel.",
    "Would a two year term with a price lock help your champion?",
  ],
  "Small Talk": [
    "Thanks for making the time today, {contact}.",
    "How was your weekend?",
    "Great to see everyone again.",
  ],
};

export const CUSTOMER_LINES: Record<string, readonly string[]> = {
  Pricing: [
    "Honestly the per seat price feels too expensive for our SDR team.",
    "We would need a discount to get this past finance.",
    "What does the price look like for two hundred seats?",
  ],
  "Next Steps": [
    "Please send over the proposal and I will share it with my boss.",
    "Next week works, let us schedule it for the afternoon.",
    "I will loop in our procurement team on the follow up.",
  ],
  "Product Demo": [
    "That timeline view is exactly what our managers keep asking for.",
    "Can the reps see their own talk ratio after every call?",
    "This looks a lot cleaner than what we have now.",
  ],
  Integrations: [
    "We run everything out of Salesforce, so the sync is critical.",
    "Our data team will want API access for the warehouse.",
    "Does it post updates into Slack?",
  ],
  "Security Review": [
    "Our security team will ask for the SOC 2 report before anything else.",
    "We need SSO and data residency in the EU for GDPR.",
    "Is customer data used to train any models?",
  ],
  Onboarding: [
    "We would start with the enterprise team and then expand.",
    "Who will be our main contact during the rollout?",
  ],
  Competition: [
    "We already have {competitor} for part of the team.",
    "We looked at {competitor} last year but the adoption was poor.",
    "To be fair we are also talking to {competitor}.",
  ],
  Budget: [
    "This is not a priority until the new fiscal year.",
    "The budget sits with our CRO, so she will need to sign off.",
    "We have some budget left if we move quickly.",
  ],
  Timeline: [
    "We want the team live before our sales kickoff.",
    "Legal usually takes two to three weeks on our side.",
    "Procurement needs a vendor form before the end of the month.",
  ],
  "Use Cases": [
    "Our biggest problem is ramping new reps faster.",
    "Managers spend hours listening to calls they never finish.",
    "We lose deals in the last stage and we do not know why.",
  ],
  "Contract Terms": [
    "We would prefer quarterly billing if that is possible.",
    "Our legal team will send redlines this week.",
  ],
  "Small Talk": [
    "Good to see you too, {rep}.",
    "Busy week with the quarter closing, but good.",
    "Thanks for having us.",
  ],
};

export const INTERNAL_LINES: readonly string[] = [
  "Let us go through the commit deals first.",
  "The {account} deal slipped because legal has not signed off yet.",
  "I think our champion at {account} is losing influence.",
  "Can you follow up with procurement at {account} before Friday?",
  "What is the next step on the {account} opportunity?",
  "They mentioned {competitor} twice on the last call.",
  "Let us listen to the pricing section of that call together.",
  "I would push for a multi year term to protect the discount.",
  "Your talk ratio is much better this month.",
  "Pipeline coverage is at three times for the quarter.",
];

export const COMPETITORS = ["Chorus", "Clari", "Salesloft", "Outreach"] as const;
export const INTEGRATIONS = ["Salesforce", "HubSpot", "Slack"] as const;
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;

/** Conversational filler, so long segments do not loop over the same topic lines. */
export const REP_FILLER: readonly string[] = [
  "That makes sense.",
  "Could you say more about that?",
  "How does your team handle that today?",
  "Got it, that is really helpful context.",
  "Let me make sure I understood that correctly.",
  "What happens when a deal stalls at that stage?",
  "Who else should be part of this conversation?",
  "We see that pattern with a lot of teams your size.",
  "I will note that down for the proposal.",
  "What would success look like six months from now?",
  "Is that the same across every region?",
  "That is a fair point, {contact}.",
  "Let me show you how another customer solved that.",
  "How are you measuring that today?",
  "Would it help if I brought our solutions engineer next time?",
];

export const CUSTOMER_FILLER: readonly string[] = [
  "Yes, exactly.",
  "I think that is right.",
  "We tried to fix that last year with a spreadsheet.",
  "It depends on the team, honestly.",
  "Our managers would love that.",
  "I need to check with my team on that one.",
  "That has been a pain point for a while.",
  "We have about forty reps today, growing to sixty.",
  "Most of our deals take three to four months.",
  "I am not sure, let me get back to you.",
  "That would save us a lot of time.",
  "Can you send me something in writing about that?",
  "Right now it is mostly manual.",
  "That is interesting.",
  "Our CRO asked about exactly that last week.",
];
