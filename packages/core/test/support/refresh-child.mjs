// One worker process of the cross-process rotation test: 10 concurrent calls through a client that shares
// a FileTokenStore with its siblings. Imports the built package. Prints one JSON summary line on stdout;
// log lines go to stderr for the parent's secret scan.
import { createGongClient, FileTokenStore } from "../../dist/index.js";

const config = JSON.parse(process.env.GONG_TEST_CHILD_CONFIG ?? "{}");
const client = createGongClient({
  auth: {
    refreshToken: config.refreshToken,
    accessToken: config.accessToken,
    expiresAt: config.expiresAt,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    tokenUrl: config.tokenUrl,
  },
  baseUrl: config.baseUrl,
  tokenStore: new FileTokenStore(config.storePath),
  rateLimit: false,
});

// Start together with the siblings, to make the race real.
const wait = config.startAt - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

const results = await Promise.allSettled(
  Array.from({ length: 10 }, () => client.request({ method: "GET", path: "/v2/users" })),
);
const failures = results
  .filter((r) => r.status === "rejected")
  .map((r) => `${r.reason?.name}: ${r.reason?.message}`);
process.stdout.write(`${JSON.stringify({ ok: results.length - failures.length, failures })}\n`);
