/** `gong-agent check`: one cheap call to tell whether credentials and host work. */
import type { CommandSpec } from "../cli/command.js";
import { openGong } from "../connector/open.js";

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Check that the credentials and host work (one cheap call).",
  positionals: { min: 0, max: 0 },
  description:
    "Lists one page of users. Prints {status, …} as JSON; exits 0 when healthy, otherwise with the exit code of\n" +
    "the failure (2 for refused credentials) and the reason on stderr.",
  examples: ["gong-agent check", "gong-agent check --sandbox", "gong-agent check --json-errors"],
  run: async (ctx) => {
    const { connector, target } = await openGong(ctx);
    const checked = { checkedEntity: "users", checkedAction: "list", target };
    try {
      await connector.executeFn("users", "list", {}, { signal: ctx.signal });
    } catch (error) {
      ctx.json({ status: "unhealthy", ...checked });
      throw error;
    }
    ctx.json({ status: "healthy", ...checked });
  },
};
