/** Every command, in the order `gong-agent --help` lists them. */
import type { CommandSpec } from "../cli/command.js";
import { checkCommand } from "./check.js";
import { connectorsCommand } from "./connectors.js";
import { demoCommand } from "./demo.js";
import { describeCommand } from "./describe.js";
import { executeCommand } from "./execute.js";
import { exportCommand } from "./export.js";
import { loginCommand, logoutCommand } from "./login.js";
import { mcpCommand } from "./mcp.js";
import { organizationsCommand } from "./organizations.js";
import { sandboxCommand } from "./sandbox.js";
import { serverCommand } from "./server.js";

export const commands: CommandSpec[] = [
  executeCommand,
  describeCommand,
  checkCommand,
  exportCommand,
  mcpCommand,
  sandboxCommand,
  loginCommand,
  logoutCommand,
  demoCommand,
  connectorsCommand,
  organizationsCommand,
  serverCommand,
];
