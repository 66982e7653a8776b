export type {
  ConformanceDriver,
  ConformanceToolOptions,
  DriverRun,
  DriverScenario,
  ExecuteFunction,
  ExecuteSource,
  ModelAction,
  ModelTurnInput,
  ObservedToolResult,
  SandboxConnection,
  ScriptedToolCall,
  ToolSource,
} from "./driver.js";
export { onlyResult, parseResult, type RecordingScript, recordingScript, type ScriptStep } from "./script.js";
export { type SecretLeak, SecretScanner, secretForms } from "./secrets.js";
export { type ConformanceSuiteOptions, runConformanceSuite } from "./suite.js";
