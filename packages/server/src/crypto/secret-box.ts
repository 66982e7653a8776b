/**
 * Encrypts Gong credentials at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce and is bound
 * to where it is stored (the associated data, e.g. `connector:<id>:tokens`), so a ciphertext copied into
 * another row fails to decrypt instead of handing one tenant's credentials to another.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
const WRONG_KEY = "Stored secret could not be decrypted with this key.";

/** The stored ciphertext could not be decrypted: wrong key, tampering, or a value moved between rows. */
export class DecryptionError extends Error {
  override name = "DecryptionError";
}

export class SecretBox {
  readonly #key: Buffer;
  /** Keys used before a rotation: still accepted for reading until everything is re-sealed. */
  readonly #previous: Buffer[];

  constructor(key: Uint8Array, previousKeys: readonly Uint8Array[] = []) {
    for (const k of [key, ...previousKeys]) {
      if (k.length !== KEY_BYTES) throw new Error(`The encryption key must be ${KEY_BYTES} bytes.`);
    }
    this.#key = Buffer.from(key);
    this.#previous = previousKeys.map((k) => Buffer.from(k));
  }

  /** True when the value was sealed with the current key (false: a previous key, or unreadable). */
  isCurrent(sealed: string, associatedData: string): boolean {
    try {
      this.#openWith(this.#key, sealed, associatedData);
      return true;
    } catch {
      return false;
    }
  }

  /** `v1.<base64 nonce|tag|ciphertext>` */
  seal(plaintext: string, associatedData: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, nonce);
    cipher.setAAD(Buffer.from(associatedData, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  open(sealed: string, associatedData: string): string {
    for (const key of [this.#key, ...this.#previous]) {
      try {
        return this.#openWith(key, sealed, associatedData);
      } catch (error) {
        // A malformed value fails the same way with every key: say so at once.
        if (!(error instanceof DecryptionError) || error.message !== WRONG_KEY) throw error;
      }
    }
    throw new DecryptionError(
      "Stored secret could not be decrypted: the server key differs from the one it was written with, or the data was altered.",
    );
  }

  #openWith(key: Buffer, sealed: string, associatedData: string): string {
    const [version, payload] = sealed.split(".", 2);
    if (version !== VERSION || payload === undefined) {
      throw new DecryptionError("Stored secret has an unknown format.");
    }
    const raw = Buffer.from(payload, "base64");
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError("Stored secret is truncated.");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(associatedData, "utf8"));
      decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      throw new DecryptionError(WRONG_KEY);
    }
  }

  sealJson(value: unknown, associatedData: string): string {
    return this.seal(JSON.stringify(value), associatedData);
  }

  openJson<T>(sealed: string, associatedData: string): T {
    return JSON.parse(this.open(sealed, associatedData)) as T;
  }
}
