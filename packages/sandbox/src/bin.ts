#!/usr/bin/env node
import { parseArgs } from "node:util";
import type { SandboxOptions } from "./options.js";
import { startSandbox } from "./sandbox.js";

const usage = `gong-sandbox: a local Gong API v2 with seeded data

Usage: gong-sandbox [options]

  --port N            port of the default host (default 4010; 0 = any free port)
  --tenant-port N     port of the tenant host returned as api_base_url_for_customer (default 4011)
  --host H            interface to bind (default 127.0.0.1)
  --seed S            seed of the data and credentials (default 1)
  --now ISO           the moment the data is relative to (default: this hour)
  --size S            small | default | large, or a number of calls
  --no-rate-limit     turn off Gong's 3/s and 10,000/day limits
  --per-second N      requests per second allowed (default 3)
  --per-day N         requests per day allowed (default 10000)
  --token-ttl N       OAuth access token lifetime in seconds (default 3600)
  --json              print the connection details as JSON
  -h, --help          show this help
`;

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    process.stderr.write(`gong-sandbox: --${name} must be a number, got ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        "tenant-port": { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        now: { type: "string" },
        size: { type: "string" },
        "no-rate-limit": { type: "boolean" },
        "per-second": { type: "string" },
        "per-day": { type: "string" },
        "token-ttl": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`gong-sandbox: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const str = (k: string) => values[k] as string | undefined;
  const size = str("size");
  const seed = str("seed");
  const options: SandboxOptions = {
    port: number(str("port"), "port") ?? 4010,
    tenantPort: number(str("tenant-port"), "tenant-port") ?? 4011,
    host: str("host"),
    seed: seed === undefined ? undefined : /^\d+$/.test(seed) ? Number(seed) : seed,
    now: str("now"),
    dataSize:
      size === undefined
        ? undefined
        : /^\d+$/.test(size)
          ? Number(size)
          : (size as SandboxOptions["dataSize"]),
    rateLimit: values["no-rate-limit"]
      ? false
      : { perSecond: number(str("per-second"), "per-second"), perDay: number(str("per-day"), "per-day") },
    tokenTtlSeconds: number(str("token-ttl"), "token-ttl"),
  };
  const sandbox = await startSandbox(options);
  const details = {
    url: sandbox.url,
    accessKey: sandbox.accessKey,
    accessKeySecret: sandbox.accessKeySecret,
    oauth: sandbox.oauth,
    data: {
      users: sandbox.data.userCount,
      calls: sandbox.data.callCount,
      from: sandbox.data.callsFrom,
      to: sandbox.data.callsTo,
    },
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(details, null, 2)}\n`);
  } else {
    process.stdout.write(
      [
        "Gong sandbox running (Ctrl+C to stop)",
        `  API base URL       ${sandbox.url}`,
        `  access key         ${sandbox.accessKey}`,
        `  access key secret  ${sandbox.accessKeySecret}`,
        `  OAuth client id    ${sandbox.oauth.clientId}`,
        `  OAuth secret       ${sandbox.oauth.clientSecret}`,
        `  refresh token      ${sandbox.oauth.refreshToken}`,
        `  authorize URL      ${sandbox.oauth.authorizeUrl}`,
        `  token URL          ${sandbox.oauth.tokenUrl}`,
        `  tenant API host    ${sandbox.oauth.apiBaseUrl}`,
        `  data               ${sandbox.data.userCount} users, ${sandbox.data.callCount} calls from ${sandbox.data.callsFrom} to ${sandbox.data.callsTo}`,
        "",
      ].join("\n"),
    );
  }
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`gong-sandbox: ${(error as Error).message}\n`);
  process.exit(1);
});
