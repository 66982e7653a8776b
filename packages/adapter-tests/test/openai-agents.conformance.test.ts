import { runConformanceSuite } from "../src/index.js";
import { openaiAgentsDriver } from "./drivers/openai-agents.js";

runConformanceSuite(openaiAgentsDriver);
