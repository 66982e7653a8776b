import type {
  ConformanceToolOptions,
  DriverRun,
  ModelTurnInput,
  SandboxConnection,
  ToolSource,
} from "../driver.js";
import type { ConformanceEnvironment } from "../environment.js";
import type { ScriptStep } from "../script.js";

/** One conversation of the suite, ready to hand to a driver. */
export interface PreparedScenario {
  source: ToolSource;
  connection: SandboxConnection;
  toolOptions: ConformanceToolOptions;
  prompt: string;
  /** The scripted model's turns, in order. */
  steps: ScriptStep[];
  /** Checks what the model received (and what the sandbox saw) after the loop ended. */
  verify(outcome: { turns: ModelTurnInput[]; run: DriverRun }): void | Promise<void>;
  /** Secrets in play besides the sandbox's own (e.g. a wrong secret the scenario uses). */
  extraSecrets?: Array<{ accessKey: string; accessKeySecret: string }>;
}

export interface Scenario {
  title: string;
  prepare(
    env: ConformanceEnvironment,
    ctx: { flagsErrors: boolean },
  ): PreparedScenario | Promise<PreparedScenario>;
}
