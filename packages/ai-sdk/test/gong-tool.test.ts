/**
 * The AI SDK tool around the user's own execute function and around a connector. The agent-loop
 * scenarios against the sandbox are in packages/adapter-tests; these check the SDK-specific
 * surface: the plain JSON input schema, thrown tool errors, the abort signal, approval.
 */
import { GongConnector, type GongToolInput, GongValidationError } from "@gong-agent/core";
import { asSchema, generateText, stepCountIs, type ToolExecutionOptions } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { GongToolCallError, gongTool } from "../src/index.js";

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

const callOptions = (abortSignal?: AbortSignal): ToolExecutionOptions => ({
  toolCallId: "call_1",
  messages: [],
  ...(abortSignal ? { abortSignal } : {}),
});

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

describe("gongTool for the Vercel AI SDK", () => {
  it("has core's description and core's plain JSON Schema as input schema", async () => {
    const { execute } = recordingExecute();
    const tool = gongTool(execute);
    const core = GongConnector.toolUtils(execute);
    expect(tool.description).toBe(core.description);
    expect(await asSchema(tool.inputSchema).jsonSchema).toEqual(core.jsonSchema);
  });

  it("returns the bounded JSON text for a valid call", async () => {
    const { execute, seen } = recordingExecute();
    const output = await gongTool(execute).execute!({ entity: "users", action: "list" }, callOptions());
    expect(JSON.parse(output as string)).toEqual({ data: [{ id: "1" }], meta: { hasMore: false } });
    expect(seen.map((s) => [s.entity, s.action])).toEqual([["users", "list"]]);
  });

  it("throws GongToolCallError with core's text and the typed error as cause", async () => {
    const { execute, seen } = recordingExecute();
    const error = await Promise.resolve(
      gongTool(execute).execute!({ entity: "deals", action: "list" }, callOptions()),
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongToolCallError);
    if (!(error instanceof GongToolCallError)) return;
    expect(error.message).toContain('Unknown entity "deals"');
    expect(error.message).toContain("call_transcripts");
    expect(error.cause).toBeInstanceOf(GongValidationError);
    expect(seen).toEqual([]);
  });

  it("passes the abort signal through to the execute function", async () => {
    const { execute, seen } = recordingExecute();
    const controller = new AbortController();
    await gongTool(execute).execute!({ entity: "users", action: "list" }, callOptions(controller.signal));
    expect(seen[0]!.signal).toBe(controller.signal);
  });

  it("stops a slow call when generateText is aborted", async () => {
    let observed: AbortSignal | undefined;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => {
      started = resolve;
    });
    const execute = (
      _e: string,
      _a: string,
      _p: Record<string, unknown>,
      options?: { signal?: AbortSignal },
    ) => {
      observed = options?.signal;
      started();
      return new Promise((_resolve, reject) => {
        options?.signal?.addEventListener("abort", () => reject(options.signal?.reason));
      });
    };
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [
          {
            type: "tool-call",
            toolCallId: "c1",
            toolName: "gong_execute",
            input: '{"entity":"users","action":"list"}',
          },
        ],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage,
        warnings: [],
      }),
    });
    const controller = new AbortController();
    const running = generateText({
      model,
      tools: { gong_execute: gongTool(execute) },
      prompt: "users?",
      stopWhen: stepCountIs(3),
      abortSignal: controller.signal,
    });
    await startedPromise;
    controller.abort();
    await expect(running).rejects.toThrow();
    expect(observed?.aborted).toBe(true);
  });

  it("asks for approval of writes only by default, and follows an explicit policy", async () => {
    const { execute } = recordingExecute();
    const read: GongToolInput = { entity: "users", action: "list" };
    const approval = (tool: ReturnType<typeof gongTool>) =>
      typeof tool.needsApproval === "function"
        ? tool.needsApproval(read, { toolCallId: "c", messages: [] })
        : tool.needsApproval;
    expect(await approval(gongTool(execute))).toBe(false);
    expect(await approval(gongTool(execute, { needsApproval: true }))).toBe(true);
    expect(await approval(gongTool(execute, { needsApproval: (input) => input.entity === "users" }))).toBe(
      true,
    );
  });

  it("accepts a connector as the source and applies descriptionPrefix", () => {
    const connector = new GongConnector({
      auth: { accessKey: "key", accessKeySecret: "secret" },
      baseUrl: "http://127.0.0.1:9",
    });
    const tool = gongTool(connector, { descriptionPrefix: "Our sales calls." });
    expect(tool.description?.startsWith("Our sales calls.\n")).toBe(true);
  });

  it("makes generateText ask for approval instead of running a call that needs it", async () => {
    const { execute, seen } = recordingExecute();
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [
          {
            type: "tool-call",
            toolCallId: "c1",
            toolName: "gong_execute",
            input: '{"entity":"users","action":"list"}',
          },
        ],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage,
        warnings: [],
      }),
    });
    const result = await generateText({
      model,
      tools: { gong_execute: gongTool(execute, { needsApproval: true }) },
      prompt: "users?",
      stopWhen: stepCountIs(3),
    });
    const requests = result.content.filter((part) => part.type === "tool-approval-request");
    expect(requests).toHaveLength(1);
    expect(seen).toEqual([]);
  });
});
