export * from "./auth/index.js";
export type {
  ActionDoc,
  CatalogDescription,
  EntityDoc,
  ParamDoc,
} from "./catalog/describe.js";
export { describeCatalog } from "./catalog/describe.js";
export type {
  Access,
  ActionName,
  Aliased,
  Catalog,
  CatalogEntry,
  CursorLocation,
  EntityName,
  ExecuteResult,
  GetMeta,
  GetResult,
  ListActionName,
  ListMeta,
  ListResult,
  MediaDownload,
  MediaLink,
  OperationContext,
  OperationKind,
  OperationOf,
  OperationSpec,
  ParamsOf,
  RecordOf,
  ResultOf,
  SnakeCase,
} from "./catalog/index.js";
export { actionNames, catalog, entityNames, findOperation, listOperations } from "./catalog/index.js";
export * from "./catalog/records.js";
export { renderReference } from "./catalog/reference.js";
export type {
  CheckResult,
  EntityHelpers,
  GongClientSettings,
  GongConnectorConfig,
  PaginateOptions,
  TranscriptBatchOptions,
  TypedHelpers,
} from "./connector.js";
export { GongConnector } from "./connector.js";
export type {
  GongApiErrorOptions,
  GongErrorOptions,
  GongRateLimitErrorOptions,
  GongValidationErrorOptions,
} from "./errors.js";
export {
  GongAbortError,
  GongApiError,
  GongAuthenticationError,
  GongConnectionError,
  GongError,
  GongNotFoundError,
  GongPermissionError,
  GongRateLimitError,
  GongReauthRequiredError,
  GongServerError,
  GongTimeoutError,
  GongValidationError,
} from "./errors.js";
export type { ExecuteOptions, Executor } from "./executor.js";
export * from "./hosted/index.js";
export * from "./json/index.js";
export type { LocalExecutorOptions } from "./local-executor.js";
export { buildRequest, EMPTY_RESULT_NOTE, LocalExecutor } from "./local-executor.js";
export * from "./logging/index.js";
export type { DescriptionOptions } from "./tool/description.js";
export { generateDescription } from "./tool/description.js";
export { errorText } from "./tool/error-text.js";
export { DEFAULT_MAX_OUTPUT_CHARS, renderResult } from "./tool/output.js";
export type { PagesMeta } from "./tool/pages.js";
export { DEFAULT_MAX_PAGES, DEFAULT_MAX_PAGES_CEILING } from "./tool/pages.js";
export type { GongExecutor, GongSource } from "./tool/source.js";
export { executeFnOf, toGongTool } from "./tool/source.js";
export {
  DEFAULT_TOOL_NAME,
  entityDocText,
  toolUtils,
  toolUtils as createGongTool,
} from "./tool/tool-utils.js";
export type {
  ExecuteFn,
  GongTool,
  GongToolInput,
  GongToolOptions,
  ToolCallOptions,
  ToolResult,
} from "./tool/types.js";
export * from "./transport/index.js";
