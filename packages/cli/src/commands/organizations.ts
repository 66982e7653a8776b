/** `gong-agent organizations use <id>`: the organization hosted-API calls act in (X-Organization-Id). */
import type { CommandSpec } from "../cli/command.js";
import { readConfig, updateConfig } from "../config/file.js";

const use: CommandSpec = {
  name: "use",
  summary: "Make <id> the default organization for hosted-API commands.",
  args: "<id>",
  positionals: { min: 1, max: 1 },
  examples: ["gong-agent organizations use 9d3c0b6e-1f2a-4c55-8e2f-0a4b7c1d2e3f"],
  run: async (ctx, { positionals }) => {
    const id = positionals[0]!.trim();
    await updateConfig(ctx.configPath, (c) => ({ ...c, hosted: { ...c.hosted, organizationId: id } }));
    ctx.info(`Hosted-API commands now act in organization ${id} (saved in ${ctx.configPath}).`);
  },
};

const current: CommandSpec = {
  name: "current",
  summary: "Print the default organization (JSON).",
  positionals: { min: 0, max: 0 },
  run: async (ctx) => {
    const hosted = (await readConfig(ctx.configPath)).hosted;
    const fromEnv = ctx.io.env.AIRBYTE_ORGANIZATION_ID;
    ctx.json({
      organizationId: fromEnv || hosted?.organizationId || null,
      source: fromEnv ? "environment" : hosted?.organizationId ? "config file" : null,
    });
  },
};

export const organizationsCommand: CommandSpec = {
  name: "organizations",
  summary: "Choose the hosted-API organization (X-Organization-Id) used by `connectors`.",
  subcommands: [use, current],
  examples: ["gong-agent organizations use <id>", "gong-agent organizations current"],
};
