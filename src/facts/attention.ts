// Numbers chapter 5 quotes, computed by the engine when the site is built: the score spreads
// and the toy's head (the lookup and the playground), and the real trained model's KV-cache
// costs and heads' habits.

import { headDim, presets } from '../engine/config.ts';
import { attend } from '../viz/attention/attend.ts';
import { clampQuery } from '../viz/attention/playground.ts';
import { spreadAt, spreadDims, spreadPairs, spreadSampleSize, rowLength } from '../viz/attention/score-spread.ts';
import { runningExample, toyStep } from '../viz/toy/walkthrough.ts';
import { toValueStateDict, type ValueModel } from '../engine/model.ts';
import { stepCost, walkCosts } from '../viz/attention/kv-cost.ts';
import { headHabits } from '../viz/attention/head-habits.ts';
import { traceName } from '../viz/attention/name-trace.ts';
import { names, shippedWeights, training } from './shipped.ts';

const pairs = spreadPairs();
const spreads = spreadDims.map((d) => {
  const s = spreadAt(pairs, d);
  return { d, sdRaw: s.sdRaw, sdScaled: s.sdScaled, raw: s.rowsRaw, scaled: s.rowsScaled };
});
const spreadOf = (d: number) => spreads.find((s) => s.d === d)!;

const running = toyStep(runningExample);
const keys = running.cache.map((r) => r.key);
const vals = running.cache.map((r) => r.value);
const [k0, k1] = keys;
// a query perpendicular to k₀ − k₁ scores both keys the same; this one sits on the sliders' grid
const along = [-(k0[1] - k1[1]), k0[0] - k1[0]];
const stretch = 2;
const equalQuery = along.map((x) => clampQuery(stretch * x));
const equal = attend(equalQuery, keys, vals);

/** The lookup and playground sections' numbers: the seeded score spreads, and the toy's head on the running example. */
export const lookupFacts = {
  sample: { ...spreadSampleSize, rowLength },
  dims: spreadDims,
  spreads,
  spreadOf,
  /** The size of one head of the real model (n_embd / n_head), the d its scores are divided by the root of. */
  realHeadDim: presets.microgpt.nEmbd / presets.microgpt.nHead,
  /** The running example's query, keys and values, and the head's scores and weights. */
  toy: { query: running.trace.layers[0].q, keys, values: vals, head: running.trace.layers[0].heads[0], headDim: running.trace.layers[0].q.length },
  /** Where the query gives keys 0 and 1 the same weight: perpendicular to k₀ − k₁. */
  equal: { difference: [k0[0] - k1[0], k0[1] - k1[1]], query: equalQuery, ...equal },
};

/** The name both real-model widgets start with; it must be in the dataset. */
export const realModelName = 'olivia';
/** The heads' habits are measured on every this-many-th name of the dataset file. */
const habitSampleEvery = 8;
/** The name of the exercise that asks which head looks at BOS. */
const bosExerciseName = 'mark';

/** Which head does what, by the measure the prose uses: index of the largest value. */
const argmax = (xs: readonly number[]) => xs.reduce((best, x, i) => (x > xs[best] ? i : best), 0);

/** The real model's attention facts: the default name's trace, the cache's costs, the heads' habits. */
export function realHeadsFacts() {
  if (!names.includes(realModelName)) throw new Error(`facts/attention: "${realModelName}" is not in the dataset`);
  const { config, tokenizer } = shippedWeights;
  const model: ValueModel = { config, params: toValueStateDict(shippedWeights.stateDict) };
  const trace = traceName(model, tokenizer, realModelName);
  const costs = walkCosts(config, trace.positions.length);
  const habits = headHabits(model, tokenizer, names.filter((_, i) => i % habitSampleEvery === 0));
  const h = habits.heads;
  const nine = names.find((n) => [...n].length === 9) ?? '';
  const nineCosts = walkCosts(config, 10);
  const fullCosts = walkCosts(config, config.blockSize);
  const bosName = traceName(model, tokenizer, bosExerciseName);
  const perKey = stepCost(config, 1).total - stepCost(config, 0).total;
  return {
    config,
    headDim: headDim(config),
    name: realModelName,
    trace,
    costs,
    last: costs[costs.length - 1],
    /** one gpt() call at position 0, by part, and what each extra key in the cache adds */
    first: stepCost(config, 0),
    perKey,
    /** numbers the cache holds for a full block: a key and a value of nEmbd per position and layer */
    fullCacheNumbers: 2 * config.nLayer * config.blockSize * config.nEmbd,
    habits,
    trainingSteps: training.steps,
    /** the head whose weights are closest to an even spread, and the one furthest from it */
    evenest: argmax(h.map((x) => x.evenness)),
    sharpest: argmax(h.map((x) => -x.evenness)),
    /** the head whose weight on BOS depends most on whether the current letter is a vowel */
    bosSwitch: argmax(h.map((x) => x.bosAfterConsonant - x.bosAfterVowel)),
    /** the head that leans most on the previous letter */
    previous: argmax(h.map((x) => x.previous)),
    /** a nine-letter name of the dataset runs ten positions (BOS and nine letters) */
    nine: { name: nine, costs: nineCosts[nineCosts.length - 1] },
    full: fullCosts[fullCosts.length - 1],
    /** for each position of the exercise name, the head that puts most weight on BOS, and that weight */
    bosExercise: {
      name: bosExerciseName,
      positions: bosName.positions.map((p, pos) => {
        const onBos = p.weights.map((w) => w[0]);
        const head = argmax(onBos);
        return { pos, label: p.label, head, weight: onBos[head], onBos };
      }),
    },
  };
}

/** Computed once per build. */
export const realHeads = realHeadsFacts();
