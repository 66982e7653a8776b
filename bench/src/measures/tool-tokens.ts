import { GongConnector } from "@gong-agent/core";
import { countToolTokens } from "../util/tokens.js";
import { adapterToolDefinitions, type ToolDefinition } from "./tool-definitions.js";
import { oneToolPerOperation } from "./tool-per-operation.js";
import type { Measure } from "./types.js";

/**
 * toolTokens: o200k_base tokens of what each adapter hands its framework (the tool's description
 * plus its parameters' JSON schema, as the framework itself would send it to a model); the figure
 * is the maximum over adapters. For context it prints core's own tool and the alternative design
 * of one tool per read operation, each with its own schema.
 */
export const toolTokens: Measure = {
  name: "tokens",
  keys: ["toolTokens"],
  async run() {
    // No request is made: building the tools only reads the catalog.
    const connector = new GongConnector({
      auth: { accessKey: "bench-key", accessKeySecret: "bench-secret" },
      baseUrl: "http://127.0.0.1:9",
    });
    const definitions = await adapterToolDefinitions(connector);
    const counted = definitions.map((definition) => ({ ...definition, tokens: countToolTokens(definition) }));
    const worst = Math.max(...counted.map((definition) => definition.tokens));

    const core = GongConnector.toolUtils(connector);
    const coreTokens = countToolTokens({ description: core.description, schema: core.jsonSchema });
    const perOperation = oneToolPerOperation(connector.describe());
    const perOperationTokens = perOperation.reduce((sum, tool) => sum + countToolTokens(tool), 0);

    return {
      values: { toolTokens: worst },
      notes: [
        ...counted.map(
          (definition: ToolDefinition & { tokens: number }) =>
            `${definition.adapter}: ${definition.tokens} tokens`,
        ),
        `core toolUtils (description + jsonSchema): ${coreTokens} tokens`,
        `one tool per read operation instead: ${perOperation.length} tools, ${perOperationTokens} tokens (${(perOperationTokens / worst).toFixed(1)}× the single tool)`,
      ],
    };
  },
};
