// Numbers chapter 5 quotes, computed by the engine when the site is built: the score spreads
// and the toy's head (the lookup and the playground), and the real trained model's KV-cache
// costs and heads' habits.

import { headDim, presets, toyConfig } from '../engine/config.ts';
import { attend } from '../viz/attention/attend.ts';
import { clampQuery, queryRange } from '../viz/attention/playground.ts';
import { spreadAt, spreadDims, spreadPairs, spreadSampleSize, rowLength } from '../viz/attention/score-spread.ts';
import { runningExample, toyStep, toyLabel } from '../viz/toy/walkthrough.ts';
import { toValueStateDict, type ValueModel } from '../engine/model.ts';
import { perKeyCost, stepCost, walkCosts } from '../viz/attention/kv-cost.ts';
import { headHabits } from '../viz/attention/head-habits.ts';
import { traceName } from '../viz/attention/name-trace.ts';
import { names, shippedWeights, training, model as shippedModel } from './shipped.ts';
import { parameterCount } from '../engine/params.ts';
import { factor, fixed, parseDisplayNumber, texAligned, texVector } from '../viz/shared/format.ts';
import { vec } from '../viz/toy/step-equations.ts';
import { toyFacts } from './toy.ts';

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

// the largest weight any query on the sliders can reach in the running example: softmax's top
// weight grows as the query goes further out, so it is enough to walk the square's edge
const { min, max } = queryRange;
const edge = Array.from({ length: 81 }, (_, i) => min + ((max - min) * i) / 80).flatMap((t) => [[t, min], [t, max], [min, t], [max, t]]);
const atOrigin = attend([0, 0], keys, vals);
const reach = Math.max(...edge.flatMap((q) => attend(q, keys, vals).weights));

/** The lookup and playground sections' numbers: the seeded score spreads, and the toy's head on the running example. */
export const lookupFacts = {
  sample: { ...spreadSampleSize, rowLength },
  dims: spreadDims,
  /** The largest d the widget offers. */
  largest: spreadDims[spreadDims.length - 1],
  spreads,
  spreadOf,
  /** The size of one head of the real model (n_embd / n_head), the d its scores are divided by the root of. */
  realHeadDim: presets.microgpt.nEmbd / presets.microgpt.nHead,
  /** The real model's width and number of heads. */
  realModel: { nEmbd: presets.microgpt.nEmbd, nHead: presets.microgpt.nHead },
  /** The running example's query, keys and values, and the head's scores and weights. */
  toy: { query: running.trace.layers[0].q, keys, values: vals, head: running.trace.layers[0].heads[0], headDim: running.trace.layers[0].q.length },
  /** The head with the query at the origin: every score 0, so the output is the plain mean of the values. */
  atOrigin,
  /** The largest weight a query on the sliders reaches in the running example. */
  reach,
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
  const keyCost = perKeyCost(config);
  return {
    config,
    headDim: headDim(config),
    name: realModelName,
    trace,
    costs,
    last: costs[costs.length - 1],
    /** one gpt() call at position 0, by part, and what each extra key in the cache adds */
    first: stepCost(config, 0),
    perKey: keyCost.total,
    /** what each cached key costs, part by part, per head (Value.mul calls: divisions and subtractions included) */
    keyCost,
    /** numbers the cache holds for a full block: a key and a value of nEmbd per position and layer */
    fullCacheNumbers: 2 * config.nLayer * config.blockSize * config.nEmbd,
    habits,
    trainingSteps: training.steps,
    /** the head whose weights are closest to an even spread, and the one furthest from it */
    evenest: argmax(h.map((x) => x.evenness)),
    sharpest: argmax(h.map((x) => -x.evenness)),
    /** the head whose weight on BOS depends most on whether the current letter is a vowel */
    bosSwitch: argmax(h.map((x) => x.bosWhenConsonant - x.bosWhenVowel)),
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

// ── the toy walkthrough (sections toy, embeddings, step, residual, exercises-toy) ──────────

const ex = toyFacts.pinned;
const layer = ex.trace.layers[0];
const head = layer.heads[0];

/** A number in TeX, negative ones bracketed when they are a factor or a square. */
const f = (x: number, d = 3) => fixed(x, d);
const p = (x: number, d = 3) => factor(x, d);
const v = (xs: readonly number[], d = 3) => texVector(xs, d);
const sub = (k: number) => `_{${k}}`;

/** Σ w[i]·x[i] in TeX, with the weights' two decimals. */
const prods = (ws: readonly number[], xs: readonly number[], dw = 2, dx = 3) => ws.map((w, i) => `${p(w, dw)} \\cdot ${p(xs[i], dx)}`).join(' + ');

const aligned = texAligned;
const e = head.scores.map(Math.exp);
const eSum = e.reduce((a, b) => a + b, 0);
const emb = ex.norms.emb;
const norm1 = ex.norms.attn;

/** The cached rows' tokens from the largest weight to the smallest. */
const byWeight = (st: typeof ex) =>
  st.trace.layers[0].heads[0].weights.map((w, t) => ({ w, label: toyLabel(st.cache[t].token) })).sort((a, b) => b.w - a.w).map((r) => r.label);

/** The most decimals at which two vectors still print the same (up to 8). */
function agreeingDecimals(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  while (d < 8 && a.every((x, i) => fixed(x, d + 1) === fixed(b[i], d + 1))) d++;
  return d;
}

/**
 * The fewest decimals (from 3) at which q, rounded as printed, gives by hand the same q·k to
 * `shown` decimals as the engine's unrounded q; k is the plan's given key, exact at 2 decimals.
 */
export function handDecimals(q: readonly number[], k: readonly number[], shown = 4): number {
  const exact = fixed(q[0] * k[0] + q[1] * k[1], shown);
  let d = 3;
  while (d < 8 && fixed(q.reduce((sum, qi, i) => sum + parseDisplayNumber(fixed(qi, d)) * k[i], 0), shown) !== exact) d++;
  return d;
}

const qDecimals = handDecimals(layer.q, ex.cache[0].key);

/** The exercise's pick: c at position 3 with the computed cache. */
const c3 = toyStep({ token: 3, pos: 3, cache: 'computed' });
const c3Head = c3.trace.layers[0].heads[0];
const c3Order = c3Head.weights.map((w, t) => t).sort((a, b) => c3Head.weights[b] - c3Head.weights[a]);

/**
 * The running example ("b" at position 2, given cache) worked out, as TeX for <Tex> and as
 * numbers. Every display is broken into short aligned lines, so it fits the scrolly's text
 * column and a 320 px phone.
 */
export const toyWalk = {
  /** A vector as the toy's figures write it, "(−0.741, 1.314)", for the prose. */
  vec,
  /** The toy's parameter count, and the real model's width and parameter count. */
  toyParams: parameterCount(toyConfig),
  realWidth: shippedModel.nEmbd,
  realParams: shippedModel.parameters,
  example: ex,
  computed: toyFacts.computed,
  /** Tokens of the running example's cache by weight, largest first, with the given and with the computed cache. */
  byWeight: byWeight(ex),
  byWeightComputed: byWeight(toyFacts.computed),
  /** How many decimals the normalised embedding and its second norm (norm1) share. */
  norm1Agrees: agreeingDecimals(emb.output, norm1.output),
  /** c at position 3, computed cache: its rows by weight (largest first) with their scores and weights, and how many decimals the top two weights share. */
  c3: {
    order: c3Order.map((t) => ({ label: toyLabel(c3.cache[t].token), score: c3Head.scores[t], weight: c3Head.weights[t] })),
    topAgree: agreeingDecimals([c3Head.weights[c3Order[0]]], [c3Head.weights[c3Order[1]]]),
  },
  /** The query as the score exercise prints it: enough decimals that q·k₀ by hand matches the engine's. */
  qHand: vec(layer.q, qDecimals),
  /** exp(s_t) of the three scores, and their sum. */
  exps: e,
  expSum: eSum,
  tex: {
    embSum: aligned(`\\token{x} &= \\mathrm{wte}[\\token{b}] + \\mathrm{wpe}[\\position{2}] \\\\ &= ${v(ex.trace.tokEmb, 2)} + ${v(ex.trace.posEmb, 2)} \\\\ &= ${v(ex.trace.embSum, 2)}`),
    meanSquare: aligned(`\\mathrm{ms} &= \\frac{${p(emb.input[0], 2)}^2 + ${p(emb.input[1], 2)}^2}{2} \\\\ &= \\frac{${f(emb.input[0] ** 2, 4)} + ${f(emb.input[1] ** 2, 4)}}{2} = ${f(emb.meanSquare, 4)}`),
    scale: aligned(`\\mathrm{scale} &= \\frac{1}{\\sqrt{\\mathrm{ms} + 10^{-5}}} \\\\ &= \\frac{1}{\\sqrt{${f(emb.meanSquare + 1e-5, 5)}}} = ${f(emb.scale, 5)}`),
    normalised: aligned(`\\hat{x} &= \\mathrm{scale} \\cdot \\token{x} = ${f(emb.scale, 5)} \\cdot ${v(emb.input, 2)} \\\\ &= ${v(emb.output, 5)}`),
    norm1: aligned(
      `\\mathrm{ms} &= \\tfrac{1}{2}\\big(\\hat{x}[0]^2 + \\hat{x}[1]^2\\big) \\\\ &= ${f(norm1.meanSquare, 5)} \\\\[0.3em] ` +
        `\\mathrm{scale} &= 1/\\sqrt{${f(norm1.meanSquare + 1e-5, 5)}} = ${f(norm1.scale, 5)} \\\\[0.3em] ` +
        `\\tilde{x} &= \\mathrm{rmsnorm}(\\hat{x}) \\\\ &= ${v(norm1.output, 5)}`,
    ),
    scores: aligned(
      ex.cache
        .map((row, t) => {
          const qk = layer.q[0] * row.key[0] + layer.q[1] * row.key[1];
          const [first, second] = layer.q.map((qi, i) => `${p(qi)} \\cdot ${p(row.key[i])}`);
          return `\\query{q} \\cdot \\key{k${sub(t)}} &= ${first} \\\\ &\\quad + ${second} \\\\ s${sub(t)} &= ${f(qk)} / ${f(Math.SQRT2, 3)} = ${f(head.scores[t])}`;
        })
        .join(' \\\\[0.4em] '),
    ),
    exps: aligned(
      e.map((x, t) => `e^{s${sub(t)}} &= ${f(x)}`).join(' \\\\ ') + ` \\\\[0.3em] \\textstyle\\sum_u e^{s_u} &= ${f(eSum)}`,
    ),
    weights: aligned(head.weights.map((w, t) => `w${sub(t)} &= ${f(e[t])} / ${f(eSum)} = ${f(w)}`).join(' \\\\ ')),
    /** The exercise: score of the key at position 0, by hand. */
    score0: aligned(
      `s_0 &= \\frac{${prods(layer.q, ex.cache[0].key, qDecimals, 2)}}{\\sqrt{2}} \\\\ &= \\frac{${f(layer.q[0] * ex.cache[0].key[0] + layer.q[1] * ex.cache[0].key[1], 4)}}{${f(Math.SQRT2, 4)}} = ${f(head.scores[0])}`,
    ),
  },
};

/** RMSNorm's output for a 2-D vector, for the exercise comparing (2, 2) with (0.2, 0.2). */
export function rmsnorm2(x: readonly [number, number]) {
  const ms = (x[0] ** 2 + x[1] ** 2) / 2;
  const scale = 1 / Math.sqrt(ms + 1e-5);
  return { ms, scale, out: x.map((xi) => xi * scale) };
}

export const rmsnormExercise = { big: rmsnorm2([2, 2]), small: rmsnorm2([0.2, 0.2]) };
