export type { Caller, NewApplication, NewOrganization } from "./auth/applications.js";
export type { BootstrapOptions } from "./bootstrap.js";
export { createOrganization } from "./bootstrap.js";
export type { ConnectorSecretConfig } from "./connectors/credentials.js";
export { KEY_ENV, KEY_FILE_ENV, MissingKeyError, PREVIOUS_KEYS_ENV } from "./crypto/keys.js";
export { DecryptionError, SecretBox } from "./crypto/secret-box.js";
export { SERVER_ENV, serverOptionsFromEnv } from "./env.js";
export type { GongSettings } from "./execution/connector-pool.js";
export { DatabaseTokenStore } from "./execution/database-token-store.js";
export type { LogLevel, ServerLogger } from "./logger.js";
export { createLogger, silentLogger } from "./logger.js";
export type { ResealReport } from "./rotate.js";
export { resealSecrets } from "./rotate.js";
export type { GongAgentServer, RunningServer, ServerOptions } from "./server.js";
export { createServer, GONG_AUTHORIZE_URL, GONG_TOKEN_URL, startServer } from "./server.js";
export { SqliteStorage } from "./storage/sqlite.js";
export type {
  AccessTokenRecord,
  ApplicationRecord,
  ConnectorAuthType,
  ConnectorRecord,
  OAuthStateRecord,
  OrganizationRecord,
  SealedTokens,
  Storage,
  WorkspaceRecord,
} from "./storage/types.js";
export { ConflictError } from "./storage/types.js";
