// Where each of the trained model's heads tends to look, measured over many names: the
// average weight a query puts on BOS, on itself, on the letter just before it, and on the
// letters further back, beside what an even spread over the same positions would give.

import type { ValueModel } from '../../engine/model.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import { traceName } from './name-trace.ts';

/** Average weights of one head (each a share of 1). */
export type Habit = {
  bos: number;
  current: number;
  previous: number;
  /** positions 1..t−2: the letters before the previous one */
  earlier: number;
  /** weight on BOS when the current letter is a vowel (a e i o u), and when it is any other letter */
  bosWhenVowel: number;
  bosWhenConsonant: number;
  /** mean entropy of the weights over the entropy of an even spread: 1 = perfectly even, 0 = all on one position */
  evenness: number;
};

/** Every head's habits, the even spread to compare with, and how much was measured. */
export type HeadHabits = { names: number; queries: number; heads: Habit[]; even: Omit<Habit, 'bosWhenVowel' | 'bosWhenConsonant' | 'evenness'> };

const vowels = new Set('aeiou');

/**
 * Measure over the queries at positions t ≥ 2, where BOS (position 0), the previous letter
 * (t − 1) and the query itself (t) are three different positions, so the four shares add to 1.
 */
export function headHabits(model: ValueModel, tokenizer: Tokenizer, names: readonly string[]): HeadHabits {
  const heads = model.config.nHead;
  const zero = () => ({ bos: 0, current: 0, previous: 0, earlier: 0, bosVowel: 0, vowels: 0, bosConsonant: 0, consonants: 0, evenness: 0 });
  const sums = Array.from({ length: heads }, zero);
  const even = { bos: 0, current: 0, previous: 0, earlier: 0 };
  let queries = 0;
  for (const name of names) {
    const { positions } = traceName(model, tokenizer, name);
    for (let t = 2; t < positions.length; t++) {
      queries++;
      even.bos += 1 / (t + 1); even.current += 1 / (t + 1); even.previous += 1 / (t + 1); even.earlier += (t - 2) / (t + 1);
      const vowel = vowels.has(positions[t].label);
      positions[t].weights.forEach((w, h) => {
        const s = sums[h];
        s.bos += w[0]; s.current += w[t]; s.previous += w[t - 1];
        s.earlier += w.slice(1, t - 1).reduce((a, b) => a + b, 0);
        if (vowel) { s.bosVowel += w[0]; s.vowels++; } else { s.bosConsonant += w[0]; s.consonants++; }
        s.evenness += -w.reduce((e, x) => e + (x > 0 ? x * Math.log(x) : 0), 0) / Math.log(t + 1);
      });
    }
  }
  const per = (x: number) => (queries > 0 ? x / queries : 0);
  return {
    names: names.length,
    queries,
    heads: sums.map((s) => ({
      bos: per(s.bos), current: per(s.current), previous: per(s.previous), earlier: per(s.earlier),
      bosWhenVowel: s.vowels ? s.bosVowel / s.vowels : 0, bosWhenConsonant: s.consonants ? s.bosConsonant / s.consonants : 0,
      evenness: per(s.evenness),
    })),
    even: { bos: per(even.bos), current: per(even.current), previous: per(even.previous), earlier: per(even.earlier) },
  };
}
