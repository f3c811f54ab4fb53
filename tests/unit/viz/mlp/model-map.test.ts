import { describe, expect, it } from 'vitest';
import { boxAnnouncement, exactText, modelMap, stripCells } from '../../../../src/viz/mlp/model-map.ts';
import { runningExample, toyStep } from '../../../../src/viz/toy/walkthrough.ts';

// The running example's vectors worked out here with plain numbers from the plan's toy weights
// ("b" at position 2, pinned cache), independently of the engine.

const wte = [[0.2, 0.3], [0.5, -0.1], [-0.3, 0.4], [0.1, 0.2]];
const wpe = [[0.1, -0.05], [0.05, 0.15], [-0.1, 0.1], [0.15, 0.0]];
const wq = [[0.5, 0.2], [0.1, 0.4]];
const wk = [[0.3, -0.1], [0.2, 0.5]];
const wv = [[0.4, 0.1], [-0.2, 0.6]];
const wo = [[0.6, 0.2], [0.1, 0.7]];
const fc1 = [[0.4, 0.1], [-0.2, 0.5], [0.3, -0.3], [0.1, 0.4], [-0.5, 0.2], [0.2, -0.1], [0.6, 0.3], [-0.1, -0.4]];
const fc2 = [[0.1, 0.3, -0.2, 0.4, 0.0, 0.2, -0.1, 0.5], [-0.3, 0.2, 0.5, -0.1, 0.4, -0.4, 0.3, 0.1]];
const lmHead = [[0.3, 0.1], [-0.2, 0.4], [0.5, -0.3], [-0.1, 0.6]];
const mv = (w: number[][], x: number[]) => w.map((r) => r.reduce((s, wi, i) => s + wi * x[i], 0));
const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]);
const norm = (x: number[]) => { const s = (x.reduce((t, v) => t + v * v, 0) / x.length + 1e-5) ** -0.5; return x.map((v) => v * s); };
const softmax = (xs: number[]) => { const m = Math.max(...xs); const e = xs.map((x) => Math.exp(x - m)); const t = e.reduce((a, b) => a + b); return e.map((x) => x / t); };

const sum = add(wte[2], wpe[2]);
const x = norm(sum);
const n1 = norm(x);
const q = mv(wq, n1), k = mv(wk, n1), v = mv(wv, n1);
const keys = [[0.3, 0.1], [-0.1, 0.4], k];
const vals = [[0.2, -0.3], [0.5, 0.2], v];
const scores = keys.map((kt) => (q[0] * kt[0] + q[1] * kt[1]) / Math.sqrt(2));
const weights = softmax(scores);
const head = [0, 1].map((j) => weights.reduce((s, w, t) => s + w * vals[t][j], 0));
const afterAttn = add(x, mv(wo, head));
const hidden = mv(fc1, norm(afterAttn));
const relu = hidden.map((h) => Math.max(0, h));
const output = add(afterAttn, mv(fc2, relu));
const probs = softmax(mv(lmHead, output));

const map = modelMap(toyStep(runningExample));
const first = (id: string) => map.boxes[id].rows[0];

describe('modelMap', () => {
  it.each([
    ['embSum', sum], ['embNorm', x], ['norm1', n1], ['q', q], ['k', k], ['v', v], ['scores', scores], ['weights', weights],
    ['head', head], ['afterAttn', afterAttn], ['mlpHidden', hidden], ['mlpRelu', relu], ['output', output], ['probs', probs],
  ])('box %s holds the running example’s vector, worked out by hand', (id, expected) => {
    const got = first(id as string);
    expect(got).toHaveLength((expected as number[]).length);
    (expected as number[]).forEach((e, i) => expect(got[i]).toBeCloseTo(e, 12));
  });

  it('shows the cache as one row per position, the current one last', () => {
    expect(map.boxes.keys.rows.slice(0, 2)).toEqual([[0.3, 0.1], [-0.1, 0.4]]);
    map.boxes.keys.rows[2].forEach((e, i) => expect(e).toBeCloseTo(k[i], 12));
    expect(map.boxes.keys.rowLabels).toEqual(['BOS @ 0', 'a @ 1', 'b @ 2 (now)']);
  });

  it('walks the boxes in the order gpt() makes them, each box once, each source earlier than its box', () => {
    expect(map.order[0]).toBe('tokEmb');
    expect(map.order.at(-1)).toBe('probs');
    expect(new Set(map.order).size).toBe(Object.keys(map.boxes).length);
    for (const id of map.order) for (const f of map.boxes[id].from) expect(map.order.indexOf(f), `${f} before ${id}`).toBeLessThan(map.order.indexOf(id));
  });

  it('draws the residual adds from the stream they add to: x + attention reads the embeddings column', () => {
    expect(map.boxes.afterAttn.from).toEqual(['embNorm', 'attnOut']);
    expect(map.boxes.output.from).toEqual(['afterAttn', 'mlpOut']);
  });

  it('follows the pick: c at position 0 has a one-row cache and its own row of wte', () => {
    const c0 = modelMap(toyStep({ token: 3, pos: 0, cache: 'pinned' }));
    expect(c0.boxes.tokEmb.rows).toEqual([[0.1, 0.2]]);
    expect(c0.boxes.tokEmb.formula).toBe('wte[c]');
    expect(c0.boxes.keys.rows).toHaveLength(1);
    expect(c0.boxes.weights.rows[0]).toEqual([1]);
  });

  it('names the hidden units h₀ to h₇, as the prose and the MLP widget do', () => {
    expect(map.boxes.mlpHidden.colLabels).toEqual(['h₀', 'h₁', 'h₂', 'h₃', 'h₄', 'h₅', 'h₆', 'h₇']);
    expect(map.boxes.mlpRelu.colLabels).toEqual(map.boxes.mlpHidden.colLabels);
  });

  it('announces a box by its name, formula, sources and exact numbers', () => {
    const text = boxAnnouncement(map, 'embSum');
    expect(text.startsWith('Sum = token + position, from Token embedding and Position embedding: (')).toBe(true);
    expect(text).toContain(exactText(map.boxes.embSum));
    expect(boxAnnouncement(map, 'tokEmb')).toContain('a row of the table, looked up');
    expect(exactText({ ...map.boxes.keys, rows: [[0.5, -0.25], [1, 0]] })).toBe('(0.5, −0.25), (1, 0)');
  });

  it('scales the colour strips by the largest signed number on the map', () => {
    const signed = Object.values(map.boxes).filter((b) => b.kind === 'signed').flatMap((b) => b.rows.flat());
    expect(map.scale).toBe(Math.max(...signed.map(Math.abs)));
  });
});

describe('stripCells', () => {
  it('colours by sign, strength against the scale, capped at 1', () => {
    expect(stripCells([0.5, -1, 0, 3], 'signed', 2)).toEqual([
      { sign: 'positive', strength: 0.25 }, { sign: 'negative', strength: 0.5 }, { sign: 'zero', strength: 0 }, { sign: 'positive', strength: 1 },
    ]);
  });
  it('reads probabilities as their own strength', () => {
    expect(stripCells([0.2, 0.8], 'probability', 5).map((c) => c.strength)).toEqual([0.2, 0.8]);
  });
});
