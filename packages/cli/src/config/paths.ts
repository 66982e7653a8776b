/** Where the config file lives: --config, then $GONG_AGENT_CONFIG, then the XDG config directory. */
import { homedir } from "node:os";
import { join } from "node:path";

export function configPath(env: NodeJS.ProcessEnv, flag?: string): string {
  if (flag) return flag;
  if (env.GONG_AGENT_CONFIG) return env.GONG_AGENT_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "gong-agent", "config.json");
}
