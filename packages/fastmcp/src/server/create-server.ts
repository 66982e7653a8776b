/**
 * `createGongMcpServer`: a FastMCP server with the Gong tool on it, ready for
 * `start({ transportType: "stdio" })` or `start({ transportType: "httpStream", httpStream: { port } })`.
 */
import { FastMCP, type Logger } from "fastmcp";
import {
  addGongTool,
  type GongExecuteFunction,
  type GongMcpToolOptions,
  type GongToolSource,
} from "../tool/gong-tool.js";
import { PACKAGE_VERSION } from "../version.js";

export interface CreateGongMcpServerOptions extends Omit<GongMcpToolOptions, "name"> {
  /** The connector to serve (give this or `execute`). */
  connector?: Exclude<GongToolSource, GongExecuteFunction>;
  /** Your own `execute(entity, action, params)` function to serve instead of a connector. */
  execute?: GongExecuteFunction;
  /** Server name announced to clients; default "gong". */
  name?: string;
  /** The tool's name (the `name` option of `gongTool`); default "gong_execute". */
  toolName?: string;
  /** Server version announced to clients; default this package's version. */
  version?: `${number}.${number}.${number}`;
  /** Instructions MCP clients may show to the model. */
  instructions?: string;
  /** Where FastMCP's own messages go; default stderr (stdout carries the stdio protocol). */
  logger?: Logger;
}

/** FastMCP logs to `console` by default, whose `log`/`info`/`debug` write to stdout and would corrupt stdio. */
const stderrLogger: Logger = {
  debug: () => {},
  log: (...args) => console.error(...args),
  info: (...args) => console.error(...args),
  warn: (...args) => console.error(...args),
  error: (...args) => console.error(...args),
};

const DEFAULT_INSTRUCTIONS =
  "Gong revenue-intelligence data (calls, transcripts, users, stats, scorecards, library) through one tool. " +
  "Call it with { entity, action, params }; list results carry meta.cursor: pass it back as params.cursor for the next page.";

export function createGongMcpServer(options: CreateGongMcpServerOptions): FastMCP {
  const {
    connector,
    execute,
    name = "gong",
    version = PACKAGE_VERSION,
    instructions = DEFAULT_INSTRUCTIONS,
    logger = stderrLogger,
    toolName,
    ...toolOptions
  } = options;
  if ((connector === undefined) === (execute === undefined)) {
    throw new TypeError(
      "createGongMcpServer needs exactly one of `connector` (a GongConnector) or `execute` (your own function).",
    );
  }
  const server = new FastMCP({ name, version, instructions, logger });
  addGongTool(server, (connector ?? execute) as GongToolSource, {
    ...toolOptions,
    ...(toolName === undefined ? {} : { name: toolName }),
  });
  return server;
}
