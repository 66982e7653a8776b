/**
 * The Gong an example talks to: yours when GONG_* credentials are set, otherwise a local sandbox
 * with seeded data (no account needed).
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { FileTokenStore, GongConnector } from "@gong-agent/core";
import { startSandbox } from "@gong-agent/sandbox";

export interface OpenedGong {
  gong: GongConnector;
  /** Where the data comes from, for printing. */
  where: string;
  close(): Promise<void>;
}

export async function openGong(env = process.env): Promise<OpenedGong> {
  const baseUrl = env.GONG_BASE_URL || undefined;
  if (env.GONG_ACCESS_KEY && env.GONG_ACCESS_KEY_SECRET) {
    const auth = { accessKey: env.GONG_ACCESS_KEY, accessKeySecret: env.GONG_ACCESS_KEY_SECRET };
    return { gong: new GongConnector({ auth, baseUrl }), where: "your Gong account", close: async () => {} };
  }
  if (env.GONG_REFRESH_TOKEN) {
    const auth = {
      refreshToken: env.GONG_REFRESH_TOKEN,
      clientId: env.GONG_CLIENT_ID,
      clientSecret: env.GONG_CLIENT_SECRET,
    };
    // Gong refresh tokens are single-use: the rotated pair is saved here before it is used.
    const tokenStore = new FileTokenStore(
      env.GONG_TOKEN_FILE || join(homedir(), ".gong-agent", "example-tokens.json"),
    );
    return {
      gong: new GongConnector({ auth, baseUrl, tokenStore }),
      where: "your Gong account",
      close: async () => {},
    };
  }
  const sandbox = await startSandbox({ seed: 42, rateLimit: false });
  const auth = { accessKey: sandbox.accessKey, accessKeySecret: sandbox.accessKeySecret };
  return {
    gong: new GongConnector({ auth, baseUrl: sandbox.url }),
    where: `sandbox at ${sandbox.url}`,
    close: () => sandbox.close(),
  };
}
