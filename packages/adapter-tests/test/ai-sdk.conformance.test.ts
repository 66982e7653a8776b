import { runConformanceSuite } from "../src/index.js";
import { aiSdkDriver } from "./drivers/ai-sdk.js";

runConformanceSuite(aiSdkDriver);
