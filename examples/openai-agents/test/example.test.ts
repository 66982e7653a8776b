/** Runs the example as a user would (`pnpm start`) and checks the steps it printed. */
import { fileURLToPath } from "node:url";
import { exampleRunTests } from "@gong-agent/example-kit/testing";

exampleRunTests({
  root: fileURLToPath(new URL("..", import.meta.url)),
  entry: "src/main.ts",
  header: ["model: ScriptedModel (offline)"],
  loop: "the framework's agent loop with its scripted model",
});
