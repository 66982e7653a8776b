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

  it("follows the cursor for params.pages, with progress rising page by page up to 3 at the client", async () => {
    // Three pages of calls are about 150,000 characters: room for them, and a ceiling set by flag.
    const paged = await connectStdio(serverEnv(sandbox), [
      "--max-output-chars",
      "1000000",
      "--max-pages-ceiling",
      "4",
    ]);
    try {
      const params = range(0, 60);
      const before = sandbox.requests.forPath("/v2/calls").length;
      const progress: Array<{ progress: number; total?: number; message?: string }> = [];
      const result = await paged.client.callTool(
        {
          name: "gong_execute",
          arguments: { entity: "calls", action: "list", params: { ...params, pages: 3 } },
        },
        undefined,
        { onprogress: (update) => progress.push(update) },
      );
      expect(result.isError).not.toBe(true);
      type Body = {
        data: Array<{ id: string }>;
        meta: { hasMore: boolean; cursor?: string; pages?: { returned: number; planned: number } };
      };
      const body = JSON.parse(textOf(result)) as Body;
      expect(body.meta).toMatchObject({ hasMore: true, pages: { returned: 3, planned: 3 } });

      // MCP wants every notification's progress above the last one; the pages count 1, 2, 3 of 3.
      const values = progress.map((update) => update.progress);
      for (let index = 1; index < values.length; index++) {
        expect(values[index]!).toBeGreaterThan(values[index - 1]!);
      }
      expect(values.at(-1)).toBe(3);
      const pages = progress.filter((update) => update.total !== undefined);
      expect(pages.map((update) => [update.progress, update.total])).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
      const counts = pages.map((update) =>
        Number(/^page \d: (\d+) records$/.exec(update.message ?? "")?.[1]),
      );
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(body.data.length);

      // Three requests, the cursor re-sent with the same dates, and `pages` never reaching Gong.
      const asked = sandbox.requests.forPath("/v2/calls").slice(before);
      expect(asked).toHaveLength(3);
      for (const request of asked) {
        expect(request.query).toMatchObject(params);
        expect(request.query).not.toHaveProperty("pages");
      }
      expect(asked.map((request) => typeof request.query["cursor"])).toEqual([
        "undefined",
        "string",
        "string",
      ]);

      // The cursor continues after the last record: nothing repeated.
      const next = await paged.client.callTool({
        name: "gong_execute",
        arguments: {
          entity: "calls",
          action: "list",
          params: { ...params, cursor: body.meta.cursor, pages: 10 },
        },
      });
      const nextBody = JSON.parse(textOf(next)) as Body;
      expect(nextBody.meta.pages?.planned).toBe(4);
      const seen = new Set(body.data.map((call) => call.id));
      expect(nextBody.data.length).toBeGreaterThan(0);
      expect(nextBody.data.filter((call) => seen.has(call.id))).toEqual([]);
    } finally {
      await paged.close();
    }
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
