/**
 * Deterministic randomness. Every generated record draws from its own generator seeded by
 * (sandbox seed, record kind, record index), so any record can be rebuilt on demand, in any order,
 * without materialising the whole data set.
 */

/** 32-bit FNV-1a over the parts, then a final avalanche so nearby inputs spread well. */
export function hash32(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === "number" ? `#${part}` : part;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2f;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small, fast generator (mulberry32). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick() from an empty list");
    return item;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A string of `length` decimal digits, never starting with 0. */
  digits(length: number): string {
    let out = String(this.int(1, 9));
    while (out.length < length) {
      const chunk = Math.floor(this.next() * 1e9);
      out += String(chunk).padStart(9, "0");
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** Lowercase letters and digits, like Gong's request ids. */
  alnum(length: number): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    while (out.length < length) {
      // Five characters per draw: 36^5 < 2^32.
      let n = Math.floor(this.next() * 60_466_176);
      for (let k = 0; k < 5 && out.length < length; k++) {
        out += alphabet[n % 36];
        n = Math.floor(n / 36);
      }
    }
    return out;
  }
}

export function rngFor(...parts: ReadonlyArray<string | number>): Rng {
  return new Rng(hash32(...parts));
}

/**
 * A reversible scramble of an index into a fixed-width digit string, so ids look random yet map
 * back to their record in O(1): id = prefix + ((index * A + B) mod 10^width).
 */
export class IdScrambler {
  private readonly modulus: bigint;
  private readonly multiplier: bigint;
  private readonly inverse: bigint;
  private readonly offset: bigint;

  constructor(
    private readonly prefix: string,
    private readonly width: number,
    salt: number,
  ) {
    this.modulus = 10n ** BigInt(width);
    // A large multiplier, odd and not a multiple of 5, hence invertible modulo 10^width.
    let a = ((BigInt(hash32("mul", salt)) << 32n) | BigInt(hash32("mul2", salt))) % this.modulus;
    a = a - (a % 10n) + 7n;
    this.multiplier = a;
    this.inverse = modInverse(a, this.modulus);
    this.offset = BigInt(hash32("offset", salt)) % this.modulus;
  }

  encode(index: number): string {
    const scrambled = (BigInt(index) * this.multiplier + this.offset) % this.modulus;
    return this.prefix + scrambled.toString().padStart(this.width, "0");
  }

  /** The index behind an id, or undefined when the id was not made by this scrambler. */
  decode(id: string): number | undefined {
    if (id.length !== this.prefix.length + this.width || !id.startsWith(this.prefix)) return undefined;
    const tail = id.slice(this.prefix.length);
    if (!/^\d+$/.test(tail)) return undefined;
    const value = (((BigInt(tail) - this.offset) % this.modulus) + this.modulus) % this.modulus;
    const index = (value * this.inverse) % this.modulus;
    return index <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(index) : undefined;
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
