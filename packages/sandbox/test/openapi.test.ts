// biome-ignore-all lint/suspicious/noExplicitAny: API answers are untyped JSON; the assertions check their shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.ts";
import { type ApiResult, call, client, NOW } from "./helpers.ts";
import { spec, specOperations, validateResponse } from "./openapi.ts";

/**
 * Walks every operation the sandbox serves, with requests that succeed and requests that fail,
 * and validates every answer against Gong's OpenAPI document (unknown properties refused).
 */

let sandbox: Sandbox;
let api: ReturnType<typeof client>;

interface Case {
  name: string;
  method: string;
  /** the spec's path template */
  template: string;
  path: string;
  body?: unknown;
  status: number;
  /** send no credentials */
  anonymous?: boolean;
  headers?: Record<string, string>;
}

const cases: Case[] = [];
const answers: Array<{ c: Case; result: ApiResult }> = [];

const READ_ONLY_POSTS = new Set([
  "/v2/calls/extensive",
  "/v2/calls/transcript",
  "/v2/users/extensive",
  "/v2/stats/activity/aggregate",
  "/v2/stats/activity/aggregate-by-period",
  "/v2/stats/activity/day-by-day",
  "/v2/stats/activity/scorecards",
  "/v2/stats/interaction",
  "/v2/tasks",
  "/v2/calls/users-access",
  "/v2/flows/prospects",
  "/v2/flows/steps",
  "/v2/meetings/integration/status",
]);

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 21, now: NOW, rateLimit: false });
  api = client(sandbox);
  const ws = sandbox.data.workspaces[0]!.id;
  const users = (await api.get("/v2/users")).json.users;
  const manager = users.find((u: any) => users.some((r: any) => r.managerId === u.id && u.managerId));
  const rep = users.find((u: any) => u.managerId === manager.id);
  const calls = (
    await api.post("/v2/calls/extensive", {
      filter: { fromDateTime: "2026-10-01T00:00:00Z" },
      contentSelector: { context: "Extended", exposedFields: { parties: true } },
    })
  ).json.calls;
  const external = calls.find((c: any) => c.context?.length);
  const callId = external.metaData.id;
  const accountId = external.context[0].objects.find((o: any) => o.objectType === "Account").objectId;
  const dealId = external.context[0].objects.find((o: any) => o.objectType === "Opportunity").objectId;
  const contactParty = external.parties.find((p: any) => p.affiliation === "External");
  const contactId = contactParty.context[0].objects[0].objectId;
  const folders = (await api.get("/v2/library/folders")).json.folders;
  const folderWithCalls = folders.find((f: any) => f.name !== "Training");
  const profiles = (await api.get(`/v2/all-permission-profiles?workspaceId=${ws}`)).json.profiles;
  const integrationId = String(
    (await api.get("/v2/crm/integrations")).text.match(/"integrationId":(\d+)/)![1],
  );
  const scorecards = (await api.get("/v2/settings/scorecards")).text;
  const scorecardId = scorecards.match(/"scorecardId":(\d+)/)![1]!;
  const flows = (await api.get(`/v2/flows?flowOwnerEmail=${encodeURIComponent(rep.emailAddress)}`)).json
    .flows;
  const briefName = encodeURIComponent("Account Summary");

  const ok = (name: string, method: string, template: string, path: string, body?: unknown) =>
    cases.push({ name, method, template, path, body, status: 200 });
  const fail = (
    status: number,
    name: string,
    method: string,
    template: string,
    path: string,
    body?: unknown,
  ) => cases.push({ name, method, template, path, body, status });
  const statsFilter = { fromDate: "2026-10-01", toDate: "2026-11-01" };

  ok(
    "calls",
    "GET",
    "/v2/calls",
    "/v2/calls?fromDateTime=2026-10-01T00:00:00Z&toDateTime=2026-10-08T00:00:00Z",
  );
  fail(400, "calls bad date", "GET", "/v2/calls", "/v2/calls?fromDateTime=2026-10-01");
  fail(
    404,
    "calls empty",
    "GET",
    "/v2/calls",
    "/v2/calls?fromDateTime=2019-10-01T00:00:00Z&toDateTime=2019-10-02T00:00:00Z",
  );
  ok("call", "GET", "/v2/calls/{id}", `/v2/calls/${callId}`);
  fail(404, "call missing", "GET", "/v2/calls/{id}", "/v2/calls/5");
  ok("extensive", "POST", "/v2/calls/extensive", "/v2/calls/extensive", { filter: { callIds: [callId] } });
  fail(400, "extensive empty ids", "POST", "/v2/calls/extensive", "/v2/calls/extensive", {
    filter: { callIds: [] },
  });
  ok("transcript", "POST", "/v2/calls/transcript", "/v2/calls/transcript", { filter: { callIds: [callId] } });
  fail(404, "transcript none", "POST", "/v2/calls/transcript", "/v2/calls/transcript", {
    filter: { callIds: ["7"] },
  });
  ok("users", "GET", "/v2/users", "/v2/users");
  fail(400, "users bad cursor", "GET", "/v2/users", "/v2/users?cursor=nonsense");
  ok("user", "GET", "/v2/users/{id}", `/v2/users/${rep.id}`);
  fail(404, "user missing", "GET", "/v2/users/{id}", "/v2/users/42");
  ok("user history", "GET", "/v2/users/{id}/settings-history", `/v2/users/${rep.id}/settings-history`);
  fail(
    404,
    "user history missing",
    "GET",
    "/v2/users/{id}/settings-history",
    "/v2/users/42/settings-history",
  );
  ok("users extensive", "POST", "/v2/users/extensive", "/v2/users/extensive", {
    filter: { userIds: [rep.id] },
  });
  fail(400, "users extensive no filter", "POST", "/v2/users/extensive", "/v2/users/extensive", {});
  ok("workspaces", "GET", "/v2/workspaces", "/v2/workspaces");
  for (const path of [
    "/v2/stats/activity/aggregate",
    "/v2/stats/activity/day-by-day",
    "/v2/stats/interaction",
  ]) {
    ok(path, "POST", path, path, { filter: statsFilter });
    fail(400, `${path} future`, "POST", path, path, {
      filter: { fromDate: "2026-10-01", toDate: "2027-01-01" },
    });
    fail(400, `${path} reversed`, "POST", path, path, {
      filter: { fromDate: "2026-10-05", toDate: "2026-10-01" },
    });
    fail(400, `${path} format`, "POST", path, path, {
      filter: { fromDate: "10/01/2026", toDate: "2026-10-05" },
    });
    fail(404, `${path} nobody`, "POST", path, path, { filter: { ...statsFilter, userIds: ["1"] } });
  }
  for (const period of ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]) {
    ok(
      `by period ${period}`,
      "POST",
      "/v2/stats/activity/aggregate-by-period",
      "/v2/stats/activity/aggregate-by-period",
      {
        filter: statsFilter,
        aggregationPeriod: period,
      },
    );
  }
  fail(
    400,
    "by period missing",
    "POST",
    "/v2/stats/activity/aggregate-by-period",
    "/v2/stats/activity/aggregate-by-period",
    {
      filter: statsFilter,
    },
  );
  ok("answered scorecards", "POST", "/v2/stats/activity/scorecards", "/v2/stats/activity/scorecards", {
    filter: { callFromDate: "2026-09-01", callToDate: "2026-11-01", reviewMethod: "BOTH" },
  });
  ok("answered scorecards by id", "POST", "/v2/stats/activity/scorecards", "/v2/stats/activity/scorecards", {
    filter: { scorecardIds: [scorecardId] },
  });
  fail(
    404,
    "answered scorecards none",
    "POST",
    "/v2/stats/activity/scorecards",
    "/v2/stats/activity/scorecards",
    {
      filter: { reviewedUserIds: ["1"] },
    },
  );
  fail(
    400,
    "answered scorecards bad method",
    "POST",
    "/v2/stats/activity/scorecards",
    "/v2/stats/activity/scorecards",
    {
      filter: { reviewMethod: "SOMETIMES" },
    },
  );
  ok("scorecards", "GET", "/v2/settings/scorecards", "/v2/settings/scorecards");
  ok("trackers", "GET", "/v2/settings/trackers", `/v2/settings/trackers?workspaceId=${ws}`);
  fail(400, "trackers bad workspace", "GET", "/v2/settings/trackers", "/v2/settings/trackers?workspaceId=1");
  ok("briefs", "GET", "/v2/settings/briefs", "/v2/settings/briefs");
  fail(400, "briefs bad workspace", "GET", "/v2/settings/briefs", "/v2/settings/briefs?workspaceId=1");
  ok("outcomes", "GET", "/v2/call-outcomes", "/v2/call-outcomes");
  ok("folders", "GET", "/v2/library/folders", `/v2/library/folders?workspaceId=${ws}`);
  ok(
    "folder content",
    "GET",
    "/v2/library/folder-content",
    `/v2/library/folder-content?folderId=${folderWithCalls.id}`,
  );
  fail(404, "folder missing", "GET", "/v2/library/folder-content", "/v2/library/folder-content?folderId=123");
  fail(400, "folder id missing", "GET", "/v2/library/folder-content", "/v2/library/folder-content");
  ok(
    "coaching",
    "GET",
    "/v2/coaching",
    `/v2/coaching?workspace-id=${sandbox.data.workspaces[users.find((u: any) => u.id === manager.id) ? 0 : 0]!.id}&manager-id=${manager.id}&from=2026-06-01T00:00:00Z&to=2026-11-15T00:00:00Z`,
  );
  fail(400, "coaching missing", "GET", "/v2/coaching", `/v2/coaching?manager-id=${manager.id}`);
  for (const logType of [
    "AccessLog",
    "UserActivityLog",
    "UserCallPlay",
    "ExternallySharedCallAccess",
    "ExternallySharedCallPlay",
  ]) {
    ok(`logs ${logType}`, "GET", "/v2/logs", `/v2/logs?logType=${logType}&fromDateTime=2026-09-01T00:00:00Z`);
  }
  fail(400, "logs bad type", "GET", "/v2/logs", "/v2/logs?logType=Nope&fromDateTime=2026-09-01T00:00:00Z");
  fail(
    404,
    "logs empty",
    "GET",
    "/v2/logs",
    "/v2/logs?logType=AccessLog&fromDateTime=2010-09-01T00:00:00Z&toDateTime=2010-09-02T00:00:00Z",
  );
  ok("profiles", "GET", "/v2/all-permission-profiles", `/v2/all-permission-profiles?workspaceId=${ws}`);
  fail(400, "profiles no workspace", "GET", "/v2/all-permission-profiles", "/v2/all-permission-profiles");
  ok("profile", "GET", "/v2/permission-profile", `/v2/permission-profile?profileId=${profiles[1].id}`);
  fail(404, "profile missing", "GET", "/v2/permission-profile", "/v2/permission-profile?profileId=9");
  ok(
    "profile users",
    "GET",
    "/v2/permission-profile/users",
    `/v2/permission-profile/users?profileId=${profiles[2].id}`,
  );
  fail(400, "profile users no id", "GET", "/v2/permission-profile/users", "/v2/permission-profile/users");
  ok("flows", "GET", "/v2/flows", `/v2/flows?flowOwnerEmail=${encodeURIComponent(rep.emailAddress)}`);
  fail(400, "flows unknown owner", "GET", "/v2/flows", "/v2/flows?flowOwnerEmail=nobody@example.com");
  ok(
    "flow folders",
    "GET",
    "/v2/flows/folders",
    `/v2/flows/folders?flowFolderOwnerEmail=${encodeURIComponent(rep.emailAddress)}`,
  );
  fail(400, "flow folders no owner", "GET", "/v2/flows/folders", "/v2/flows/folders");
  ok("flow steps", "POST", "/v2/flows/steps", "/v2/flows/steps", { flowIds: [flows[0].id] });
  fail(404, "flow steps none", "POST", "/v2/flows/steps", "/v2/flows/steps", { flowIds: ["1"] });
  ok("prospects", "POST", "/v2/flows/prospects", "/v2/flows/prospects", {
    crmProspectsIds: sandbox.data.accounts.length > 0 ? [contactId] : [],
  });
  fail(400, "prospects nothing", "POST", "/v2/flows/prospects", "/v2/flows/prospects", {});
  ok(
    "bulk assignment",
    "GET",
    "/v2/flows/prospects/bulk-assignments/{id}",
    `/v2/flows/prospects/bulk-assignments/${sandbox.data.samples.bulkAssignmentId}`,
  );
  fail(
    404,
    "bulk assignment unknown",
    "GET",
    "/v2/flows/prospects/bulk-assignments/{id}",
    "/v2/flows/prospects/bulk-assignments/77",
  );
  ok("tasks", "POST", "/v2/tasks", "/v2/tasks", {
    filter: {
      userId: rep.id,
      types: ["FLOW", "MANUAL"],
      taskAction: ["CALL"],
      status: ["OPEN", "DONE", "DISMISSED"],
    },
  });
  fail(400, "tasks missing", "POST", "/v2/tasks", "/v2/tasks", { filter: { userId: rep.id } });
  ok("users access", "POST", "/v2/calls/users-access", "/v2/calls/users-access", {
    filter: { callIds: [callId] },
  });
  fail(400, "users access empty", "POST", "/v2/calls/users-access", "/v2/calls/users-access", {
    filter: { callIds: [] },
  });
  ok("crm integrations", "GET", "/v2/crm/integrations", "/v2/crm/integrations");
  ok(
    "crm schema",
    "GET",
    "/v2/crm/entity-schema",
    `/v2/crm/entity-schema?integrationId=${integrationId}&objectType=DEAL`,
  );
  ok(
    "crm schema all",
    "GET",
    "/v2/crm/entity-schema",
    `/v2/crm/entity-schema?integrationId=${integrationId}`,
  );
  fail(
    400,
    "crm schema bad type",
    "GET",
    "/v2/crm/entity-schema",
    `/v2/crm/entity-schema?integrationId=${integrationId}&objectType=deal`,
  );
  ok(
    "crm objects",
    "GET",
    "/v2/crm/entities",
    `/v2/crm/entities?integrationId=${integrationId}&objectType=ACCOUNT&objectsCrmIds=${accountId}`,
  );
  fail(
    400,
    "crm objects bad integration",
    "GET",
    "/v2/crm/entities",
    `/v2/crm/entities?integrationId=1&objectType=ACCOUNT&objectsCrmIds=${accountId}`,
  );
  ok(
    "crm status",
    "GET",
    "/v2/crm/request-status",
    `/v2/crm/request-status?integrationId=${integrationId}&clientRequestId=initial-load-1`,
  );
  fail(
    404,
    "crm status unknown",
    "GET",
    "/v2/crm/request-status",
    `/v2/crm/request-status?integrationId=${integrationId}&clientRequestId=x`,
  );
  ok(
    "privacy email",
    "GET",
    "/v2/data-privacy/data-for-email-address",
    `/v2/data-privacy/data-for-email-address?emailAddress=${encodeURIComponent(contactParty.emailAddress)}`,
  );
  fail(
    400,
    "privacy email bad",
    "GET",
    "/v2/data-privacy/data-for-email-address",
    "/v2/data-privacy/data-for-email-address?emailAddress=nope",
  );
  ok(
    "privacy phone",
    "GET",
    "/v2/data-privacy/data-for-phone-number",
    `/v2/data-privacy/data-for-phone-number?phoneNumber=${encodeURIComponent("+1 415 555 1003")}`,
  );
  fail(
    400,
    "privacy phone missing",
    "GET",
    "/v2/data-privacy/data-for-phone-number",
    "/v2/data-privacy/data-for-phone-number",
  );
  const entity = `workspaceId=${ws}&crmEntityType=ACCOUNT&crmEntityId=${accountId}&timePeriod=ALL_CONVERSATIONS`;
  ok(
    "ask entity",
    "GET",
    "/v2/entities/ask-entity",
    `/v2/entities/ask-entity?${entity}&question=${encodeURIComponent("Which competitors came up?")}`,
  );
  ok(
    "ask deal",
    "GET",
    "/v2/entities/ask-entity",
    `/v2/entities/ask-entity?workspaceId=${ws}&crmEntityType=DEAL&crmEntityId=${dealId}&timePeriod=LAST_YEAR&question=pricing`,
  );
  fail(
    404,
    "ask unknown",
    "GET",
    "/v2/entities/ask-entity",
    `/v2/entities/ask-entity?workspaceId=${ws}&crmEntityType=ACCOUNT&crmEntityId=none&timePeriod=LAST_YEAR&question=x`,
  );
  fail(
    400,
    "ask custom without from",
    "GET",
    "/v2/entities/ask-entity",
    `/v2/entities/ask-entity?${entity.replace("ALL_CONVERSATIONS", "CUSTOM_RANGE")}&question=x`,
  );
  ok("get brief", "GET", "/v2/entities/get-brief", `/v2/entities/get-brief?${entity}&briefName=${briefName}`);
  fail(
    404,
    "get brief unknown",
    "GET",
    "/v2/entities/get-brief",
    `/v2/entities/get-brief?${entity}&briefName=nope`,
  );
  ok("meeting integration", "POST", "/v2/meetings/integration/status", "/v2/meetings/integration/status", {
    emails: [rep.emailAddress, "nobody@example.com"],
  });
  fail(
    400,
    "meeting integration bad",
    "POST",
    "/v2/meetings/integration/status",
    "/v2/meetings/integration/status",
    { emails: "x" },
  );

  // Writes, after every read so their effects do not change the reads above.
  const taskId = (
    await api.post("/v2/tasks", {
      filter: {
        userId: rep.id,
        types: ["FLOW", "MANUAL"],
        taskAction: ["CALL"],
        status: ["OPEN", "DONE", "DISMISSED"],
      },
    })
  ).text.match(/"tasks":\[\{"id":(\d+)/)![1];
  const meeting = {
    startTime: "2026-11-20T15:00:00Z",
    endTime: "2026-11-20T15:30:00Z",
    title: "Pricing follow-up",
    invitees: [{ email: contactParty.emailAddress, displayName: contactParty.name }],
    organizerEmail: rep.emailAddress,
  };
  const meetingId = (await api.post("/v2/meetings", meeting)).json.meetingId;
  const access = { callAccessList: [{ callId, userIds: [rep.id] }] };
  const event = {
    reportingSystem: "Website",
    eventTimestamp: "2026-11-10T10:00:00Z",
    contentId: "doc-1",
    contentUrl: "https://brightwave.io/d/1",
    contentTitle: "Pricing sheet",
  };
  ok("add call", "POST", "/v2/calls", "/v2/calls", {
    clientUniqueId: "walk-1",
    actualStart: "2026-10-02T09:00:00Z",
    direction: "Inbound",
    primaryUser: rep.id,
    parties: [{ emailAddress: rep.emailAddress }, { emailAddress: "buyer@acme.com" }],
  });
  fail(409, "add call twice", "POST", "/v2/calls", "/v2/calls", {
    clientUniqueId: "walk-1",
    actualStart: "2026-10-02T09:00:00Z",
    direction: "Inbound",
    primaryUser: rep.id,
    parties: [{ emailAddress: rep.emailAddress }],
  });
  fail(400, "add call as a list", "POST", "/v2/calls", "/v2/calls", { filter: {} });
  const created = await api.post("/v2/calls", {
    clientUniqueId: "walk-2",
    actualStart: "2026-10-03T09:00:00Z",
    direction: "Outbound",
    primaryUser: rep.id,
    parties: [{ emailAddress: rep.emailAddress }],
  });
  const multipart = { "content-type": "multipart/form-data; boundary=b" };
  const file =
    '--b\r\nContent-Disposition: form-data; name="mediaFile"; filename="a.mp3"\r\n\r\nID3\r\n--b--\r\n';
  const mediaPath = `/v2/calls/${created.json.callId}/media`;
  cases.push({
    name: "add media",
    method: "PUT",
    template: "/v2/calls/{id}/media",
    path: mediaPath,
    body: file,
    status: 201,
    headers: multipart,
  });
  cases.push({
    name: "add media to a generated call",
    method: "PUT",
    template: "/v2/calls/{id}/media",
    path: `/v2/calls/${callId}/media`,
    body: file,
    status: 400,
    headers: multipart,
  });
  ok("add access", "PUT", "/v2/calls/users-access", "/v2/calls/users-access", access);
  fail(400, "add access unknown call", "PUT", "/v2/calls/users-access", "/v2/calls/users-access", {
    callAccessList: [{ callId: "1", userIds: [rep.id] }],
  });
  ok("remove access", "DELETE", "/v2/calls/users-access", "/v2/calls/users-access", access);
  fail(400, "remove access empty", "DELETE", "/v2/calls/users-access", "/v2/calls/users-access", {
    callAccessList: [],
  });
  ok("update task", "PATCH", "/v2/tasks/{taskId}", `/v2/tasks/${taskId}`, {
    userId: rep.id,
    status: "DONE",
    priority: "High",
  });
  fail(404, "update unknown task", "PATCH", "/v2/tasks/{taskId}", "/v2/tasks/123", {
    userId: rep.id,
    status: "DONE",
  });
  ok("add meeting", "POST", "/v2/meetings", "/v2/meetings", meeting);
  fail(400, "add meeting reversed", "POST", "/v2/meetings", "/v2/meetings", {
    ...meeting,
    endTime: "2026-11-20T14:00:00Z",
  });
  ok("update meeting", "PUT", "/v2/meetings/{meetingId}", `/v2/meetings/${meetingId}`, {
    ...meeting,
    title: "Moved",
  });
  fail(404, "update unknown meeting", "PUT", "/v2/meetings/{meetingId}", "/v2/meetings/1", meeting);
  ok("delete meeting", "DELETE", "/v2/meetings/{meetingId}", `/v2/meetings/${meetingId}`, {
    organizerEmail: rep.emailAddress,
  });
  fail(404, "delete meeting twice", "DELETE", "/v2/meetings/{meetingId}", `/v2/meetings/${meetingId}`, {
    organizerEmail: rep.emailAddress,
  });
  ok("register crm", "PUT", "/v2/crm/integrations", "/v2/crm/integrations", {
    ownerEmail: rep.emailAddress,
    name: "Second CRM",
  });
  fail(409, "register crm twice", "PUT", "/v2/crm/integrations", "/v2/crm/integrations", {
    ownerEmail: rep.emailAddress,
    name: "Second CRM",
  });
  fail(
    400,
    "delete unknown crm",
    "DELETE",
    "/v2/crm/integrations",
    "/v2/crm/integrations?integrationId=5&clientRequestId=r1",
  );
  ok("digital interaction", "POST", "/v2/digital-interaction", "/v2/digital-interaction", {
    eventId: "evt-1",
    timestamp: "2026-11-10T10:00:00Z",
    eventType: "PAGE_VIEW",
    content: { contentTitle: "Pricing page" },
  });
  fail(400, "digital interaction no content", "POST", "/v2/digital-interaction", "/v2/digital-interaction", {
    eventId: "evt-2",
    timestamp: "2026-11-10T10:00:00Z",
    eventType: "PAGE_VIEW",
  });
  ok("custom action", "PUT", "/v2/customer-engagement/action", "/v2/customer-engagement/action", {
    reportingSystem: "Website",
    eventTimestamp: "2026-11-10T10:00:00Z",
    eventId: "a-1",
  });
  fail(
    409,
    "custom action twice",
    "PUT",
    "/v2/customer-engagement/action",
    "/v2/customer-engagement/action",
    { reportingSystem: "Website", eventTimestamp: "2026-11-10T10:00:00Z", eventId: "a-1" },
  );
  for (const kind of ["shared", "viewed"]) {
    const path = `/v2/customer-engagement/content/${kind}`;
    ok(`content ${kind}`, "PUT", path, path, event);
    fail(400, `content ${kind} incomplete`, "PUT", path, path, { reportingSystem: "Website" });
  }

  // Administrative writes.
  const flowId = flows[0].id;
  const otherContact = (
    await api.post("/v2/calls/extensive", {
      filter: { fromDateTime: "2026-09-01T00:00:00Z" },
      contentSelector: { context: "Extended", exposedFields: { parties: true } },
    })
  ).json.calls
    .flatMap((c: any) => c.parties ?? [])
    .filter((p: any) => p.affiliation === "External")
    .map((p: any) => p.context[0].objects[0].objectId);
  const assign = {
    crmProspectsIds: [otherContact[0], "003NOTACONTACTAAA"],
    flowId,
    flowInstanceOwnerEmail: rep.emailAddress,
  };
  ok("assign", "POST", "/v2/flows/prospects/assign", "/v2/flows/prospects/assign", assign);
  fail(404, "assign unknown flow", "POST", "/v2/flows/prospects/assign", "/v2/flows/prospects/assign", {
    ...assign,
    flowId: "1",
  });
  ok(
    "assign override",
    "POST",
    "/v2/flows/prospects/assign/cool-off-override",
    "/v2/flows/prospects/assign/cool-off-override",
    assign,
  );
  fail(
    400,
    "assign override no owner",
    "POST",
    "/v2/flows/prospects/assign/cool-off-override",
    "/v2/flows/prospects/assign/cool-off-override",
    { ...assign, flowInstanceOwnerEmail: "x@y.z" },
  );
  ok(
    "unassign by crm id",
    "POST",
    "/v2/flows/prospects/unassign-flows-by-crm-id",
    "/v2/flows/prospects/unassign-flows-by-crm-id",
    { crmProspectId: otherContact[0] },
  );
  fail(
    400,
    "unassign by crm id missing",
    "POST",
    "/v2/flows/prospects/unassign-flows-by-crm-id",
    "/v2/flows/prospects/unassign-flows-by-crm-id",
    {},
  );
  ok(
    "unassign by instance",
    "POST",
    "/v2/flows/prospects/unassign-flows-by-instance-id",
    "/v2/flows/prospects/unassign-flows-by-instance-id",
    { flowInstanceIds: ["1"] },
  );
  fail(
    400,
    "unassign by instance empty",
    "POST",
    "/v2/flows/prospects/unassign-flows-by-instance-id",
    "/v2/flows/prospects/unassign-flows-by-instance-id",
    { flowInstanceIds: [] },
  );
  const bulk = {
    flowId,
    flowInstanceOwnerEmail: rep.emailAddress,
    prospects: [{ firstName: "Ada", lastName: "Lovelace", email: "ada@acme.com", companyName: "Acme Corp" }],
  };
  fail(
    202,
    "bulk assign",
    "POST",
    "/v2/flows/prospects/bulk-assignments",
    "/v2/flows/prospects/bulk-assignments",
    bulk,
  );
  fail(
    400,
    "bulk assign empty",
    "POST",
    "/v2/flows/prospects/bulk-assignments",
    "/v2/flows/prospects/bulk-assignments",
    { ...bulk, prospects: [] },
  );
  const profile = {
    name: "Sales Engineers",
    description: "Demos and technical calls",
    callsAccess: { permissionLevel: "all" },
    scoreCalls: true,
  };
  ok("create profile", "POST", "/v2/permission-profile", `/v2/permission-profile?workspaceId=${ws}`, profile);
  fail(
    422,
    "create profile twice",
    "POST",
    "/v2/permission-profile",
    `/v2/permission-profile?workspaceId=${ws}`,
    profile,
  );
  ok(
    "update profile",
    "PUT",
    "/v2/permission-profile",
    `/v2/permission-profile?profileId=${profiles[2].id}`,
    { ...profile, name: "Sales Rep (edited)" },
  );
  fail(
    404,
    "update unknown profile",
    "PUT",
    "/v2/permission-profile",
    "/v2/permission-profile?profileId=1",
    profile,
  );
  const schemaPath = `/v2/crm/entity-schema?integrationId=${integrationId}&objectType=ACCOUNT`;
  cases.push({
    name: "upload schema",
    method: "POST",
    template: "/v2/crm/entity-schema",
    path: schemaPath,
    body: [{ uniqueName: "Tier", label: "Tier", type: "PICKLIST", orderedValueList: ["Gold", "Silver"] }],
    status: 201,
  });
  fail(400, "upload schema bad type", "POST", "/v2/crm/entity-schema", schemaPath, [
    { uniqueName: "Tier", label: "Tier", type: "COLOR" },
  ]);
  const dataFile =
    '--b\r\nContent-Disposition: form-data; name="dataFile"; filename="accounts.jsonl"\r\n\r\n{"Id":"1"}\r\n{"Id":"2"}\r\n--b--\r\n';
  const uploadPath = `/v2/crm/entities?integrationId=${integrationId}&objectType=ACCOUNT&clientRequestId=upload-1`;
  cases.push({
    name: "upload objects",
    method: "POST",
    template: "/v2/crm/entities",
    path: uploadPath,
    body: dataFile,
    status: 201,
    headers: multipart,
  });
  cases.push({
    name: "upload objects twice",
    method: "POST",
    template: "/v2/crm/entities",
    path: uploadPath,
    body: dataFile,
    status: 409,
    headers: multipart,
  });
  ok(
    "erase email",
    "POST",
    "/v2/data-privacy/erase-data-for-email-address",
    "/v2/data-privacy/erase-data-for-email-address?emailAddress=someone%40acme.com",
  );
  fail(
    400,
    "erase email bad",
    "POST",
    "/v2/data-privacy/erase-data-for-email-address",
    "/v2/data-privacy/erase-data-for-email-address?emailAddress=nope",
  );
  ok(
    "erase phone",
    "POST",
    "/v2/data-privacy/erase-data-for-phone-number",
    "/v2/data-privacy/erase-data-for-phone-number?phoneNumber=%2B1%20212%20555%200100",
  );
  fail(
    400,
    "erase phone missing",
    "POST",
    "/v2/data-privacy/erase-data-for-phone-number",
    "/v2/data-privacy/erase-data-for-phone-number",
  );
  ok("integration settings", "POST", "/v2/integration-settings", "/v2/integration-settings", {
    integrationTypeSettings: [{ integrationType: "DIALER", allowedOrigin: "https://dialer.example.com" }],
  });
  fail(400, "integration settings bad", "POST", "/v2/integration-settings", "/v2/integration-settings", {
    integrationTypeSettings: [{ integrationType: "FAX", allowedOrigin: "x" }],
  });

  // Gong answers this asynchronous deletion with 201.
  fail(
    201,
    "delete crm",
    "DELETE",
    "/v2/crm/integrations",
    `/v2/crm/integrations?integrationId=${integrationId}&clientRequestId=r2`,
  );

  // Every operation also refuses a request without credentials.
  const seen = new Set<string>();
  for (const c of [...cases]) {
    const key = `${c.method} ${c.template}`;
    if (c.status >= 300 || seen.has(key)) continue;
    seen.add(key);
    cases.push({ ...c, name: `${c.name} without credentials`, status: 401, anonymous: true });
  }
  for (const c of cases) {
    const result = c.anonymous
      ? await call(sandbox.url, c.method, c.path, {
          body: c.body,
          ...(c.headers ? { headers: c.headers } : {}),
        })
      : await api.request(c.method, c.path, c.body, c.headers);
    answers.push({ c, result });
  }
}, 120_000);
afterAll(() => sandbox.close());

describe("every served operation against Gong's OpenAPI document", () => {
  it("answers each case with the expected status and a body valid for the spec", () => {
    const failures: string[] = [];
    for (const { c, result } of answers) {
      if (result.status !== c.status) {
        failures.push(`${c.name}: expected ${c.status}, got ${result.status} ${result.text.slice(0, 300)}`);
        continue;
      }
      const errors = validateResponse(c.template, c.method, result.status, result.json);
      if (errors.length > 0) failures.push(`${c.name}: ${errors.slice(0, 5).join("; ")}`);
      // DELETE /v2/meetings/{meetingId} is documented to answer the organizer only.
      const bare = c.method === "DELETE" && c.template === "/v2/meetings/{meetingId}" && c.status === 200;
      if (bare) expect(result.json.requestId).toBeUndefined();
      else expect(result.json.requestId).toMatch(/^[a-z0-9]{19}$/);
    }
    expect(failures).toEqual([]);
  });

  it("covers every served operation with a success and an error", async () => {
    const served: string[] = (await api.get("/")).json.operations;
    for (const op of served) {
      const [method, template] = op.split(" ");
      const mine = answers.filter(({ c }) => c.method === method && c.template === template);
      expect(
        mine.some(({ c }) => c.status < 300),
        `${op} success`,
      ).toBe(true);
      expect(
        mine.some(({ c }) => c.status >= 400),
        `${op} error`,
      ).toBe(true);
    }
  });

  it("serves every GET and every read-only POST of the spec", async () => {
    const served = new Set<string>((await api.get("/")).json.operations);
    const reads = specOperations().filter(
      (o) => o.method === "GET" || (o.method === "POST" && READ_ONLY_POSTS.has(o.path)),
    );
    expect(reads.length).toBeGreaterThanOrEqual(40);
    expect(reads.map((o) => `${o.method} ${o.path}`).filter((o) => !served.has(o))).toEqual([]);
    // Everything served exists in the spec.
    for (const op of served) {
      const [method, template] = op.split(" ");
      expect(spec.paths[template!]?.[method!.toLowerCase()], op).toBeDefined();
    }
  });

  it("has a validator that refuses unknown properties and wrong types", () => {
    expect(
      validateResponse("/v2/workspaces", "GET", 200, {
        requestId: "x",
        workspaces: [{ id: "1", name: "a" }],
      }),
    ).toEqual([]);
    expect(
      validateResponse("/v2/workspaces", "GET", 200, { requestId: "x", workspaces: [{ id: "1", nme: "a" }] }),
    ).not.toEqual([]);
    expect(
      validateResponse("/v2/calls/{id}", "GET", 200, { requestId: "x", call: { duration: "60" } }),
    ).not.toEqual([]);
    expect(
      validateResponse("/v2/calls/{id}", "GET", 200, { requestId: "x", call: { started: "yesterday" } }),
    ).not.toEqual([]);
    expect(validateResponse("/v2/users", "GET", 401, { requestId: "x", errors: "no" })).not.toEqual([]);
  });

  it("writes int64 ids beyond 2^53 as exact JSON numbers", async () => {
    const text = (await api.get("/v2/settings/scorecards")).text;
    const ids = [...text.matchAll(/"(?:scorecardId|questionId)":(\d+)/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      // JSON.parse would round it: the digits on the wire are the exact value.
      expect(String(BigInt(id))).toBe(id);
    }
    const answered = (await api.post("/v2/stats/activity/scorecards", { filter: { scorecardIds: [ids[0]] } }))
      .text;
    expect(answered).toContain(`"scorecardId":${ids[0]}`);
  });

  it("serves every operation of the spec", async () => {
    const served = new Set<string>((await api.get("/")).json.operations);
    expect(
      specOperations()
        .map((o) => `${o.method} ${o.path}`)
        .filter((o) => !served.has(o)),
    ).toEqual([]);
    expect(served.size).toBe(specOperations().length);
  });
});
