// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, collect, NOW } from "./helpers.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 8, now: NOW, rateLimit: false });
  api = client(sandbox);
});
afterAll(() => sandbox.close());

describe("seeded data answers real questions", () => {
  it("knows who talked most with Acme last month", async () => {
    const { records } = await collect(api, "POST", "/v2/calls/extensive", "calls", {
      filter: { fromDateTime: "2026-10-01T00:00:00Z", toDateTime: "2026-11-01T00:00:00Z" },
      contentSelector: {
        context: "Extended",
        exposedFields: { parties: true, interaction: { speakers: true } },
      },
    });
    const acme = records.filter((c) =>
      c.context?.[0]?.objects.some(
        (o: any) =>
          o.objectType === "Account" &&
          o.fields.some((f: any) => f.name === "Name" && f.value === "Acme Corp"),
      ),
    );
    expect(acme.length).toBeGreaterThanOrEqual(5);
    const talk = new Map<string, number>();
    for (const call of acme) {
      for (const speaker of call.interaction.speakers) {
        if (speaker.userId) talk.set(speaker.userId, (talk.get(speaker.userId) ?? 0) + speaker.talkTime);
      }
      // Every Acme call has Acme people on it.
      expect(
        call.parties.some((p: any) => p.affiliation === "External" && p.emailAddress.endsWith("@acme.com")),
      ).toBe(true);
    }
    const ranked = [...talk.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1]);
  });

  it("mixes call kinds, systems and outcomes like a real sales team", async () => {
    const { records } = await collect(api, "POST", "/v2/calls/extensive", "calls", {
      filter: { fromDateTime: "2026-08-01T00:00:00Z" },
      contentSelector: { exposedFields: { content: { callOutcome: true } } },
    });
    const meta = records.map((c) => c.metaData);
    expect(new Set(meta.map((m) => m.scope))).toEqual(new Set(["External", "Internal"]));
    expect(new Set(meta.map((m) => m.direction))).toEqual(new Set(["Conference", "Outbound", "Inbound"]));
    expect(new Set(meta.map((m) => m.system)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(meta.map((m) => m.workspaceId)).size).toBe(3);
    const outcomes = new Set(records.map((c) => c.content.callOutcome?.name).filter(Boolean));
    expect(outcomes.size).toBeGreaterThanOrEqual(5);
    expect(meta.filter((m) => m.isPrivate).length).toBeGreaterThan(0);
  });
});
