/**
 * What every scenario runs against: one sandbox over real HTTP, a connector on it, and the date
 * ranges the scenarios ask about, chosen from the sandbox's own data so they are never empty.
 */
import { GongConnector } from "@gong-agent/core";
import { startSandbox } from "@gong-agent/sandbox";
import type { SandboxConnection } from "./driver.js";
import { listCallsDirect } from "./gong-direct.js";

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface DateRange {
  fromDateTime: string;
  toDateTime: string;
}

export interface ConformanceEnvironment {
  sandbox: Sandbox;
  connection: SandboxConnection;
  connector: GongConnector;
  /** A few days: one page of calls, at least one of them public. */
  shortRange: DateRange;
  /** Enough days for more than two pages of calls. */
  longRange: DateRange;
  /** The public calls of each range, read without core. */
  expected: { shortRange: string[]; longRange: string[] };
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function rangeEndingDaysAgo(now: Date, daysAgo: number, days: number): DateRange {
  const end = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS,
  );
  return {
    fromDateTime: new Date(end.getTime() - days * DAY_MS).toISOString(),
    toDateTime: end.toISOString(),
  };
}

async function publicCallIds(connection: SandboxConnection, range: DateRange): Promise<string[]> {
  const calls = await listCallsDirect(connection, range);
  return calls.filter((call) => call.isPrivate !== true).map((call) => call.id);
}

export function connectorFor(connection: SandboxConnection): GongConnector {
  return new GongConnector({
    auth: { accessKey: connection.accessKey, accessKeySecret: connection.accessKeySecret },
    baseUrl: connection.baseUrl,
  });
}

export async function startEnvironment(): Promise<ConformanceEnvironment> {
  // Rate limits off: the 429 scenario injects its own, and parallel suites must not starve each other.
  const sandbox = await startSandbox({ seed: 20240601, rateLimit: false });
  try {
    const connection: SandboxConnection = {
      baseUrl: sandbox.url,
      accessKey: sandbox.accessKey,
      accessKeySecret: sandbox.accessKeySecret,
    };
    const now = new Date();
    const shortRange = rangeEndingDaysAgo(now, 3, 4);
    const longRange = rangeEndingDaysAgo(now, 3, 25);
    const expected = {
      shortRange: await publicCallIds(connection, shortRange),
      longRange: await publicCallIds(connection, longRange),
    };
    if (expected.shortRange.length === 0 || expected.shortRange.length >= 100) {
      throw new Error(
        `the short range should hold one page of calls; it holds ${expected.shortRange.length}`,
      );
    }
    if (expected.longRange.length <= 200) {
      throw new Error(
        `the long range should hold more than two pages of calls; it holds ${expected.longRange.length}`,
      );
    }
    return {
      sandbox,
      connection,
      connector: connectorFor(connection),
      shortRange,
      longRange,
      expected,
      close: () => sandbox.close(),
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
