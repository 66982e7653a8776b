export type { Authorizer, AuthorizerOptions } from "./authorizer.js";
export { createAuthorizer } from "./authorizer.js";
export type {
  AccessKeyAuthConfig,
  AuthConfig,
  NormalizedAccessKeyAuth,
  NormalizedAuth,
  NormalizedOAuthAuth,
  OAuthAuthConfig,
  SnakeCaseAccessKeyAuthConfig,
  SnakeCaseOAuthAuthConfig,
} from "./config.js";
export { DEFAULT_TOKEN_URL, normalizeAuth } from "./config.js";
export type { FileTokenStoreOptions } from "./file-token-store.js";
export { FileTokenStore } from "./file-token-store.js";
export { GongTokenPersistenceError } from "./oauth-session.js";
export type { StoredTokenSet, TokenSet, TokenStore, TokenStoreSetResult } from "./token-store.js";
export { MemoryTokenStore } from "./token-store.js";
