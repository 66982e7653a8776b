/**
 * What the offline model does, turn by turn: the questions a real model would ask Gong to answer
 * the user, reading each tool result it was given (a call id, the transcript) as a real model must.
 * Framework-neutral: each example wraps it in its framework's scripted model.
 */
export const QUESTION = "How many users and recent calls do we have, and how did the latest call open?";

export interface ToolInput {
  entity: string;
  action: string;
  params?: Record<string, unknown>;
}

export type Turn = { call: ToolInput } | { answer: string };

const DAY_MS = 24 * 60 * 60 * 1000;

interface Call {
  id: string;
  title?: string;
  started?: string;
}

interface Transcript {
  callId: string;
  transcript: Array<{ sentences: Array<{ text: string }> }>;
}

function dataOf<T>(toolText: string | undefined): T {
  if (toolText === undefined) throw new Error("the script expected a tool result");
  try {
    return (JSON.parse(toolText) as { data: T }).data;
  } catch {
    throw new Error(`the tool did not answer with data: ${toolText.slice(0, 300)}`);
  }
}

/** A fresh script; call `next` with the text of the last tool result (undefined on the first turn). */
export function gongScript(now = new Date()) {
  const week = {
    fromDateTime: new Date(now.getTime() - 7 * DAY_MS).toISOString(),
    toDateTime: now.toISOString(),
  };
  let users = 0;
  let calls: Call[] = [];
  const steps: Array<(toolText: string | undefined) => Turn> = [
    () => ({ call: { entity: "users", action: "list" } }),
    (text) => {
      users = dataOf<unknown[]>(text).length;
      return { call: { entity: "calls", action: "list", params: week } };
    },
    (text) => {
      calls = dataOf<Call[]>(text);
      const latest = [...calls].sort((a, b) => (b.started ?? "").localeCompare(a.started ?? ""))[0];
      if (!latest) return { answer: `Gong has ${users} users and no calls in the last 7 days.` };
      return {
        call: { entity: "call_transcripts", action: "list", params: { filter: { callIds: [latest.id] } } },
      };
    },
    (text) => {
      const transcript = dataOf<Transcript[]>(text)[0];
      const opening = transcript?.transcript[0]?.sentences[0]?.text ?? "(no transcript yet)";
      const title = calls.find((call) => call.id === transcript?.callId)?.title ?? transcript?.callId;
      return {
        answer: `Gong has ${users} users and ${calls.length} calls in the last 7 days. The most recent, "${title}", opened with: "${opening}"`,
      };
    },
  ];
  let turn = 0;
  return {
    next(lastToolText: string | undefined): Turn {
      const step = steps[turn++];
      if (!step) throw new Error("the script has no more turns");
      return step(lastToolText);
    },
  };
}

/** One line for the terminal: the model gets the whole result, the reader a glimpse. */
export function preview(text: string): string {
  try {
    const body = JSON.parse(text) as { data?: unknown; meta?: { hasMore?: boolean } };
    if (Array.isArray(body.data)) {
      return `${body.data.length} records${body.meta?.hasMore ? ", more with meta.cursor" : ""}`;
    }
  } catch {
    // not JSON: an error text, shown as is
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
