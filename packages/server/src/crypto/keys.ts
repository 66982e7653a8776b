/**
 * Where the server's encryption key comes from: the `encryptionKey` option, then GONG_AGENT_SERVER_KEY
 * (32 bytes as base64 or 64 hex characters), then the file named by GONG_AGENT_SERVER_KEY_FILE. Without
 * one the server refuses to start, except in dev mode, which keeps a generated key next to the database.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { KEY_BYTES } from "./secret-box.js";

export const KEY_ENV = "GONG_AGENT_SERVER_KEY";
export const KEY_FILE_ENV = "GONG_AGENT_SERVER_KEY_FILE";
/** Comma-separated keys in use before a rotation, still accepted for reading. */
export const PREVIOUS_KEYS_ENV = "GONG_AGENT_SERVER_PREVIOUS_KEYS";

export class MissingKeyError extends Error {
  override name = "MissingKeyError";
}

/** Parses a key given as base64 (44 chars) or hex (64 chars); throws a message that says the expected form. */
export function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new MissingKeyError(
      `The encryption key from ${origin} is not ${KEY_BYTES} bytes. Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  return key;
}

export interface KeySource {
  encryptionKey?: string | Uint8Array | undefined;
  dev?: boolean | undefined;
  dbPath: string;
  env?: Record<string, string | undefined>;
}

export function loadEncryptionKey(source: KeySource): { key: Buffer; origin: string } {
  const env = source.env ?? process.env;
  if (source.encryptionKey !== undefined) {
    const key =
      typeof source.encryptionKey === "string"
        ? parseKey(source.encryptionKey, "the encryptionKey option")
        : Buffer.from(source.encryptionKey);
    if (key.length !== KEY_BYTES)
      throw new MissingKeyError(`The encryptionKey option must be ${KEY_BYTES} bytes.`);
    return { key, origin: "option" };
  }
  const fromEnv = env[KEY_ENV];
  if (fromEnv && fromEnv.trim() !== "") return { key: parseKey(fromEnv, KEY_ENV), origin: KEY_ENV };
  const file = env[KEY_FILE_ENV];
  if (file && file.trim() !== "") {
    return {
      key: parseKey(readFileSync(file, "utf8"), `the file ${KEY_FILE_ENV} names`),
      origin: KEY_FILE_ENV,
    };
  }
  if (!source.dev) {
    throw new MissingKeyError(
      `No encryption key: set ${KEY_ENV} (32 bytes, base64 or hex) or ${KEY_FILE_ENV}, or pass encryptionKey. ` +
        "Use dev mode only for local experiments.",
    );
  }
  if (source.dbPath === ":memory:") return { key: randomBytes(KEY_BYTES), origin: "dev (in memory)" };
  const devKeyPath = `${source.dbPath}.dev-key`;
  if (existsSync(devKeyPath))
    return { key: parseKey(readFileSync(devKeyPath, "utf8"), devKeyPath), origin: devKeyPath };
  const key = randomBytes(KEY_BYTES);
  writeFileSync(devKeyPath, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(devKeyPath, 0o600);
  return { key, origin: devKeyPath };
}

/** Keys from before a rotation: the `previousEncryptionKeys` option, else GONG_AGENT_SERVER_PREVIOUS_KEYS. */
export function loadPreviousKeys(
  given: readonly (string | Uint8Array)[] | undefined,
  env: Record<string, string | undefined> = process.env,
): Buffer[] {
  const list =
    given ??
    (env[PREVIOUS_KEYS_ENV] ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k !== "");
  return list.map((k, i) => (typeof k === "string" ? parseKey(k, `previous key #${i + 1}`) : Buffer.from(k)));
}
