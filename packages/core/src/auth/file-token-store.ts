/**
 * A token store in one JSON file, shared safely by every process on the machine that points at it:
 * the file is written 0600 through a temporary file and an atomic rename (never half-written), and a
 * lock file created with O_EXCL serializes "re-read, refresh, save" across processes. A lock left
 * behind by a crashed process is taken over once its owner is gone or it has gone stale.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { GongAbortError, GongError } from "../errors.js";
import {
  copyTokens,
  type StoredTokenSet,
  type TokenSet,
  type TokenStore,
  type TokenStoreSetResult,
} from "./token-store.js";

export interface FileTokenStoreOptions {
  /** Give up waiting for the lock after this long. Default 60 s. */
  lockTimeoutMs?: number;
  /** A lock whose file has not been touched for this long is considered abandoned. Default 60 s. */
  staleLockMs?: number;
}

const FILE_FORMAT = "gong-agent-tokens";

/** Locks held by this process, per file, so one process never waits on itself. */
const heldLocks = new AsyncLocalStorage<Set<string>>();
/** In-process queue per lock path: only one async flow per process competes for the file lock. */
const processQueues = new Map<string, Promise<unknown>>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

function parseTokens(raw: unknown, path: string): StoredTokenSet {
  const bad = (why: string) =>
    new GongError(
      `The token file ${path} is not a valid gong-agent token file (${why}). ` +
        "Restore it from a backup or delete it and authorize again.",
    );
  if (typeof raw !== "object" || raw === null) throw bad("not an object");
  const record = raw as Record<string, unknown>;
  if (record["format"] !== FILE_FORMAT) throw bad("unknown format");
  const generation = record["generation"];
  const tokens = record["tokens"] as Record<string, unknown> | undefined;
  if (typeof generation !== "number" || !Number.isInteger(generation) || generation < 1)
    throw bad("bad generation");
  if (!tokens || typeof tokens["accessToken"] !== "string" || typeof tokens["refreshToken"] !== "string") {
    throw bad("tokens missing");
  }
  if (typeof tokens["expiresAt"] !== "number") throw bad("expiresAt missing");
  return {
    generation,
    tokens: copyTokens({
      accessToken: tokens["accessToken"],
      refreshToken: tokens["refreshToken"],
      expiresAt: tokens["expiresAt"],
      apiBaseUrl: typeof tokens["apiBaseUrl"] === "string" ? tokens["apiBaseUrl"] : undefined,
      scope: typeof tokens["scope"] === "string" ? tokens["scope"] : undefined,
    }),
  };
}

export class FileTokenStore implements TokenStore {
  readonly path: string;
  readonly #lockPath: string;
  readonly #lockTimeoutMs: number;
  readonly #staleLockMs: number;

  constructor(path: string, options: FileTokenStoreOptions = {}) {
    this.path = resolve(path);
    this.#lockPath = `${this.path}.lock`;
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
    this.#staleLockMs = options.staleLockMs ?? 60_000;
  }

  async get(): Promise<StoredTokenSet | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.path, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw new GongError(
        `Could not read the token file ${this.path}: ${errorCode(error) ?? "unknown error"}.`,
        {
          cause: error,
        },
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new GongError(
        `The token file ${this.path} is not valid JSON. Restore it from a backup or delete it and authorize again.`,
      );
    }
    return parseTokens(raw, this.path);
  }

  async set(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult> {
    if (heldLocks.getStore()?.has(this.#lockPath)) return this.#compareAndWrite(tokens, expectedGeneration);
    return this.lock(() => this.#compareAndWrite(tokens, expectedGeneration));
  }

  async lock<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const held = heldLocks.getStore();
    if (held?.has(this.#lockPath)) return fn();
    // Queue behind other flows of this process first, then compete with other processes.
    const previous = processQueues.get(this.#lockPath) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = previous.then(() => mine);
    processQueues.set(this.#lockPath, tail);
    try {
      await previous;
      const token = await this.#acquireFileLock(signal);
      const heartbeat = setInterval(
        () => void fs.utimes(this.#lockPath, new Date(), new Date()).catch(() => {}),
        Math.max(1000, this.#staleLockMs / 3),
      );
      heartbeat.unref();
      try {
        return await heldLocks.run(new Set([...(held ?? []), this.#lockPath]), fn);
      } finally {
        clearInterval(heartbeat);
        await this.#releaseFileLock(token);
      }
    } finally {
      release();
      if (processQueues.get(this.#lockPath) === tail) processQueues.delete(this.#lockPath);
    }
  }

  async #compareAndWrite(tokens: TokenSet, expectedGeneration: number): Promise<TokenStoreSetResult> {
    const current = await this.get();
    const generation = current?.generation ?? 0;
    if (generation !== expectedGeneration) return { ok: false, current };
    const next = generation + 1;
    const body = JSON.stringify(
      { format: FILE_FORMAT, generation: next, tokens: copyTokens(tokens) },
      null,
      2,
    );
    const temp = `${this.path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await fs.mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const handle = await fs.open(temp, "wx", 0o600);
      try {
        await handle.writeFile(`${body}\n`, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.path);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => {});
      throw new GongError(
        `Could not save the rotated OAuth tokens to ${this.path} (${errorCode(error) ?? "write failed"}). ` +
          "Check that the folder is writable and the disk is not full.",
        { cause: error },
      );
    }
    return { ok: true, generation: next };
  }

  async #acquireFileLock(signal: AbortSignal | undefined): Promise<string> {
    const token = `${process.pid}:${hostname()}:${randomBytes(6).toString("hex")}`;
    const content = JSON.stringify({ pid: process.pid, host: hostname(), token, since: Date.now() });
    await fs.mkdir(dirname(this.#lockPath), { recursive: true, mode: 0o700 }).catch((error: unknown) => {
      throw new GongError(
        `Could not create the folder for the token file ${this.path} (${errorCode(error) ?? "error"}); ` +
          "choose a path in a writable folder.",
        { cause: error },
      );
    });
    const started = Date.now();
    let wait = 5;
    for (;;) {
      if (signal?.aborted)
        throw new GongAbortError("Stopped waiting for the token-file lock: the call was aborted.");
      try {
        const handle = await fs.open(this.#lockPath, "wx", 0o600);
        try {
          await handle.writeFile(content, "utf8");
        } finally {
          await handle.close();
        }
        return token;
      } catch (error) {
        if (errorCode(error) !== "EEXIST") {
          throw new GongError(
            `Could not create the lock file ${this.#lockPath} (${errorCode(error) ?? "error"}).`,
            {
              cause: error,
            },
          );
        }
      }
      await this.#breakStaleLock();
      if (Date.now() - started > this.#lockTimeoutMs) {
        throw new GongError(
          `Timed out after ${this.#lockTimeoutMs} ms waiting for the token-file lock ${this.#lockPath}, held by another process. ` +
            "If no other gong-agent process is running, delete that lock file.",
        );
      }
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 100);
    }
  }

  /** Removes the lock if its owner died (same host) or it has not been touched for `staleLockMs`. */
  async #breakStaleLock(): Promise<void> {
    let text: string;
    let mtimeMs: number;
    try {
      [text, mtimeMs] = await Promise.all([
        fs.readFile(this.#lockPath, "utf8"),
        fs.stat(this.#lockPath).then((s) => s.mtimeMs),
      ]);
    } catch {
      return; // Released meanwhile.
    }
    let owner: { pid?: unknown; host?: unknown } = {};
    try {
      owner = JSON.parse(text) as typeof owner;
    } catch {
      // A lock file still being written has no content yet; judge it by age only.
    }
    const ownerDead =
      owner.host === hostname() && typeof owner.pid === "number" && !isProcessAlive(owner.pid);
    const stale = Date.now() - mtimeMs > this.#staleLockMs;
    if (!ownerDead && !stale) return;
    // Move it aside atomically; if what we moved is not the lock we judged, put it back.
    const aside = `${this.#lockPath}.${process.pid}.${randomBytes(4).toString("hex")}.stale`;
    try {
      await fs.rename(this.#lockPath, aside);
    } catch {
      return;
    }
    const moved = await fs.readFile(aside, "utf8").catch(() => "");
    if (moved !== text) await fs.link(aside, this.#lockPath).catch(() => {});
    await fs.rm(aside, { force: true }).catch(() => {});
  }

  async #releaseFileLock(token: string): Promise<void> {
    try {
      const text = await fs.readFile(this.#lockPath, "utf8");
      if ((JSON.parse(text) as { token?: unknown }).token !== token) return; // Not ours any more.
      await fs.rm(this.#lockPath, { force: true });
    } catch {
      // Already gone.
    }
  }
}
