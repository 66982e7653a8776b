import { describe, expect, it } from "vitest";
import { GongConnector } from "../../src/connector.js";
import { RecordingClient } from "./recording-client.js";

describe("GongConnector over a recording client", () => {
  it("lists calls with default dates in the query and shapes meta", async () => {
    const client = new RecordingClient(() => ({
      data: { requestId: "r", records: { totalRecords: 3, currentPageNumber: 0, cursor: "c2" }, calls: [{ id: "1" }] },
    }));
    const gong = new GongConnector({ client, now: () => new Date("2026-03-10T15:00:00Z") });
    const page = await gong.execute("calls", "list");
    expect(page).toEqual({
      data: [{ id: "1" }],
      meta: { hasMore: true, cursor: "c2", totalRecords: 3, currentPageNumber: 0, requestId: "req-1" },
    });
    expect(client.requests[0]).toMatchObject({
      method: "GET",
      path: "/v2/calls",
      query: { fromDateTime: "2026-02-08T00:00:00Z", toDateTime: "2026-03-11T00:00:00Z" },
    });
  });
});
