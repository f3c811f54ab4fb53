// Random: MT19937 with CPython's seeding, pinned against values printed by CPython 3.11.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/random.ts';

describe('Random matches CPython', () => {
  it('Random(42) then random ×3, gauss ×3, shuffle, choice ×5 replays CPython random.seed(42) in that order', () => {
    const rng = new Random(42);
    // random.seed(42); [random.random() for _ in range(3)]
    expect([rng.random(), rng.random(), rng.random()]).toEqual([0.6394267984578837, 0.025010755222666936, 0.27502931836911926]);
    // [random.gauss(0, 1) for _ in range(3)]
    expect([rng.gauss(0, 1), rng.gauss(0, 1), rng.gauss(0, 1)]).toEqual([0.2735990065583831, 1.610071094463357, -0.938051221433234]);
    // x = list(range(10)); random.shuffle(x)
    expect(rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([3, 5, 2, 4, 9, 8, 7, 0, 6, 1]);
    // random.choices(range(5), weights=[0.1, 0.2, 0.3, 0.2, 0.2], k=5)
    const weights = [0.1, 0.2, 0.3, 0.2, 0.2];
    expect(Array.from({ length: 5 }, () => rng.choice(weights))).toEqual([2, 3, 3, 2, 2]);
  });

  const firstRandom: [number, number][] = [
    [0, 0.8444218515250481], // random.seed(0)
    [2 ** 40 + 7, 0.6137037779936511], // a seed wider than 32 bits
    [2 ** 53 - 1, 0.09425040007102303], // the largest safe integer
    [-5, 0.6229016948897019], // CPython seeds with abs(n)
  ];
  for (const [seed, expected] of firstRandom) {
    it(`Random(${seed}).random() is CPython's ${expected}`, () => {
      expect(new Random(seed).random()).toBe(expected);
    });
  }

  it('Random(1).random() twice is CPython [0.13436424411240122, 0.8474337369372327]', () => {
    const rng = new Random(1);
    expect([rng.random(), rng.random()]).toEqual([0.13436424411240122, 0.8474337369372327]);
  });

  it('Random.uint32 is CPython getrandbits(32)', () => {
    const rng = new Random(7);
    expect([rng.uint32(), rng.uint32(), rng.uint32()]).toEqual([1390851128, 4071050724, 647892279]);
  });

  it('Random.below(n) is CPython randrange(n) for n from 1 to 2^32 − 1', () => {
    // random.seed(7); [random.randrange(n) for n in (1, 2, 3, 10, 100, 1000, 2**31, 2**32-1)]
    const rng = new Random(7);
    const ns = [1, 2, 3, 10, 100, 1000, 2 ** 31, 2 ** 32 - 1];
    expect(ns.map((n) => rng.below(n))).toEqual([0, 0, 1, 0, 9, 840, 404285457, 1570621944]);
  });

  it('Random.uniform(a, b) is CPython uniform(a, b)', () => {
    const rng = new Random(3);
    expect([rng.uniform(-2, 5), rng.uniform(-2, 5)]).toEqual([-0.3342476103567604, 1.8096045770716631]);
  });

  it('Random.gauss(mu, sigma) is CPython gauss(mu, sigma)', () => {
    const rng = new Random(3);
    expect([rng.gauss(10, 2), rng.gauss(10, 2), rng.gauss(10, 2)]).toEqual([10.18941607657461, 12.5000487621671, 8.137243264558586]);
  });

  it('Random.seed re-seeds and forgets the cached second Gaussian', () => {
    const rng = new Random(99);
    rng.gauss(); // leaves a cached second draw behind
    rng.seed(42);
    expect(rng.random()).toBe(0.6394267984578837);
    rng.seed(3);
    expect(rng.gauss(10, 2)).toBe(10.18941607657461);
  });
});

describe('Random behaviour', () => {
  it('Random with the same seed repeats the same stream', () => {
    const a = new Random(12345);
    const b = new Random(12345);
    const draw = (r: Random) => [r.random(), r.gauss(), r.below(17), r.uint32(), r.choice([1, 2, 3])];
    for (let i = 0; i < 50; i++) expect(draw(a)).toEqual(draw(b));
  });

  it('Random with different seeds gives different streams', () => {
    expect(new Random(1).random()).not.toBe(new Random(2).random());
  });

  it('Random.random stays in [0, 1)', () => {
    const rng = new Random(5);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('Random.gauss has mean ≈ 0 and std ≈ 1 over 100k draws', () => {
    const rng = new Random(2024);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.gauss();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    const std = Math.sqrt(s2 / n - mean * mean);
    // standard errors: 1/√n ≈ 0.0032 for the mean, 1/√(2n) ≈ 0.0022 for the std
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(std - 1)).toBeLessThan(0.01);
  });

  it('Random.below(n) stays in 0..n−1 and reaches every value', () => {
    const rng = new Random(8);
    for (const n of [1, 2, 3, 7, 26, 27, 100]) {
      const seen = new Set<number>();
      for (let i = 0; i < 2000; i++) {
        const r = rng.below(n);
        expect(Number.isInteger(r) && r >= 0 && r < n).toBe(true);
        seen.add(r);
      }
      expect(seen.size).toBe(n);
    }
  });

  it('Random.below rejects n outside 1..2^32 − 1 and non-integers', () => {
    const rng = new Random(0);
    for (const n of [0, -1, 2.5, 2 ** 32, NaN]) expect(() => rng.below(n)).toThrow(RangeError);
  });

  it('Random.shuffle returns the same array holding the same items', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const out = new Random(4).shuffle(items);
    expect(out).toBe(items);
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('Random.choice never picks a zero-weight index and follows the weights', () => {
    const rng = new Random(11);
    const weights = [0, 1, 0, 3];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[rng.choice(weights)]++;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[3] / 20_000).toBeCloseTo(0.75, 1);
  });

  it('Random.choice rejects weights with no positive finite sum', () => {
    const rng = new Random(0);
    for (const w of [[], [0, 0], [1, Infinity], [NaN, 1]]) expect(() => rng.choice(w)).toThrow(RangeError);
  });

  it('Random rejects a seed that is not a safe integer', () => {
    for (const s of [1.5, NaN, 2 ** 53]) expect(() => new Random(s)).toThrow(RangeError);
  });
});
