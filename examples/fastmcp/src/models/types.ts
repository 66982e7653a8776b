/** The part of a model an MCP host needs: given the conversation and the tools, call tools or answer. */
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export type Message =
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; toolCalls: ToolCall[] }
  | { role: "tool"; toolCallId: string; content: string; isError: boolean };

export type ModelTurn = { toolCalls: ToolCall[] } | { answer: string };

export interface Model {
  readonly label: string;
  next(messages: Message[], tools: ToolSpec[]): Promise<ModelTurn>;
}
