// A seeded random number generator: the Mersenne Twister (MT19937) with the same
// seeding, uniform, Gaussian, shuffle and weighted choice as Python's `random` module,
// so `random.seed(42)` in microgpt.py and `new Random(42)` here draw the same numbers.

const N = 624;
const M = 397;

/** The largest seed the site's fields take: a 32-bit signed integer's range from 0 (Random itself takes any safe integer). */
export const largestSeed = 2 ** 31 - 1;

/** Seeded RNG. Same integer seed → same stream as CPython's random.Random(seed). */
export class Random {
  private mt = new Uint32Array(N);
  private index = N + 1;
  private gaussNext: number | null = null;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** Re-seed from a non-negative integer (the key is its 32-bit words, low word first). */
  seed(seed: number): void {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    let n = Math.abs(seed);
    const key: number[] = [];
    do {
      key.push(n % 0x100000000);
      n = Math.floor(n / 0x100000000);
    } while (n > 0);
    this.initByArray(key);
    this.gaussNext = null;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 * prev, kept to 32 bits without losing precision in doubles
      mt[i] = (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ (((((prev & 0xffff0000) >>> 16) * 1664525) << 16) + (prev & 0x0000ffff) * 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ (((((prev & 0xffff0000) >>> 16) * 1566083941) << 16) + (prev & 0x0000ffff) * 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    }
    mt[0] = 0x80000000;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** The next raw 32-bit output. */
  uint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits, like random.random(). */
  random(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform in [a, b), like random.uniform(a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** Gaussian N(mu, sigma²) by Box–Muller, pairing draws exactly as random.gauss does. */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const angle = this.random() * 2 * Math.PI;
      const radius = Math.sqrt(-2 * Math.log(1 - this.random()));
      z = Math.cos(angle) * radius;
      this.gaussNext = Math.sin(angle) * radius;
    }
    return mu + z * sigma;
  }

  /** A uniform integer in [0, n), by rejection like random._randbelow (0 < n < 2^32). */
  below(n: number): number {
    if (!(Number.isInteger(n) && n > 0 && n < 0x100000000)) throw new RangeError(`below(n) needs an integer 0 < n < 2^32, got ${n}`);
    const shift = Math.clz32(n); // 32 - n.bit_length()
    let r = this.uint32() >>> shift;
    while (r >= n) r = this.uint32() >>> shift;
    return r;
  }

  /** Shuffle in place, the same permutation as random.shuffle for the same state. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** One index drawn with the given non-negative weights, like random.choices(range(n), weights)[0]. */
  choice(weights: ArrayLike<number>): number {
    const n = weights.length;
    let total = 0;
    const cumulative = new Float64Array(n);
    for (let i = 0; i < n; i++) cumulative[i] = total += weights[i];
    if (!(total > 0) || !Number.isFinite(total)) throw new RangeError('choice needs weights with a positive, finite sum');
    const x = this.random() * total;
    // bisect_right over cumulative[0 .. n-1)
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
