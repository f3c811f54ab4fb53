// Numbers and worked arithmetic chapter 5 quotes, computed by the engine when the site is built.

import { toyConfig } from '../engine/config.ts';
import { parameterCount } from '../engine/params.ts';
import { toyStateDict } from '../engine/toy.ts';
import { fixed } from '../viz/shared/format.ts';
import { toyLabel } from '../viz/toy/walkthrough.ts';
import { model as shippedModel } from './shipped.ts';
import { toyFacts } from './toy.ts';

// ── the toy walkthrough (sections toy, embeddings, step, residual, exercises-toy) ──────────

const ex = toyFacts.pinned;
const layer = ex.trace.layers[0];
const head = layer.heads[0];

/** A number in TeX, negative ones bracketed when they are a factor or a square. */
const f = (x: number, d = 3) => fixed(x, d);
const p = (x: number, d = 3) => (x < 0 && f(x, d) !== f(0, d) ? `(${f(x, d)})` : f(x, d));
const v = (xs: readonly number[], d = 3) => `(${xs.map((x) => f(x, d)).join(',\\ ')})`;
const sub = (k: number) => `_{${k}}`;

/** Σ w[i]·x[i] in TeX, with the weights' two decimals. */
const prods = (ws: readonly number[], xs: readonly number[], dw = 2, dx = 3) => ws.map((w, i) => `${p(w, dw)} \\cdot ${p(xs[i], dx)}`).join(' + ');

/** A matrix–vector product, each output on two lines (the products, then the result), narrow enough for a phone. */
function matVec(name: string, w: readonly (readonly number[])[], x: readonly number[], out: readonly number[], d = 3): string {
  return w.map((row, i) => `${name}[${i}] &= ${prods(row, x, 2, d)} \\\\ &= ${f(out[i], d)}`).join(' \\\\[0.3em] ');
}

const aligned = (body: string) => `\\begin{aligned} ${body} \\end{aligned}`;
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
 * The running example ("b" at position 2, given cache) worked out, as TeX for <Tex> and as
 * numbers. Every display is broken into short aligned lines, so it fits the scrolly's text
 * column and a 320 px phone.
 */
export const toyWalk = {
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
        `\\mathrm{rmsnorm}(\\hat{x}) &= ${v(norm1.output, 5)}`,
    ),
    q: aligned(matVec('\\query{q}', toyStateDict['layer0.attn_wq'], layer.norm1, layer.q)),
    kv: aligned(`\\key{k} &= ${v(layer.k)} \\\\ \\val{v} &= ${v(layer.v)}`),
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
    mix: aligned(
      `\\mathrm{out} &= ` + head.weights.map((w, t) => `${f(w)} \\cdot ${v(ex.cache[t].value)}`).join(' \\\\ &\\quad + ') + ` \\\\ &= ${v(head.out)}`,
    ),
    project: aligned(matVec('a', toyStateDict['layer0.attn_wo'], head.out, layer.attnOut)),
    residual: aligned(`x' &= \\hat{x} + a \\\\ &= ${v(layer.input)} + ${v(layer.attnOut)} \\\\ &= ${v(layer.afterAttn)}`),
    /** The exercise: score of the key at position 0, by hand. */
    score0: aligned(
      `s_0 &= \\frac{${prods(layer.q, ex.cache[0].key, 3, 2)}}{\\sqrt{2}} \\\\ &= \\frac{${f(layer.q[0] * ex.cache[0].key[0] + layer.q[1] * ex.cache[0].key[1], 4)}}{${f(Math.SQRT2, 4)}} = ${f(head.scores[0])}`,
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
