// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { client, NOW } from "./helpers.ts";

let sandbox: Sandbox;
let api: ReturnType<typeof client>;
let rep: any;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 31, now: NOW, rateLimit: false });
  api = client(sandbox);
  const users = (await api.get("/v2/users")).json.users;
  rep = users.find((u: any) => u.title === "Account Executive" && u.active);
});
afterAll(() => sandbox.close());

describe("writes show in the reads", () => {
  it("gives and removes individual access to a call", async () => {
    const callId = (await api.get("/v2/calls")).json.calls[3].id;
    const read = async () =>
      (
        await api.post("/v2/calls/users-access", { filter: { callIds: [callId] } })
      ).json.callAccessList[0].users.map((u: any) => u.userId);
    const before = await read();
    expect(
      (
        await api.request("PUT", "/v2/calls/users-access", {
          callAccessList: [{ callId, userIds: [rep.id] }],
        })
      ).status,
    ).toBe(200);
    expect(await read()).toEqual([...before, rep.id]);
    expect(
      (
        await api.request("DELETE", "/v2/calls/users-access", {
          callAccessList: [{ callId, userIds: [rep.id] }],
        })
      ).status,
    ).toBe(200);
    expect(await read()).toEqual(before);
    const unknownUser = await api.request("PUT", "/v2/calls/users-access", {
      callAccessList: [{ callId, userIds: ["1"] }],
    });
    expect(unknownUser.status).toBe(400);
  });

  it("updates a task's status, due date and priority", async () => {
    const filter = {
      userId: rep.id,
      types: ["FLOW", "MANUAL"],
      taskAction: ["CALL"],
      status: ["OPEN", "DONE", "DISMISSED"],
    };
    const text = (await api.post("/v2/tasks", { filter })).text;
    const taskId = text.match(/"tasks":\[\{"id":(\d+)/)![1]!;
    const updated = await api.request("PATCH", `/v2/tasks/${taskId}`, {
      userId: rep.id,
      status: "DISMISSED",
      dueDate: "2026-12-01T09:00:00Z",
      priority: "Low",
    });
    expect(updated.status).toBe(200);
    expect(updated.text).toContain(`"id":${taskId}`);
    expect(updated.json.tasks[0]).toMatchObject({
      status: "DISMISSED",
      dueDate: "2026-12-01T09:00:00Z",
      priority: { name: "Low" },
    });
    const dismissed = await api.post("/v2/tasks", { filter: { ...filter, status: ["DISMISSED"] } });
    expect(dismissed.text).toContain(`"id":${taskId}`);
    const open = await api.post("/v2/tasks", { filter: { ...filter, status: ["OPEN"] } });
    expect(open.text).not.toContain(`"id":${taskId}`);
    expect(
      (await api.request("PATCH", `/v2/tasks/${taskId}`, { userId: rep.id, status: "LATER" })).status,
    ).toBe(400);
    expect((await api.request("PATCH", `/v2/tasks/${taskId}`, { status: "DONE" })).status).toBe(400);
  });

  it("creates, updates and deletes a meeting", async () => {
    const meeting = {
      startTime: "2026-11-20T15:00:00Z",
      endTime: "2026-11-20T15:30:00Z",
      invitees: [{ email: "buyer@acme.com" }],
      organizerEmail: rep.emailAddress,
    };
    const created = await api.post("/v2/meetings", meeting);
    expect(created.status).toBe(200);
    const id = created.json.meetingId;
    expect(created.json.meetingUrl).toContain(id);
    expect(
      (await api.request("PUT", `/v2/meetings/${id}`, { ...meeting, title: "Moved" })).json.meetingId,
    ).toBe(id);
    const deleted = await api.request("DELETE", `/v2/meetings/${id}`, { organizerEmail: rep.emailAddress });
    expect(deleted.json).toEqual({ organizerEmail: rep.emailAddress });
    expect((await api.request("DELETE", `/v2/meetings/${id}`, {})).status).toBe(404);
    expect((await api.post("/v2/meetings", { ...meeting, organizerEmail: "someone@else.com" })).status).toBe(
      404,
    );
  });

  it("registers and deletes a CRM integration", async () => {
    const registered = await api.request("PUT", "/v2/crm/integrations", {
      ownerEmail: rep.emailAddress,
      name: "Legacy CRM",
    });
    expect(registered.status).toBe(200);
    const id = registered.text.match(/"integrationId":(\d+)/)![1]!;
    expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect((await api.get("/v2/crm/integrations")).text).toContain(`"integrationId":${id}`);
    expect((await api.get(`/v2/crm/entity-schema?integrationId=${id}&objectType=ACCOUNT`)).status).toBe(200);
    const removed = await api.request(
      "DELETE",
      `/v2/crm/integrations?integrationId=${id}&clientRequestId=del-1`,
    );
    expect(removed.status).toBe(201);
    expect(removed.json.clientRequestId).toBe("del-1");
    expect((await api.get("/v2/crm/integrations")).text).not.toContain(`"integrationId":${id}`);
    expect((await api.get(`/v2/crm/entity-schema?integrationId=${id}&objectType=ACCOUNT`)).status).toBe(400);
  });

  it("accepts engagement events once per event id", async () => {
    const event = {
      eventId: "e-42",
      timestamp: "2026-11-10T10:00:00Z",
      eventType: "DOWNLOAD",
      content: { contentTitle: "Case study" },
    };
    expect((await api.post("/v2/digital-interaction", event)).status).toBe(200);
    const again = await api.post("/v2/digital-interaction", event);
    expect(again.status).toBe(409);
    expect(again.json.errors[0]).toMatch(/already reported/);
    expect(
      (await api.post("/v2/digital-interaction", { ...event, eventId: "e-43", timestamp: "soon" })).status,
    ).toBe(400);
  });

  it("creates a call that the lists show, without content or transcript until processed", async () => {
    const body = {
      clientUniqueId: "dialer-123",
      actualStart: "2026-10-10T10:00:00Z",
      duration: 300,
      title: "Uploaded call",
      direction: "Outbound",
      primaryUser: rep.id,
      parties: [
        { userId: rep.id, emailAddress: rep.emailAddress, name: "Rep" },
        { phoneNumber: "+1 212 555 0100", name: "Prospect" },
      ],
    };
    const created = await api.post("/v2/calls", body);
    expect(created.status).toBe(200);
    const id = created.json.callId;
    expect(id).toMatch(/^\d{19}$/);
    expect((await api.get(`/v2/calls/${id}`)).json.call).toMatchObject({
      id,
      title: "Uploaded call",
      started: "2026-10-10T10:00:00Z",
      scope: "External",
    });

    const day = await api.get("/v2/calls?fromDateTime=2026-10-10T00:00:00Z&toDateTime=2026-10-11T00:00:00Z");
    const starts = day.json.calls.map((c: any) => c.started);
    expect(day.json.calls.map((c: any) => c.id)).toContain(id);
    expect([...starts].sort()).toEqual(starts);
    expect(day.json.records.totalRecords).toBe(day.json.calls.length);

    const extensive = await api.post("/v2/calls/extensive", {
      filter: { callIds: [id] },
      contentSelector: { exposedFields: { parties: true, content: { brief: true } } },
    });
    expect(extensive.json.calls[0].parties.map((p: any) => p.affiliation)).toEqual(["Internal", "External"]);
    expect(extensive.json.calls[0].content).toEqual({});
    expect((await api.post("/v2/calls/transcript", { filter: { callIds: [id] } })).status).toBe(404);

    expect((await api.post("/v2/calls", body)).status).toBe(409);
    const multipart =
      '--b\r\nContent-Disposition: form-data; name="mediaFile"; filename="a.mp3"\r\n\r\nID3\r\n--b--\r\n';
    const media = await api.request("PUT", `/v2/calls/${id}/media`, multipart, {
      "content-type": "multipart/form-data; boundary=b",
    });
    expect(media.status).toBe(201);
    expect(media.json.callId).toBe(id);
  });

  it("answers a list request sent to POST /v2/calls with a 400 that points to the list endpoints", async () => {
    const result = await api.post("/v2/calls", { filter: { fromDateTime: "2026-10-01T00:00:00Z" } });
    expect(result.status).toBe(400);
    expect(result.json.errors[0]).toMatch(/GET \/v2\/calls or POST \/v2\/calls\/extensive/);
  });

  it("assigns prospects to flows and unassigns them", async () => {
    const flows = (await api.get(`/v2/flows?flowOwnerEmail=${encodeURIComponent(rep.emailAddress)}`)).json
      .flows;
    const contact = (
      await api.post("/v2/calls/extensive", {
        filter: {},
        contentSelector: { context: "Extended", exposedFields: { parties: true } },
      })
    ).json.calls
      .flatMap((c: any) => c.parties ?? [])
      .find((p: any) => p.affiliation === "External").context[0].objects[0].objectId;
    const assigned = await api.post("/v2/flows/prospects/assign/cool-off-override", {
      crmProspectsIds: [contact],
      flowId: flows[0].id,
      flowInstanceOwnerEmail: rep.emailAddress,
    });
    expect(assigned.status).toBe(200);
    const instance = assigned.json.prospectsAssigned[0].flowInstanceId;
    const read = async () =>
      (await api.post("/v2/flows/prospects", { crmProspectsIds: [contact] })).json.prospectsAssigned.map(
        (a: any) => a.flowInstanceId,
      );
    expect(await read()).toContain(instance);
    const unassigned = await api.post("/v2/flows/prospects/unassign-flows-by-instance-id", {
      flowInstanceIds: [instance],
    });
    expect(unassigned.json.unassignedFlowInstanceIds).toEqual([instance]);
    expect(await read()).not.toContain(instance);

    const bulk = await api.post("/v2/flows/prospects/bulk-assignments", {
      flowId: flows[0].id,
      flowInstanceOwnerEmail: rep.emailAddress,
      prospects: [{ firstName: "Ada", email: "ada@acme.com" }],
    });
    expect(bulk.status).toBe(202);
    const result = await api.get(`/v2/flows/prospects/bulk-assignments/${bulk.json.id}`);
    expect(result.json).toMatchObject({ status: "COMPLETED", successCount: 1 });
  });

  it("creates and edits permission profiles", async () => {
    const ws = sandbox.data.workspaces[0]!.id;
    const created = await api.post(`/v2/permission-profile?workspaceId=${ws}`, {
      name: "Auditors",
      description: "Read only",
    });
    expect(created.status).toBe(200);
    const id = created.json.profile.id;
    const all = (await api.get(`/v2/all-permission-profiles?workspaceId=${ws}`)).json.profiles;
    expect(all.map((p: any) => p.name)).toContain("Auditors");
    const updated = await api.request("PUT", `/v2/permission-profile?profileId=${id}`, {
      name: "Auditors",
      description: "Read only, all calls",
    });
    expect(updated.json.profile).toMatchObject({ id, description: "Read only, all calls" });
    expect((await api.get(`/v2/permission-profile?profileId=${id}`)).json.profile.description).toBe(
      "Read only, all calls",
    );
    expect((await api.get(`/v2/permission-profile/users?profileId=${id}`)).json.users).toEqual([]);
  });

  it("uploads CRM schema fields and objects, and reports the upload", async () => {
    const integrationId = (await api.get("/v2/crm/integrations")).text.match(/"integrationId":(\d+)/)![1];
    const base = `integrationId=${integrationId}&objectType=DEAL`;
    const schema = await api.post(`/v2/crm/entity-schema?${base}`, [
      { uniqueName: "Competitor", label: "Main competitor", type: "STRING" },
    ]);
    expect(schema.status).toBe(201);
    const fields = (await api.get(`/v2/crm/entity-schema?${base}`)).json.objectTypeToSelectedFields.DEAL;
    expect(fields.map((f: any) => f.uniqueName)).toContain("Competitor");
    const file =
      '--b\r\nContent-Disposition: form-data; name="dataFile"; filename="deals.jsonl"\r\n\r\n{"Id":"1"}\r\n{"Id":"2"}\r\n{"Id":"3"}\r\n--b--\r\n';
    const upload = await api.request("POST", `/v2/crm/entities?${base}&clientRequestId=deals-1`, file, {
      "content-type": "multipart/form-data; boundary=b",
    });
    expect(upload.status).toBe(201);
    const status = await api.get(
      `/v2/crm/request-status?integrationId=${integrationId}&clientRequestId=deals-1`,
    );
    expect(status.json).toMatchObject({ status: "DONE", totalSuccessCount: 3, totalErrorCount: 0 });
  });

  it("erases what it knows about an email address", async () => {
    const party = (
      await api.post("/v2/calls/extensive", {
        filter: {},
        contentSelector: { exposedFields: { parties: true } },
      })
    ).json.calls
      .flatMap((c: any) => c.parties)
      .find((p: any) => p.affiliation === "External");
    const lookup = async () =>
      (
        await api.get(
          `/v2/data-privacy/data-for-email-address?emailAddress=${encodeURIComponent(party.emailAddress)}`,
        )
      ).json;
    expect((await lookup()).calls.length).toBeGreaterThan(0);
    const erased = await api.post(
      `/v2/data-privacy/erase-data-for-email-address?emailAddress=${encodeURIComponent(party.emailAddress)}`,
      {},
    );
    expect(erased.status).toBe(200);
    const after = await lookup();
    expect(after.calls).toEqual([]);
    expect(after.customerData).toEqual([]);
  });
});
