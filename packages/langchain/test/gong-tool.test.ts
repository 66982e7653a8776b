/**
 * The LangChain tool around the user's own execute function (the "decorate your own function"
 * pattern) and around a connector. The agent-loop scenarios against the sandbox are in
 * packages/adapter-tests; these check the LangChain-specific surface.
 */
import {
  GongAuthenticationError,
  GongConnector,
  type GongToolInput,
  GongValidationError,
} from "@gong-agent/core";
import { ToolMessage } from "@langchain/core/messages";
import { DynamicStructuredTool } from "@langchain/core/tools";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { AIMessage, createAgent, fakeModel, HumanMessage } from "langchain";
import { describe, expect, it } from "vitest";
import { gongTool } from "../src/index.js";

interface Seen {
  entity: string;
  action: string;
  params: Record<string, unknown>;
  signal: AbortSignal | undefined;
}

function recordingExecute(
  answer: (entity: string) => unknown = () => ({ data: [{ id: "1" }], meta: { hasMore: false } }),
) {
  const seen: Seen[] = [];
  const execute = async (
    entity: string,
    action: string,
    params: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ) => {
    seen.push({ entity, action, params, signal: options?.signal });
    const result = answer(entity);
    if (result instanceof Error) throw result;
    return result;
  };
  return { seen, execute };
}

const toolCall = (args: GongToolInput, id = "call_1") => ({
  type: "tool_call" as const,
  id,
  name: "gong_execute",
  args,
});

describe("gongTool for LangChain", () => {
  it("is a DynamicStructuredTool with core's name, description and an object schema with open params", () => {
    const tool = gongTool(recordingExecute().execute);
    const core = GongConnector.toolUtils(recordingExecute().execute);
    expect(tool).toBeInstanceOf(DynamicStructuredTool);
    expect(tool.name).toBe("gong_execute");
    expect(tool.description).toBe(core.description);
    expect(tool.responseFormat).toBe("content_and_artifact");
    const parameters = convertToOpenAITool(tool).function.parameters as {
      type: string;
      required: string[];
      properties: { params: { type: string; additionalProperties?: unknown } };
    };
    expect(parameters.type).toBe("object");
    expect(parameters.required).toEqual(["entity", "action"]);
    expect(parameters.properties.params.type).toBe("object");
    expect(parameters.properties.params.additionalProperties).not.toBe(false);
  });

  it("answers a tool call with a success ToolMessage: bounded text for the model, full result as artifact", async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      title: `Call number ${i} with Acme`,
    }));
    const { execute, seen } = recordingExecute(() => ({ data: records, meta: { hasMore: false } }));
    const tool = gongTool(execute, { maxOutputChars: 2_000 });
    const message = await tool.invoke(
      toolCall({ entity: "calls", action: "list", params: { fromDateTime: "2026-01-01T00:00:00Z" } }),
    );
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.status).toBe("success");
    expect(message.tool_call_id).toBe("call_1");
    expect(message.content.length).toBeLessThanOrEqual(2_000);
    const shown = JSON.parse(message.content);
    expect(shown.data.length).toBeLessThan(300);
    expect(shown.meta.truncated.omitted).toBe(300 - shown.data.length);
    expect(message.artifact).toEqual({ data: records, meta: { hasMore: false } });
    expect(seen.map(({ entity, action, params }) => ({ entity, action, params }))).toEqual([
      { entity: "calls", action: "list", params: { fromDateTime: "2026-01-01T00:00:00Z" } },
    ]);
  });

  it("answers a failing tool call with a ToolMessage of status error carrying core's actionable text", async () => {
    const { execute, seen } = recordingExecute();
    const tool = gongTool(execute);
    const message = await tool.invoke(toolCall({ entity: "deals", action: "list" }, "call_7"));
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.status).toBe("error");
    expect(message.tool_call_id).toBe("call_7");
    expect(message.name).toBe("gong_execute");
    expect(message.content).toContain('Unknown entity "deals"');
    expect(message.content).toContain("call_transcripts");
    expect(message.artifact.error).toBeInstanceOf(GongValidationError);
    expect(seen).toEqual([]);
  });

  it("reports an API error thrown by the user's function as actionable text", async () => {
    const { execute } = recordingExecute(
      () =>
        new GongAuthenticationError("Gong refused the access key (check key and base URL).", { status: 401 }),
    );
    const tool = gongTool(execute, { internalRetries: 0 });
    const message = await tool.invoke(toolCall({ entity: "users", action: "list" }));
    expect(message.status).toBe("error");
    expect(message.content).toMatch(/GongAuthenticationError.*HTTP 401.*retrying will not help/);
  });

  it("throws the typed error when invoked directly, without a tool call", async () => {
    const tool = gongTool(recordingExecute().execute);
    await expect(tool.invoke({ entity: "deals", action: "list" })).rejects.toBeInstanceOf(
      GongValidationError,
    );
    // Without a tool call LangChain hands back the content alone.
    await expect(tool.invoke({ entity: "users", action: "list" })).resolves.toBe(
      '{"data":[{"id":"1"}],"meta":{"hasMore":false}}',
    );
  });

  it("passes the run's abort signal to the execute function", async () => {
    const { execute, seen } = recordingExecute();
    const controller = new AbortController();
    await gongTool(execute).invoke(toolCall({ entity: "users", action: "list" }), {
      signal: controller.signal,
    });
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    controller.abort();
    expect(seen[0]!.signal!.aborted).toBe(true);
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

  it("in createAgent, explains input that fails the schema with core's text and forgives params sent as JSON text", async () => {
    const { execute, seen } = recordingExecute();
    const tool = gongTool(execute);
    const model = fakeModel()
      .respondWithTools([{ name: "gong_execute", args: { entity: "users" }, id: "c1" }])
      .respondWithTools([
        {
          name: "gong_execute",
          args: { entity: "users", action: "list", params: '{"cursor":"x"}' },
          id: "c2",
        },
      ])
      .respond(new AIMessage("done"));
    const agent = createAgent({ model, tools: [tool] });
    const state = await agent.invoke({ messages: [new HumanMessage("users?")] });
    const results = state.messages.filter((message) => ToolMessage.isInstance(message));
    expect(results.map((message) => message.status)).toEqual(["error", "success"]);
    // Core's explanation, not LangChain's stack trace.
    expect(results[0]!.content).toMatch(/^Error \(GongValidationError\): .*action/);
    expect(results[0]!.content).not.toMatch(/\n\s+at /);
    expect(JSON.parse(results[1]!.content as string)).toEqual({
      data: [{ id: "1" }],
      meta: { hasMore: false },
    });
    expect(results[1]!.artifact).toEqual({ data: [{ id: "1" }], meta: { hasMore: false } });
    expect(seen.map((s) => s.params)).toEqual([{ cursor: "x" }]);
    expect(state.messages.at(-1)!.content).toBe("done");
  });

  it("throws core's typed error for schema-failing input invoked directly", async () => {
    const tool = gongTool(recordingExecute().execute);
    await expect(tool.invoke({ entity: "users" } as never)).rejects.toBeInstanceOf(GongValidationError);
  });
});
