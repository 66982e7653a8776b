/** Runs the example as a user would (`pnpm start`) and checks the steps it printed. */
import { fileURLToPath } from "node:url";
import { exampleRunTests } from "@gong-agent/example-kit/testing";

exampleRunTests({
  root: fileURLToPath(new URL("..", import.meta.url)),
  entry: "src/client.ts",
  header: ["tools/list: gong_execute (readOnly: true)", "model: scripted model (offline)"],
  loop: "MCP server over stdio, scripted model",
});
