import { describe, expect, it } from "vitest";
import { startSandbox } from "../src/index.ts";
import { client, NOW } from "./helpers.ts";

const everything = {
  context: "Extended",
  exposedFields: {
    parties: true,
    content: {
      structure: true,
      topics: true,
      trackers: true,
      trackerOccurrences: true,
      brief: true,
      outline: true,
      highlights: true,
      callOutcome: true,
      keyPoints: true,
    },
    interaction: { speakers: true, video: true, personInteractionStats: true, questions: true },
    collaboration: { publicComments: true },
  },
};

async function transcriptOf(seed: number) {
  const sandbox = await startSandbox({ seed, now: NOW, rateLimit: false });
  try {
    const api = client(sandbox);
    const texts = [
      (await api.get("/v2/users")).text,
      (await api.get("/v2/calls?fromDateTime=2026-10-01T00:00:00Z")).text,
      (
        await api.post("/v2/calls/extensive", {
          filter: { fromDateTime: "2026-11-01T00:00:00Z" },
          contentSelector: everything,
        })
      ).text,
      (await api.post("/v2/calls/transcript", { filter: { fromDateTime: "2026-11-10T00:00:00Z" } })).text,
      (await api.get("/v2/workspaces")).text,
    ];
    return {
      texts,
      credentials: [
        sandbox.accessKey,
        sandbox.accessKeySecret,
        sandbox.oauth.clientId,
        sandbox.oauth.refreshToken,
      ],
    };
  } finally {
    await sandbox.close();
  }
}

describe("determinism", () => {
  it("gives identical bytes for the same seed and now", async () => {
    const a = await transcriptOf(77);
    const b = await transcriptOf(77);
    expect(a.texts.every((t) => t.length > 100)).toBe(true);
    expect(b.texts).toEqual(a.texts);
    expect(b.credentials).toEqual(a.credentials);
  });

  it("gives different data for another seed", async () => {
    const a = await transcriptOf(77);
    const c = await transcriptOf(78);
    expect(c.texts[0]).not.toEqual(a.texts[0]);
    expect(c.texts[2]).not.toEqual(a.texts[2]);
  });
});
