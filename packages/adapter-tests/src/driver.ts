/**
 * The contract between the shared conformance suite and one framework adapter.
 *
 * The suite owns everything that must be the same for every adapter: the sandbox, the connector,
 * the scenarios, the fault injection and the secret scan. A driver only knows how to run one
 * conversation in its framework's real agent loop with its framework's scripted model, and how to
 * read back what that model received.
 */
import type { ExecuteFn, GongExecutor } from "@gong-agent/core";

/** Anything that executes an operation, as `gongTool(source)` accepts it: a connector or a plain function. */
export type ExecuteFunction = ExecuteFn;

/** An object with the connector's `execute` method. */
export type ExecuteSource = GongExecutor;

/** What `gongTool(source, options)` is called with in a scenario. */
export type ToolSource = ExecuteSource | ExecuteFunction;

/** The adapter options every adapter supports; the suite only uses these. */
export interface ConformanceToolOptions {
  name?: string;
  descriptionPrefix?: string;
  maxOutputChars?: number;
  internalRetries?: number;
}

/** Where the sandbox listens and how to reach it, for drivers that run the tool in another process. */
export interface SandboxConnection {
  /** Base URL of the sandbox's Gong API (e.g. `http://127.0.0.1:4321`). */
  baseUrl: string;
  accessKey: string;
  accessKeySecret: string;
}

/** One tool call the scripted model makes: the tool's input, flat. */
export interface ScriptedToolCall {
  entity: string;
  action: string;
  params?: Record<string, unknown>;
}

/** What the scripted model does on one turn: call tools, or answer and end the loop. */
export type ModelAction = { toolCalls: ScriptedToolCall[] } | { finalText: string };

/** One tool result as the model received it in its input, read back by the driver from the framework's messages. */
export interface ObservedToolResult {
  /** The id the framework gave the tool call. */
  toolCallId: string;
  /** The tool's name as the framework reported it (when the framework's message carries it). */
  toolName?: string | undefined;
  /** The text content the model got for this call, exactly as sent to the model. */
  content: string;
  /**
   * Whether the framework flagged the result as an error (LangChain `status: "error"`, AI SDK
   * `error-text`, MCP `isError`). `undefined` when the framework has no such flag (OpenAI Agents).
   */
  isError: boolean | undefined;
}

/** Everything the scripted model received on one turn. */
export interface ModelTurnInput {
  /** Zero-based turn number. */
  index: number;
  /** Tool results that arrived since the model's previous turn, in call order. */
  toolResults: ObservedToolResult[];
  /**
   * The whole input of this turn serialized (messages, tool definitions, settings): the secret scan
   * reads it. `JSON.stringify` of the framework's request object is right.
   */
  raw: string;
}

/** One conversation for the driver to run. */
export interface DriverScenario {
  /** Test name, for messages. */
  title: string;
  /** Pass to the adapter's `gongTool(source, toolOptions)`. */
  source: ToolSource;
  toolOptions: ConformanceToolOptions;
  /** Out-of-process drivers (an MCP server) build their connector from this instead of `source`. */
  connection: SandboxConnection;
  /** The user message that starts the conversation. */
  prompt: string;
  /**
   * The scripted model's brain. The driver's scripted model must call it once per model turn with
   * what that turn received, then emit the returned tool calls (or final text) in its framework's form.
   */
  respond(turn: Omit<ModelTurnInput, "index">): ModelAction;
  /** Aborts a run the suite gave up on. */
  signal: AbortSignal;
}

/** What the driver reports after the agent loop finished. */
export interface DriverRun {
  /** The agent's final answer as the framework returned it. */
  finalText: string;
  /**
   * Anything else the framework produced that a user or a log could see (messages, steps, tool
   * outputs, error texts), serialized: the secret scan reads it.
   */
  transcript: string;
}

export interface ConformanceDriver {
  /** The adapter's name in test titles, e.g. `"langchain"`. */
  name: string;
  /** Run one conversation in the framework's real agent loop, driven by the framework's scripted model. */
  runScenario(scenario: DriverScenario): Promise<DriverRun>;
  /**
   * Whether the framework marks failed tool results (see `ObservedToolResult.isError`). When true,
   * error scenarios require `isError === true`; when false they require the content to carry the error.
   */
  flagsErrors: boolean;
  /** Optional clean-up after all scenarios (close servers, child processes). */
  close?(): Promise<void>;
}
