/**
 * Application clients and their bearer tokens. A client secret is shown once, when created, and stored
 * only as an scrypt hash; a bearer token is stored only as its SHA-256 and expires after `tokenTtlSeconds`.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { DUMMY_SECRET_HASH, hashSecret, hashToken, randomSecret, verifySecret } from "../crypto/hashing.js";
import { notFound, unauthorized } from "../http/errors.js";
import type { Storage } from "../storage/types.js";

export interface NewApplication {
  organizationId: string;
  clientId: string;
  /** Shown once; only its hash is kept. */
  clientSecret: string;
}

export interface NewOrganization extends NewApplication {
  name: string;
}

export async function createApplication(
  storage: Storage,
  organizationId: string,
  name = "default",
): Promise<NewApplication> {
  if (!(await storage.getOrganization(organizationId))) {
    throw new Error(`Organization ${organizationId} does not exist.`);
  }
  const clientId = randomUUID();
  const clientSecret = randomSecret("gas");
  await storage.createApplication({
    id: randomUUID(),
    organizationId,
    clientId,
    secretHash: await hashSecret(clientSecret),
    name,
    createdAt: new Date().toISOString(),
  });
  return { organizationId, clientId, clientSecret };
}

/** Creates an organization with one application client; the bootstrap step of a new server. */
export async function createOrganizationRecord(
  storage: Storage,
  name: string,
  applicationName = "default",
): Promise<NewOrganization> {
  const trimmed = name.trim();
  if (trimmed === "") throw new Error("An organization needs a name.");
  const organizationId = randomUUID();
  await storage.createOrganization({
    id: organizationId,
    name: trimmed,
    createdAt: new Date().toISOString(),
  });
  return { name: trimmed, ...(await createApplication(storage, organizationId, applicationName)) };
}

export interface Caller {
  organizationId: string;
  applicationId: string;
}

export class ApplicationAuth {
  constructor(
    private readonly storage: Storage,
    private readonly tokenTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Exchanges client credentials for a bearer token; undefined when they are wrong. */
  async issueToken(
    clientId: string,
    clientSecret: string,
  ): Promise<{ access_token: string; token_type: "Bearer"; expires_in: number } | undefined> {
    const application = await this.storage.findApplicationByClientId(clientId);
    // Verify against a dummy hash for unknown ids too, so the answer time does not tell which ids exist.
    const valid = await verifySecret(clientSecret, application?.secretHash ?? DUMMY_SECRET_HASH);
    if (!application || !valid) return undefined;
    const token = randomSecret("gat");
    await this.storage.deleteExpiredAccessTokens(this.now());
    await this.storage.saveAccessToken({
      tokenHash: hashToken(token),
      applicationId: application.id,
      organizationId: application.organizationId,
      expiresAt: this.now() + this.tokenTtlSeconds * 1000,
    });
    return { access_token: token, token_type: "Bearer", expires_in: this.tokenTtlSeconds };
  }

  /**
   * The caller behind `Authorization: Bearer …`. A missing, unknown or expired token is 401; an
   * `X-Organization-Id` naming an organization other than the token's is 404, like any foreign resource.
   */
  async authenticate(req: IncomingMessage): Promise<Caller> {
    const header = req.headers.authorization;
    const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      throw unauthorized(
        "Missing bearer token: send Authorization: Bearer <token> from POST /api/v1/account/applications/token.",
      );
    }
    const record = await this.storage.findAccessToken(hashToken(match[1]!));
    if (!record) throw unauthorized("The bearer token is not valid; request a new one.");
    if (record.expiresAt <= this.now())
      throw unauthorized("The bearer token has expired; request a new one.");
    const requested = req.headers["x-organization-id"];
    if (
      typeof requested === "string" &&
      requested.trim() !== "" &&
      requested.trim() !== record.organizationId
    ) {
      throw notFound(`Organization ${requested.trim()} was not found.`);
    }
    return { organizationId: record.organizationId, applicationId: record.applicationId };
  }
}
