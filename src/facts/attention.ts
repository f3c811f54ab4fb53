// Chapter 5's numbers about the real trained model, computed when the site is built: the KV
// cache's costs and the four heads' habits. (Other parts of the chapter keep their own exports.)

import { headDim } from '../engine/config.ts';
import { toValueStateDict, type ValueModel } from '../engine/model.ts';
import { stepCost, walkCosts } from '../viz/attention/kv-cost.ts';
import { headHabits } from '../viz/attention/head-habits.ts';
import { traceName } from '../viz/attention/name-trace.ts';
import { names, shippedWeights, training } from './shipped.ts';

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
