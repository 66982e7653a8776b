import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashSecret, verifySecret } from "../src/crypto/hashing.js";
import { loadEncryptionKey, MissingKeyError } from "../src/crypto/keys.js";
import { DecryptionError, SecretBox } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "gong-agent-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SecretBox", () => {
  const box = new SecretBox(randomBytes(32));

  it("round-trips and never shows the plaintext in the sealed form", () => {
    const sealed = box.seal("access-key-secret-value", "connector:a:config");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("access-key-secret-value");
    expect(box.open(sealed, "connector:a:config")).toBe("access-key-secret-value");
    // A fresh nonce every time: equal plaintexts do not give equal ciphertexts.
    expect(box.seal("same", "x")).not.toBe(box.seal("same", "x"));
  });

  it("refuses a ciphertext moved to another row, altered, or opened with another key", () => {
    const sealed = box.seal("secret", "connector:a:config");
    expect(() => box.open(sealed, "connector:b:config")).toThrow(DecryptionError);
    const tampered = `${sealed.slice(0, -4)}AAA=`;
    expect(() => box.open(tampered, "connector:a:config")).toThrow(DecryptionError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, "connector:a:config")).toThrow(
      /server key differs/,
    );
  });
});

describe("client secret hashing", () => {
  it("verifies the right secret only", async () => {
    const hash = await hashSecret("gas_right");
    expect(hash).not.toContain("gas_right");
    expect(await verifySecret("gas_right", hash)).toBe(true);
    expect(await verifySecret("gas_wrong", hash)).toBe(false);
  });
});

describe("encryption key loading", () => {
  it("refuses to start without a key outside dev mode, naming the variables", () => {
    expect(() => loadEncryptionKey({ dbPath: join(dir, "a.db"), env: {} })).toThrow(MissingKeyError);
    expect(() => loadEncryptionKey({ dbPath: join(dir, "a.db"), env: {} })).toThrow(/GONG_AGENT_SERVER_KEY/);
  });

  it("reads base64 or hex keys from the environment and rejects a wrong length", () => {
    const key = randomBytes(32);
    expect(
      loadEncryptionKey({ dbPath: "x", env: { GONG_AGENT_SERVER_KEY: key.toString("base64") } }).key,
    ).toEqual(key);
    expect(
      loadEncryptionKey({ dbPath: "x", env: { GONG_AGENT_SERVER_KEY: key.toString("hex") } }).key,
    ).toEqual(key);
    expect(() => loadEncryptionKey({ dbPath: "x", env: { GONG_AGENT_SERVER_KEY: "c2hvcnQ=" } })).toThrow(
      /32 bytes/,
    );
  });

  it("in dev mode keeps one generated key next to the database, readable only by its owner", () => {
    const dbPath = join(dir, "dev.db");
    const first = loadEncryptionKey({ dbPath, dev: true, env: {} });
    expect(existsSync(`${dbPath}.dev-key`)).toBe(true);
    expect(statSync(`${dbPath}.dev-key`).mode & 0o777).toBe(0o600);
    const second = loadEncryptionKey({ dbPath, dev: true, env: {} });
    expect(second.key).toEqual(first.key);
    expect(readFileSync(`${dbPath}.dev-key`, "utf8").trim()).toBe(first.key.toString("base64"));
  });
});
