/**
 * A Gong stand-in on 127.0.0.1 for the OAuth tests: the token endpoint of `FakeOAuth` plus `/v2/*` paths
 * that demand a valid, unexpired Bearer token.
 */
import { FakeOAuth, TOKEN_PATH } from "./fake-oauth.js";
import { json, startTestServer, type TestServer } from "./http-server.js";

export interface FakeGong {
  server: TestServer;
  oauth: FakeOAuth;
  url: string;
  tokenUrl: string;
  /** Authorization headers seen on `/v2/*`, in arrival order. */
  apiAuthorizations: string[];
  close(): Promise<void>;
}

export async function startFakeGong(oauth = new FakeOAuth()): Promise<FakeGong> {
  const apiAuthorizations: string[] = [];
  const server = await startTestServer(async (req, res) => {
    if (req.method === "POST" && req.url.pathname === TOKEN_PATH) return oauth.handleToken(req, res);
    if (req.url.pathname.startsWith("/v2/")) {
      const header = req.headers.authorization ?? "";
      apiAuthorizations.push(header);
      if (!oauth.isAuthorized(header)) {
        json(res, 401, { requestId: "r-401", errors: ["Access denied"] });
        return;
      }
      json(res, 200, { requestId: "r-ok", users: [{ id: "1" }] });
      return;
    }
    json(res, 404, { errors: ["unknown path"] });
  });
  return {
    server,
    oauth,
    url: server.url,
    tokenUrl: `${server.url}${TOKEN_PATH}`,
    apiAuthorizations,
    close: () => server.close(),
  };
}
