import { runConformanceSuite } from "../src/index.js";
import { langchainDriver } from "./drivers/langchain.js";

runConformanceSuite(langchainDriver);
