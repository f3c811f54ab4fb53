// Entropy in bits: how uncertain a distribution is. 0 when one token has all the mass, log₂ n
// when n tokens share it evenly; in between, the number of fair coin flips the choice is worth.

/** −Σ p log₂ p over the entries of a distribution (0 · log 0 counts as 0). */
export function entropyBits(probs: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (p > 0) h -= p * Math.log2(p);
  }
  return Math.max(0, h); // rounding can leave −0 or −1e−17 for a one-hot
}

/** The largest entropy a distribution over n tokens can have: the uniform one's, log₂ n. */
export const maxEntropyBits = (n: number) => Math.log2(n);

/**
 * How many decimals show an entropy apart from the ceiling it stays under: 2, or more when two
 * decimals would round it up to the ceiling (4.748 of 4.755 bits is not "4.75 of 4.75"). At most 6.
 */
export function decimalsBelow(bits: number, ceiling: number): number {
  let d = 2;
  while (d < 6 && bits < ceiling && Number(bits.toFixed(d)) >= Number(ceiling.toFixed(d))) d++;
  return d;
}
