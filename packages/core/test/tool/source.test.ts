/**
 * toGongTool: one way for every adapter to accept a connector, an object with `execute`, or a plain
 * execute function. The connector runs over real HTTP against the sandbox.
 */
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GongConnector } from "../../src/connector.js";
import { executeFnOf, type GongExecutor, toGongTool } from "../../src/tool/source.js";
import type { ExecuteFn } from "../../src/tool/types.js";

let sandbox: Sandbox;
let gong: GongConnector;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, rateLimit: false, dataSize: { users: 5 } });
  gong = new GongConnector({
    auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
    baseUrl: sandbox.url,
    rateLimit: false,
  });
});

afterAll(async () => {
  await sandbox?.close();
});

type Seen = { entity: string; action: string; params: unknown; signal?: AbortSignal };

describe("toGongTool", () => {
  it("runs a connector's calls against Gong", async () => {
    const tool = toGongTool(gong);
    const answer = await tool.execute({ entity: "users", action: "list" });
    expect(answer.ok).toBe(true);
    const { data } = JSON.parse(answer.text) as { data: Array<{ id: string }> };
    expect(data).toHaveLength(5);
    expect(sandbox.requests.forPath("/v2/users").length).toBeGreaterThan(0);
  });

  it("calls an object's execute as its method, with the call's params and signal", async () => {
    class Wrapper implements GongExecutor {
      readonly seen: Seen[] = [];
      constructor(private readonly inner: GongConnector) {}
      async execute(
        entity: string,
        action: string,
        params?: Record<string, unknown>,
        options?: { signal?: AbortSignal },
      ): Promise<unknown> {
        this.seen.push({ entity, action, params, signal: options?.signal });
        return this.inner.executeFn(entity, action, params ?? {}, options);
      }
    }
    const wrapper = new Wrapper(gong);
    const controller = new AbortController();
    const answer = await toGongTool(wrapper).execute(
      { entity: "users", action: "list", params: { limit: 2 } },
      { signal: controller.signal },
    );
    expect(answer.ok).toBe(true);
    expect((JSON.parse(answer.text) as { data: unknown[] }).data).toHaveLength(2);
    // `limit` shapes the text only: Gong is never asked for it.
    expect(wrapper.seen).toEqual([
      { entity: "users", action: "list", params: {}, signal: controller.signal },
    ]);
  });

  it("uses a plain function as it is, and applies the tool options", async () => {
    const seen: Seen[] = [];
    const fn: ExecuteFn = async (entity, action, params) => {
      seen.push({ entity, action, params });
      return { data: [{ id: "u-1" }], meta: {} };
    };
    expect(executeFnOf(fn)).toBe(fn);
    const tool = toGongTool(fn, { name: "my_gong", descriptionPrefix: "Team Gong." });
    expect(tool.name).toBe("my_gong");
    expect(tool.description.startsWith("Team Gong.\n")).toBe(true);
    const answer = await tool.execute({ entity: "calls", action: "get", params: { id: "42" } });
    expect(answer).toMatchObject({ ok: true, result: { data: [{ id: "u-1" }] } });
    expect(seen).toEqual([{ entity: "calls", action: "get", params: { id: "42" } }]);
  });

  it("turns an object's failure into an answer the model reads, never a throw", async () => {
    const failing: GongExecutor = {
      async execute() {
        throw new Error("the wrapper is closed");
      },
    };
    const answer = await toGongTool(failing, { internalRetries: 0 }).execute({
      entity: "users",
      action: "list",
    });
    expect(answer.ok).toBe(false);
    expect(answer.text).toContain("the wrapper is closed");
  });
});
