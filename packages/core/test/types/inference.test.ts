/**
 * Types follow from the catalog. The `typecheck` script compiles this file: every `@ts-expect-error`
 * must be an error and every `expectTypeOf` must hold, or the build fails. The runtime test checks that
 * the typed helpers exist on a real connector.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  Call,
  CallTranscript,
  ExtensiveCall,
  ListMeta,
  MediaDownload,
  MediaLink,
  ParamsOf,
  ResultOf,
  User,
  Workspace,
} from "../../src/catalog/index.js";
import { GongConnector } from "../../src/connector.js";
import type { ExecuteFn } from "../../src/tool/types.js";
import { RecordingClient } from "../connector/recording-client.js";

/** Compiled, never run: the assertions are the compiler's. */
async function typeAssertions(gong: GongConnector) {
  const calls = await gong.execute("calls", "list", { fromDateTime: "2026-01-01T00:00:00Z" });
  expectTypeOf(calls.data).toEqualTypeOf<Call[]>();
  expectTypeOf(calls.meta).toEqualTypeOf<ListMeta>();
  expectTypeOf(await gong.execute("calls_extensive", "list")).toEqualTypeOf<{
    data: ExtensiveCall[];
    meta: ListMeta;
  }>();
  expectTypeOf((await gong.execute("users", "get", { id: "1" })).data).toEqualTypeOf<User>();
  expectTypeOf((await gong.workspaces.list()).data).toEqualTypeOf<Workspace[]>();
  expectTypeOf((await gong.callTranscripts.list({ filter: { callIds: ["1"] } })).data).toEqualTypeOf<
    CallTranscript[]
  >();
  expectTypeOf((await gong.call_video.download({ callId: "1" })).data).toEqualTypeOf<MediaDownload>();
  expectTypeOf((await gong.callAudio.link({ callId: "1" })).data).toEqualTypeOf<MediaLink>();
  expectTypeOf<ResultOf<"users", "list">["data"]>().toEqualTypeOf<User[]>();

  // snake_case aliases type-check, at any level.
  await gong.execute("calls", "list", {
    from_date_time: "2026-01-01T00:00:00Z",
    to_date_time: "2026-02-01T00:00:00Z",
  });
  await gong.execute("calls_extensive", "list", {
    filter: { call_ids: ["1"] },
    content_selector: { exposed_fields: { parties: true, media: true } },
  });
  await gong.coaching.list({ workspace_id: "1", manager_id: "2" });
  // Gong's own wire names type-check where they differ.
  await gong.coaching.list({ "workspace-id": "1", "manager-id": "2", from: "2026-01-01T00:00:00Z" });
  // @ts-expect-error wire names exist only where Gong uses them
  await gong.execute("calls", "list", { "workspace-id": "1" });
  await gong.stats_activity_aggregate.list({ filter: { from_date: "2026-01-01", user_ids: ["1"] } });

  // @ts-expect-error unknown entity
  await gong.execute("meetings", "list");
  // @ts-expect-error unknown action for an entity
  await gong.execute("calls", "delete");
  // @ts-expect-error unknown parameter
  await gong.execute("calls", "list", { limit: 5 });
  // @ts-expect-error wrong parameter type
  await gong.execute("users", "list", { includeAvatars: "yes" });
  // @ts-expect-error invalid nested enum
  await gong.execute("calls_extensive", "list", { contentSelector: { context: "Everything" } });
  // @ts-expect-error a required parameter is missing
  await gong.execute("users", "get");
  // @ts-expect-error a required parameter is missing in a helper
  await gong.coaching.list({ workspaceId: "1" });
  // @ts-expect-error no such helper
  gong.meetings;

  for await (const call of gong.paginate("calls", "list", { fromDateTime: "2026-01-01T00:00:00Z" })) {
    expectTypeOf(call).toEqualTypeOf<Call>();
  }
  // @ts-expect-error paginate needs the required params of its action
  gong.paginate("flows", "list");
  gong.paginate("flows", "list", { flowOwnerEmail: "a@b.c" }, { limit: 5 });
  // @ts-expect-error paginate only takes list actions
  gong.paginate("users", "get", { id: "1" });

  expectTypeOf<ParamsOf<"users", "get">>().toMatchTypeOf<{ id: string } | { id: string }>();
  const fn: ExecuteFn = gong.executeFn;
  return fn;
}

describe("typed connector", () => {
  it("has a typed helper for every catalog entity, in snake_case and camelCase", async () => {
    const client = new RecordingClient(() => ({
      data: { requestId: "r", records: {}, callTranscripts: [] },
    }));
    const gong = new GongConnector({ client });
    expect(typeof typeAssertions).toBe("function");
    for (const entity of gong.describe().entities) {
      const camel = entity.entity.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      for (const { action } of entity.actions) {
        expect(
          typeof (gong as unknown as Record<string, Record<string, unknown>>)[entity.entity]![action],
        ).toBe("function");
        expect((gong as unknown as Record<string, unknown>)[camel]).toBe(
          (gong as unknown as Record<string, unknown>)[entity.entity],
        );
      }
    }
    await gong.callTranscripts.list({ filter: { callIds: ["9"] } });
    expect(client.requests[0]).toMatchObject({
      method: "POST",
      path: "/v2/calls/transcript",
      body: { filter: { callIds: ["9"] } },
    });
  });
});
