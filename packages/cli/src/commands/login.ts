/** `gong-agent login` / `logout`: store or remove credentials in the 0600 config file. */
import { type CommandSpec, type ParsedArgs, stringOption } from "../cli/command.js";
import type { Context } from "../cli/context.js";
import { UsageError } from "../cli/errors.js";
import { Prompter } from "../cli/prompt.js";
import { type ConfigFile, readConfig, updateConfig, writeConfig } from "../config/file.js";
import { restoreRescueFile } from "../config/rescue.js";
import { openGong } from "../connector/open.js";

function checkUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("scheme");
    return value.replace(/\/+$/, "");
  } catch {
    throw new UsageError(
      `${flag} must be an http(s) URL, e.g. https://us-12345.api.gong.io; got "${value}".`,
    );
  }
}

export const loginCommand: CommandSpec = {
  name: "login",
  summary: "Store Gong credentials (access key or OAuth) in the config file (mode 0600).",
  positionals: { min: 0, max: 0 },
  description:
    "Saves Gong credentials to the config file (0600). Values not given as flags are asked for on the terminal\n" +
    "(secrets are not echoed) or read from stdin, one per line, when stdin is not a terminal.\n" +
    "Environment variables (GONG_ACCESS_KEY, GONG_ACCESS_KEY_SECRET, GONG_BASE_URL, GONG_REFRESH_TOKEN,\n" +
    "GONG_CLIENT_ID, GONG_CLIENT_SECRET) override the stored values. With --hosted it stores hosted-API\n" +
    "application credentials for the `connectors` commands instead.",
  options: {
    oauth: { type: "boolean", description: "Store an OAuth refresh token instead of an access key." },
    "access-key": { type: "string", valueName: "KEY", description: "Gong access key." },
    "access-key-secret": {
      type: "string",
      valueName: "SECRET",
      description: "Gong access key secret (prefer stdin: flags end up in shell history).",
    },
    "base-url": {
      type: "string",
      valueName: "URL",
      description: "Your tenant's API host, e.g. https://us-12345.api.gong.io (default https://api.gong.io).",
    },
    "refresh-token": {
      type: "string",
      valueName: "TOKEN",
      description: "OAuth refresh token (with --oauth).",
    },
    "client-id": {
      type: "string",
      valueName: "ID",
      description: "OAuth (or, with --hosted, application) client id.",
    },
    "client-secret": {
      type: "string",
      valueName: "SECRET",
      description: "OAuth (or, with --hosted, application) client secret.",
    },
    "token-url": { type: "string", valueName: "URL", description: "OAuth token endpoint (default Gong's)." },
    hosted: { type: "boolean", description: "Store hosted-API application credentials (for `connectors`)." },
    "api-url": { type: "string", valueName: "URL", description: "Hosted API URL (with --hosted)." },
    "organization-id": { type: "string", valueName: "ID", description: "Organization (with --hosted)." },
    workspace: { type: "string", valueName: "NAME", description: "Default workspace (with --hosted)." },
    verify: { type: "boolean", description: "Run a health check with the new credentials after saving." },
    "from-rescue": {
      type: "string",
      valueName: "FILE",
      description: "Restore OAuth tokens a command could not save, from the rescue file it named.",
    },
  },
  examples: [
    "gong-agent login                                   # asks for the access key and secret",
    'printf \'%s\\n\' "$KEY" "$SECRET" | gong-agent login --base-url https://us-12345.api.gong.io',
    'printf \'%s\\n\' "$REFRESH" "$CLIENT_SECRET" | gong-agent login --oauth --client-id my-app',
    "gong-agent login --hosted --api-url http://127.0.0.1:8080 --client-id app_123 < secret.txt",
    "gong-agent login --from-rescue ~/.config/gong-agent/gong-agent-oauth-rescue-1767000000000-a1b2c3.json",
  ],
  run: runLogin,
};

async function runLogin(ctx: Context, { values }: ParsedArgs) {
  const prompt = new Prompter(ctx.io);
  const flag = (name: string) => stringOption(values, name);
  const need = async (name: string, question: string, secret = false) => {
    const value = flag(name) ?? (await prompt.ask(question, { secret }));
    if (!value) throw new UsageError(`--${name} is required.`);
    if (secret) ctx.addSecrets([value]);
    return value;
  };
  for (const secretFlag of ["access-key-secret", "refresh-token", "client-secret"])
    ctx.addSecrets([flag(secretFlag)]);

  const rescueFile = flag("from-rescue");
  if (rescueFile) {
    const rescued = await restoreRescueFile(rescueFile, ctx.configPath);
    ctx.addSecrets([rescued.tokens.refreshToken, rescued.tokens.accessToken]);
    const slot =
      rescued.lineage.kind === "environment"
        ? "as the successor of GONG_REFRESH_TOKEN"
        : "as the OAuth login";
    ctx.info(`Restored the rescued OAuth tokens to ${ctx.configPath} ${slot}; deleted ${rescueFile}.`);
    ctx.info("Run `gong-agent check` to verify them.");
    return;
  }

  if (values.hosted) {
    const apiUrl = flag("api-url");
    const clientId = await need("client-id", "Application client id: ");
    const clientSecret = await need("client-secret", "Application client secret: ", true);
    await updateConfig(ctx.configPath, (c) => ({
      ...c,
      hosted: {
        ...c.hosted,
        ...(apiUrl ? { apiUrl: checkUrl(apiUrl, "--api-url") } : {}),
        clientId,
        clientSecret,
        ...(flag("organization-id") ? { organizationId: flag("organization-id")! } : {}),
        ...(flag("workspace") ? { workspaceName: flag("workspace")! } : {}),
      },
    }));
    ctx.info(`Saved hosted-API credentials to ${ctx.configPath} (mode 0600).`);
    return;
  }

  const baseUrl = flag("base-url") ? checkUrl(flag("base-url")!, "--base-url") : undefined;
  let gong: NonNullable<ConfigFile["gong"]>;
  if (values.oauth) {
    const refreshToken = await need("refresh-token", "OAuth refresh token: ", true);
    const clientId =
      flag("client-id") ?? (prompt.interactive ? await prompt.ask("OAuth client id: ") : undefined);
    const clientSecret = clientId ? await need("client-secret", "OAuth client secret: ", true) : undefined;
    const tokenUrl = flag("token-url") ? checkUrl(flag("token-url")!, "--token-url") : undefined;
    gong = {
      type: "oauth",
      refreshToken,
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
      ...(tokenUrl ? { tokenUrl } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      generation: 0,
    };
  } else {
    const accessKey = await need("access-key", "Gong access key: ");
    const accessKeySecret = await need("access-key-secret", "Gong access key secret: ", true);
    gong = { type: "access_key", accessKey, accessKeySecret, ...(baseUrl ? { baseUrl } : {}) };
  }
  const current = await readConfig(ctx.configPath);
  await writeConfig(ctx.configPath, { ...current, gong });
  ctx.info(
    `Saved ${gong.type === "oauth" ? "OAuth" : "access key"} credentials to ${ctx.configPath} (mode 0600).`,
  );
  if (values.verify) {
    const { connector } = await openGong(ctx);
    // A refused key fails the command with its own exit code (2); the credentials stay saved.
    await connector.executeFn("users", "list", {}, { signal: ctx.signal });
    ctx.info("Health check passed.");
  } else {
    ctx.info("Run `gong-agent check` to verify them.");
  }
}

export const logoutCommand: CommandSpec = {
  name: "logout",
  summary: "Remove stored credentials from the config file.",
  positionals: { min: 0, max: 0 },
  options: { hosted: { type: "boolean", description: "Remove the hosted-API credentials instead." } },
  examples: ["gong-agent logout", "gong-agent logout --hosted"],
  run: async (ctx, { values }) => {
    await updateConfig(ctx.configPath, (c) => {
      const next = { ...c };
      if (values.hosted) delete next.hosted;
      else {
        delete next.gong;
        delete next.oauthFromEnv;
      }
      return next;
    });
    ctx.info(`Removed ${values.hosted ? "hosted-API" : "Gong"} credentials from ${ctx.configPath}.`);
  },
};
