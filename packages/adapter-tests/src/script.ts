/**
 * A scripted model's brain: a list of steps, one per model turn. Each step sees the tool results the
 * model received on that turn and decides the next action, so a step can use data the model was given
 * (a call id, `meta.cursor`) exactly as a real model would.
 */
import type { ModelAction, ModelTurnInput, ObservedToolResult } from "./driver.js";

export type ScriptStep = (turn: ModelTurnInput) => ModelAction;

export interface RecordingScript {
  /** Pass as `DriverScenario.respond`. */
  respond(turn: Omit<ModelTurnInput, "index">): ModelAction;
  /** Every turn the model took, in order, as the driver reported it. */
  readonly turns: ModelTurnInput[];
}

/** Steps run in order; a turn past the last step ends the conversation with a marker answer a check will catch. */
export function recordingScript(steps: ScriptStep[]): RecordingScript {
  const turns: ModelTurnInput[] = [];
  return {
    turns,
    respond(turn) {
      const recorded: ModelTurnInput = { ...turn, index: turns.length };
      turns.push(recorded);
      const step = steps[recorded.index];
      if (!step) return { finalText: `unexpected model turn ${recorded.index}` };
      return step(recorded);
    },
  };
}

/** The single tool result of a turn; fails loudly when the turn did not receive exactly one. */
export function onlyResult(turn: ModelTurnInput): ObservedToolResult {
  if (turn.toolResults.length !== 1) {
    throw new Error(
      `expected the model to receive exactly one tool result on turn ${turn.index}, got ${turn.toolResults.length}`,
    );
  }
  return turn.toolResults[0]!;
}

/** The JSON a successful tool result carries. */
export function parseResult(result: ObservedToolResult): { data: unknown; meta?: Record<string, unknown> } {
  try {
    return JSON.parse(result.content) as { data: unknown; meta?: Record<string, unknown> };
  } catch {
    throw new Error(`the model received a tool result that is not JSON: ${result.content.slice(0, 300)}`);
  }
}
