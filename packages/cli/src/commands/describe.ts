/** `gong-agent describe [entity]`: the catalog of operations. */
import type { CommandSpec } from "../cli/command.js";
import { catalogOf } from "../describe/catalog.js";
import { renderEntity, renderOverview } from "../describe/render.js";

export const describeCommand: CommandSpec = {
  name: "describe",
  summary: "List entities, actions and parameters (human-readable, or --json).",
  args: "[entity]",
  positionals: { min: 0, max: 1 },
  description: "Shows the catalog of Gong operations. Needs no credentials.",
  options: { json: { type: "boolean", description: "Print the machine-readable catalog as JSON." } },
  examples: [
    "gong-agent describe",
    "gong-agent describe calls",
    "gong-agent describe call_transcripts --json",
  ],
  run: async (ctx, { values, positionals }) => {
    const catalog = catalogOf();
    const name = positionals[0];
    const description = name ? { entities: [catalog.entity(name)] } : catalog.description;
    if (values.json) ctx.json(description);
    else ctx.print(name ? renderEntity(description) : renderOverview(description));
  },
};
