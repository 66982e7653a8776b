/** The package version, printed by `gong-agent --version` and sent in the user agent. */
export const VERSION = "0.1.0";
