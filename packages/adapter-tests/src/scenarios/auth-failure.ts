/** Refused credentials: the model is told what is wrong and what to do, and never sees the secret. */
import { expect } from "vitest";
import { connectorFor } from "../environment.js";
import { onlyResult } from "../script.js";
import type { Scenario } from "./types.js";

export const authenticationFailure: Scenario = {
  title: "reports refused credentials as actionable text without the secret",
  prepare(env, { flagsErrors }) {
    const connection = {
      ...env.connection,
      accessKeySecret: `wrong-${env.connection.accessKeySecret}-secret`,
    };
    return {
      source: connectorFor(connection),
      connection,
      toolOptions: {},
      prompt: "List our users.",
      extraSecrets: [connection],
      steps: [
        () => ({ toolCalls: [{ entity: "users", action: "list" }] }),
        () => ({ finalText: "I could not reach Gong." }),
      ],
      verify({ turns, run }) {
        const result = onlyResult(turns[1]!);
        if (flagsErrors) expect(result.isError).toBe(true);
        expect(result.content).toMatch(/401|authenticat|credential|access key/i);
        expect(result.content).not.toContain(connection.accessKeySecret);
        expect(run.finalText).toBe("I could not reach Gong.");
      },
    };
  },
};
