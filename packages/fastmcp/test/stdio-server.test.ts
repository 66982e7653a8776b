/**
 * The `gong-mcp` server as MCP clients meet it: a real child process spoken to over stdio by the
 * official MCP SDK client, serving a sandbox Gong over real HTTP.
 */
import { startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectStdio, type StdioSession, serverEnv, textOf } from "./helpers/stdio-server.js";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A range of whole days ending `daysAgo` days before today (UTC), inside the sandbox's six months of calls. */
function range(daysAgo: number, days: number) {
  const now = new Date();
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS;
  return {
    fromDateTime: new Date(end - days * DAY_MS).toISOString(),
    toDateTime: new Date(end).toISOString(),
  };
}

let sandbox: Sandbox;
let session: StdioSession;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, rateLimit: false });
  session = await connectStdio(serverEnv(sandbox));
});

afterAll(async () => {
  await session?.close();
  await sandbox?.close();
});

describe("tools/list", () => {
  it("advertises one read-only tool whose input is a flat object with an open params", async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["gong_execute"]);
    const tool = tools[0]!;
    const schema = tool.inputSchema as Record<string, unknown>;
    expect(schema.type).toBe("object");
    for (const union of ["oneOf", "anyOf", "allOf"]) expect(schema).not.toHaveProperty(union);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties).sort()).toEqual(["action", "entity", "params"]);
    expect(properties.entity!.type).toBe("string");
    expect(properties.action!.type).toBe("string");
    // The point of the FastMCP workaround: clients must see params as an object that takes any key.
    expect(properties.params!.type).toBe("object");
    expect(properties.params!.additionalProperties).toBe(true);
    expect(schema.required).toEqual(expect.arrayContaining(["entity", "action"]));
    expect(schema.required).not.toContain("params");
    expect(tool.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      openWorldHint: true,
    });
    expect(tool.description).toContain("calls");
    expect(tool.description).toContain("cursor");
  });
});

describe("tools/call", () => {
  it("lists the calls of a date range as { data, meta } JSON text", async () => {
    const window = range(3, 4);
    const result = await session.client.callTool({
      name: "gong_execute",
      arguments: { entity: "calls", action: "list", params: window },
    });
    expect(result.isError).not.toBe(true);
    const body = JSON.parse(textOf(result)) as { data: Array<{ id: string; started: string }>; meta: object };
    expect(body.data.length).toBeGreaterThan(0);
    for (const call of body.data) {
      expect(call.id).toMatch(/^\d+$/);
      expect(Date.parse(call.started)).toBeGreaterThanOrEqual(Date.parse(window.fromDateTime));
      expect(Date.parse(call.started)).toBeLessThan(Date.parse(window.toDateTime));
    }
    expect(body.meta).toHaveProperty("hasMore");
    // The server really asked the sandbox, with the model's dates.
    const asked = sandbox.requests.filter((request) => request.path === "/v2/calls").at(-1);
    expect(asked?.query).toMatchObject({ fromDateTime: window.fromDateTime, toDateTime: window.toDateTime });
  });

  it("accepts params with keys the schema does not name (an open object end to end)", async () => {
    const result = await session.client.callTool({
      name: "gong_execute",
      arguments: { entity: "users", action: "list", params: {} },
    });
    expect(result.isError).not.toBe(true);
    const body = JSON.parse(textOf(result)) as { data: Array<{ id: string }> };
    expect(body.data.length).toBeGreaterThan(0);
  });

  it("answers an unknown entity with isError text that lists the valid entities", async () => {
    const result = await session.client.callTool({
      name: "gong_execute",
      arguments: { entity: "people", action: "list" },
    });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain("people");
    for (const valid of ["users", "calls", "call_transcripts", "workspaces"]) expect(text).toContain(valid);
  });

  it("answers a missing action with isError text, not a protocol error", async () => {
    const result = await session.client.callTool({ name: "gong_execute", arguments: { entity: "calls" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/action/);
  });

  it("reports progress to a client that asks for it", async () => {
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await session.client.callTool(
      { name: "gong_execute", arguments: { entity: "calls", action: "list", params: range(3, 25) } },
      undefined,
      { onprogress: (update) => progress.push(update) },
    );
    expect(result.isError).not.toBe(true);
    expect(progress[0]).toEqual({ progress: 0, message: "asking Gong: calls list" });
  });

  it("never writes a credential to the client or to its own stderr", async () => {
    const basic = Buffer.from(`${sandbox.accessKey}:${sandbox.accessKeySecret}`).toString("base64");
    const failure = await session.client.callTool({
      name: "gong_execute",
      arguments: { entity: "users", action: "get", params: { id: "1" } },
    });
    const seen = [textOf(failure), session.stderr()].join("\n");
    expect(seen).not.toContain(sandbox.accessKeySecret);
    expect(seen).not.toContain(basic);
  });
});

describe("refused credentials", () => {
  it("tells the model the credentials were refused, without the secret", async () => {
    const wrongSecret = `wrong-${sandbox.accessKeySecret}-secret`;
    const refused = await connectStdio(serverEnv({ ...sandbox, accessKeySecret: wrongSecret }));
    try {
      const result = await refused.client.callTool({
        name: "gong_execute",
        arguments: { entity: "users", action: "list" },
      });
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toMatch(/401|authenticat|credential|access key/i);
      expect(text).not.toContain(wrongSecret);
      expect(refused.stderr()).not.toContain(wrongSecret);
    } finally {
      await refused.close();
    }
  });
});
