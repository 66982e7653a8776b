/**
 * Every catalog operation against the sandbox over HTTP, with ids discovered from the sandbox itself.
 * The sandbox validates requests the way Gong's document says, so a 400 here means the catalog builds
 * a request Gong would refuse. "Not found" is accepted where the sandbox holds no such record.
 */
import { type Sandbox, startSandbox } from "@gong-agent/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations } from "../../src/catalog/index.js";
import { GongConnector } from "../../src/connector.js";
import { GongNotFoundError } from "../../src/errors.js";

let sandbox: Sandbox;
let gong: GongConnector;
const found: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, rateLimit: false, dataSize: "small" });
  gong = new GongConnector({
    auth: { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret },
    baseUrl: sandbox.url,
    rateLimit: false,
    allowCreditSpend: true,
  });
  const users = await gong.users.list();
  const manager =
    users.data.find((u) => users.data.some((other) => other.managerId === u.id)) ?? users.data[0]!;
  found["userId"] = manager.id;
  found["email"] = manager.emailAddress ?? "";
  found["workspaceId"] = (await gong.workspaces.list()).data[0]!.id;
  const calls = await gong.calls.list({
    fromDateTime: sandbox.data.callsFrom!,
    toDateTime: new Date(Date.parse(sandbox.data.callsTo!) + 1000).toISOString(),
  });
  found["callId"] = calls.data[0]!.id;
  found["videoCallId"] = (calls.data.find((call) => call.media === "Video") ?? calls.data[0]!).id;
  const folders = await gong.library_folders.list({ workspaceId: found["workspaceId"] });
  found["folderId"] = folders.data[0]?.id ?? "1";
  const profiles = await gong.permission_profiles.list({ workspaceId: found["workspaceId"] });
  found["profileId"] = profiles.data[0]?.id ?? "1";
  const integrations = await gong.crm_integrations.list();
  found["integrationId"] = String(integrations.data[0]?.integrationId ?? "1");
  const flows = await gong.flows.list({ flowOwnerEmail: found["email"] });
  found["flowId"] = flows.data[0]?.id ?? "1";
});

afterAll(async () => {
  await sandbox?.close();
});

/** Params for each operation, from what the sandbox holds. */
function paramsFor(entity: string, action: string): Record<string, unknown> {
  const f = found as Record<string, string>;
  const byName: Record<string, Record<string, unknown>> = {
    "users.get": { id: f["userId"] },
    "user_settings_history.list": { id: f["userId"] },
    "calls.get": { id: f["callId"] },
    "calls_extensive.list": {
      filter: { callIds: [f["callId"]] },
      contentSelector: { exposedFields: { media: true } },
    },
    "call_transcripts.list": { filter: { callIds: [f["callId"]] } },
    "call_audio.download": { callId: f["callId"], range: "bytes=0-15" },
    "call_audio.link": { callId: f["callId"] },
    "call_video.download": { callId: f["videoCallId"], range: "bytes=0-15" },
    "call_video.link": { callId: f["videoCallId"] },
    "call_user_access.list": { filter: { callIds: [f["callId"]] } },
    "stats_activity_aggregate_by_period.list": { aggregationPeriod: "WEEK" },
    "library_folder_content.list": { folderId: f["folderId"] },
    "library_folders.list": { workspaceId: f["workspaceId"] },
    "coaching.list": { workspaceId: f["workspaceId"], managerId: f["userId"] },
    "logs.list": { logType: "AccessLog" },
    "permission_profiles.list": { workspaceId: f["workspaceId"] },
    "permission_profiles.get": { profileId: f["profileId"] },
    "permission_profile_users.list": { profileId: f["profileId"] },
    "flows.list": { flowOwnerEmail: f["email"] },
    "flow_folders.list": { flowFolderOwnerEmail: f["email"] },
    "flow_steps.list": { flowIds: [f["flowId"]] },
    "flow_prospects.list": { crmProspectsIds: ["003000000000001"] },
    "flow_bulk_assignments.get": { id: "1" },
    "tasks.list": { filter: { userId: f["userId"] } },
    "crm_schema.get": { integrationId: f["integrationId"], objectType: "ACCOUNT" },
    "crm_objects.get": { integrationId: f["integrationId"], objectType: "ACCOUNT", objectsCrmIds: ["001"] },
    "crm_request_status.get": { integrationId: f["integrationId"], clientRequestId: "r-1" },
    "data_privacy_email.get": { emailAddress: f["email"] },
    "data_privacy_phone.get": { phoneNumber: "+14155550100" },
    "meeting_integration_status.list": { emails: [f["email"]] },
    "ask_entity.get": {
      workspaceId: f["workspaceId"],
      crmEntityType: "ACCOUNT",
      crmEntityId: "001",
      timePeriod: "LAST_30DAYS",
      question: "What are the open risks?",
    },
    "entity_brief.get": {
      workspaceId: f["workspaceId"],
      crmEntityType: "ACCOUNT",
      crmEntityId: "001",
      timePeriod: "LAST_30DAYS",
      briefName: "Account brief",
    },
  };
  return byName[`${entity}.${action}`] ?? {};
}

/** Operations whose records the sandbox cannot be asked for by a known id (nothing created them). */
const MAY_BE_MISSING = new Set([
  "flow_bulk_assignments.get",
  "crm_request_status.get",
  "ask_entity.get",
  "entity_brief.get",
]);

describe("every catalog operation against the sandbox", () => {
  for (const { entity, action, spec } of listOperations()) {
    it(`${entity} ${action}`, async () => {
      sandbox.requests.clear();
      let outcome: string;
      try {
        const result = await gong.executeFn(entity, action, paramsFor(entity, action));
        const data = (result as { data: unknown }).data;
        if (spec.kind === "list") expect(Array.isArray(data)).toBe(true);
        if (spec.kind === "download") {
          const stream = (data as { stream: ReadableStream }).stream;
          expect((await new Response(stream).arrayBuffer()).byteLength).toBeGreaterThan(0);
        }
        outcome = "ok";
      } catch (error) {
        // A record the sandbox does not hold is fine; anything else is a request Gong would refuse.
        if (!(error instanceof GongNotFoundError) || !MAY_BE_MISSING.has(`${entity}.${action}`)) throw error;
        outcome = "not found";
      }
      const sent = sandbox.requests.filter((r) => r.path.startsWith("/v2/"));
      expect(sent.length).toBeGreaterThan(0);
      for (const request of sent) expect(request.status, `${request.method} ${request.path}`).not.toBe(400);
      expect(["ok", "not found"]).toContain(outcome);
    });
  }
});
