/**
 * `runConformanceSuite(driver)`: registers the shared scenarios as vitest tests for one adapter.
 * Call it at the top level of a test file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConformanceDriver, DriverRun } from "./driver.js";
import { type ConformanceEnvironment, startEnvironment } from "./environment.js";
import { type Scenario, scenarios } from "./scenarios/index.js";
import { recordingScript } from "./script.js";
import { SecretScanner } from "./secrets.js";

export interface ConformanceSuiteOptions {
  /** Per-scenario timeout; a scenario waits out at least one Retry-After second. Default 60 s. */
  timeoutMs?: number;
  /** Run only these scenarios (by title); for debugging a driver. */
  only?: string[];
}

export function runConformanceSuite(driver: ConformanceDriver, options: ConformanceSuiteOptions = {}): void {
  const timeout = options.timeoutMs ?? 60_000;
  const selected = options.only ? scenarios.filter((s) => options.only!.includes(s.title)) : scenarios;

  describe(`conformance: ${driver.name}`, () => {
    let env: ConformanceEnvironment;
    const scanner = new SecretScanner();

    beforeAll(async () => {
      env = await startEnvironment();
      scanner.addCredentials(env.connection);
    });

    afterAll(async () => {
      await driver.close?.();
      await env?.close();
    });

    for (const scenario of selected) {
      it(scenario.title, () => runOne(driver, scenario, env, scanner), timeout);
    }

    it("never shows a secret to the model, the user or a log", () => {
      // Something was read: every scenario's turns and transcript.
      expect(scanner.size).toBeGreaterThanOrEqual(selected.length * 2);
      expect(scanner.characters).toBeGreaterThan(1_000);
      expect(scanner.leaks()).toEqual([]);
    });
  });
}

async function runOne(
  driver: ConformanceDriver,
  scenario: Scenario,
  env: ConformanceEnvironment,
  scanner: SecretScanner,
): Promise<void> {
  const prepared = await scenario.prepare(env, { flagsErrors: driver.flagsErrors });
  for (const credentials of prepared.extraSecrets ?? []) scanner.addCredentials(credentials);
  const script = recordingScript(prepared.steps);
  const abort = new AbortController();
  let run: DriverRun;
  try {
    run = await driver.runScenario({
      title: scenario.title,
      source: prepared.source,
      toolOptions: prepared.toolOptions,
      connection: prepared.connection,
      prompt: prepared.prompt,
      respond: script.respond,
      signal: abort.signal,
    });
  } finally {
    abort.abort();
    for (const turn of script.turns) scanner.collect(`turn ${turn.index} of "${scenario.title}"`, turn.raw);
  }
  scanner.collect(`transcript of "${scenario.title}"`, run.transcript);
  scanner.collect(`final answer of "${scenario.title}"`, run.finalText);
  // The driver must really show the model its input: an empty record would make every check vacuous.
  for (const turn of script.turns) expect(turn.raw.length).toBeGreaterThan(0);
  await prepared.verify({ turns: script.turns, run });
  expect(scanner.leaks()).toEqual([]);
}
