export type {
  CreateHostedConnectorInput,
  HostedConnector,
  HostedConnectorSettings,
  HostedExecuteInput,
  HostedExecuteResult,
  HostedOrganization,
  HostedWorkspace,
  InitiateOAuthInput,
  RequestOptions as HostedRequestOptions,
} from "./api-client.js";
export { HostedApiClient } from "./api-client.js";
export type { ConnectOptions, HostedApiClientLike, HostedClientSettings, HostedConfig } from "./config.js";
export { DEFAULT_HOSTED_API_URL, DEFAULT_WORKSPACE_NAME, HOSTED_ENV, resolveHostedConfig } from "./config.js";
export type { ConnectorSlug } from "./connect.js";
export { connect } from "./connect.js";
export { HostedConnectorAmbiguousError, HostedConnectorNotFoundError } from "./errors.js";
export type { HostedEnvelope, HostedExecuteOptions } from "./executor.js";
export { HostedExecutor } from "./executor.js";
export type {
  HostedErrorSource,
  HostedErrorType,
  WireConnector,
  WireErrorBody,
  WireExecuteRequest,
  WireExecuteResponse,
  WireTokenResponse,
} from "./wire.js";
export { GONG_DEFINITION_ID, hostedErrorFromResponse, hostedErrorResponse } from "./wire.js";
