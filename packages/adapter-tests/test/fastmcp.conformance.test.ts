import { runConformanceSuite } from "../src/index.js";
import { fastmcpDriver } from "./drivers/fastmcp.js";

runConformanceSuite(fastmcpDriver);
