/**
 * The OpenAI Agents tool around the user's own execute function and around a connector. The
 * agent-loop scenarios against the sandbox are in packages/adapter-tests; these check the
 * SDK-specific surface: the non-strict plain schema, errorFunction, needsApproval, the signal.
 */
import { GongConnector, GongServerError, type GongToolInput } from "@gong-agent/core";
import { Agent, RunContext, run, setTracingDisabled } from "@openai/agents";
import { assistantMessage, functionCall, ScriptedModel } from "@openai/agents/testing";
import { describe, expect, it } from "vitest";
import { gongTool } from "../src/index.js";

interface Seen {
  entity: string;
  action: string;
  params: Record<string, unknown>;
  signal: AbortSignal | undefined;
}

function recordingExecute(answer: () => unknown = () => ({ data: [{ id: "1" }], meta: { hasMore: false } })) {
  const seen: Seen[] = [];
  const execute = async (
    entity: string,
    action: string,
    params: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ) => {
    seen.push({ entity, action, params, signal: options?.signal });
    const result = answer();
    if (result instanceof Error) throw result;
    return result;
  };
  return { seen, execute };
}

const context = () => new RunContext({});

describe("gongTool for OpenAI Agents", () => {
  it("is a non-strict function tool whose parameters are core's plain JSON Schema", () => {
    const { execute } = recordingExecute();
    const tool = gongTool(execute);
    expect(tool.type).toBe("function");
    expect(tool.name).toBe("gong_execute");
    expect(tool.strict).toBe(false);
    expect(tool.description).toBe(GongConnector.toolUtils(execute).description);
    expect(tool.parameters).toEqual(GongConnector.toolUtils(execute).jsonSchema);
    // Plain data: no zod internals (e.g. `~standard`) that the SDK would refuse.
    expect(JSON.parse(JSON.stringify(tool.parameters))).toEqual(tool.parameters);
    expect(Object.keys(tool.parameters)).not.toContain("~standard");
  });

  it("returns the bounded JSON text for a valid call", async () => {
    const { execute, seen } = recordingExecute();
    const output = await gongTool(execute).invoke(
      context(),
      JSON.stringify({ entity: "users", action: "list", params: { cursor: "abc" } }),
    );
    expect(JSON.parse(output as string)).toEqual({ data: [{ id: "1" }], meta: { hasMore: false } });
    expect(seen.map(({ entity, action, params }) => ({ entity, action, params }))).toEqual([
      { entity: "users", action: "list", params: { cursor: "abc" } },
    ]);
  });

  it("hands the model core's actionable text for a bad call, not the SDK's generic message", async () => {
    const { execute, seen } = recordingExecute();
    const output = await gongTool(execute).invoke(
      context(),
      JSON.stringify({ entity: "deals", action: "list" }),
    );
    expect(output).toContain('Unknown entity "deals"');
    expect(output).toContain("call_transcripts");
    expect(output).not.toContain("An error occurred while running the tool");
    expect(seen).toEqual([]);
  });

  it("validates the input with core inside execute (a model's missing action is explained)", async () => {
    const { execute, seen } = recordingExecute();
    const output = await gongTool(execute).invoke(context(), JSON.stringify({ entity: "users" }));
    expect(output).toMatch(/action/);
    expect(output).toMatch(/GongValidationError/);
    expect(seen).toEqual([]);
  });

  it("retries a temporary failure inside the tool before the model sees anything", async () => {
    let calls = 0;
    const { execute } = recordingExecute(() =>
      ++calls === 1
        ? new GongServerError("Gong answered 503.", { status: 503 })
        : { data: [], meta: { hasMore: false } },
    );
    const output = await gongTool(execute, { internalRetries: 1 }).invoke(
      context(),
      JSON.stringify({ entity: "users", action: "list" }),
    );
    expect(calls).toBe(2);
    expect(JSON.parse(output as string)).toEqual({ data: [], meta: { hasMore: false } });
  });

  it("reports a plain error thrown by the user's function as text with its message, never its stack", async () => {
    const { execute } = recordingExecute(() => new Error("database is locked"));
    const output = await gongTool(execute, { internalRetries: 0 }).invoke(
      context(),
      JSON.stringify({ entity: "users", action: "list" }),
    );
    expect(output).toContain("database is locked");
    expect(output).not.toMatch(/\n\s+at /);
  });

  it("passes the SDK's abort signal to the execute function", async () => {
    const { execute, seen } = recordingExecute();
    const controller = new AbortController();
    await gongTool(execute).invoke(context(), JSON.stringify({ entity: "users", action: "list" }), {
      signal: controller.signal,
    });
    controller.abort();
    expect(seen[0]!.signal?.aborted).toBe(true);
  });

  it("asks for approval of writes only by default, and follows an explicit policy", async () => {
    const { execute } = recordingExecute();
    const read: GongToolInput = { entity: "users", action: "list" };
    expect(await gongTool(execute).needsApproval(context(), read)).toBe(false);
    expect(await gongTool(execute, { needsApproval: true }).needsApproval(context(), read)).toBe(true);
    const asked: GongToolInput[] = [];
    const policy = (input: GongToolInput) => {
      asked.push(input);
      return input.entity === "users";
    };
    expect(await gongTool(execute, { needsApproval: policy }).needsApproval(context(), read)).toBe(true);
    expect(asked).toEqual([read]);
  });

  it("applies name and descriptionPrefix, and accepts a connector as the source", () => {
    const connector = new GongConnector({
      auth: { accessKey: "key", accessKeySecret: "secret" },
      baseUrl: "http://127.0.0.1:9",
    });
    const tool = gongTool(connector, { name: "gong", descriptionPrefix: "Our sales calls." });
    expect(tool.name).toBe("gong");
    expect(tool.description.startsWith("Our sales calls.\n")).toBe(true);
  });

  it("stops the run with an interruption when a call needs approval, and runs it once approved", async () => {
    setTracingDisabled(true);
    const { execute, seen } = recordingExecute();
    const tool = gongTool(execute, { needsApproval: (input) => input.entity === "users" });
    const model = new ScriptedModel([
      [functionCall("gong_execute", { entity: "users", action: "list" }, { callId: "c1" })],
      [assistantMessage("1 user")],
    ]);
    const agent = new Agent({ name: "Gong", instructions: "Use Gong.", model, tools: [tool] });
    const first = await run(agent, "users?");
    expect(first.interruptions).toHaveLength(1);
    expect(seen).toEqual([]);
    first.state.approve(first.interruptions[0]!);
    const resumed = await run(agent, first.state);
    expect(seen.map((s) => [s.entity, s.action])).toEqual([["users", "list"]]);
    expect(resumed.finalOutput).toBe("1 user");
  });
});
