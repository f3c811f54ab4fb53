// The toy walkthrough against the plain-number oracle (toy-reference.ts) and a few values
// worked by hand: the views of chapters 5 and 6 show exactly these numbers.

import { describe, expect, it } from 'vitest';
import { toyPinnedCache } from '../../../../src/engine/toy.ts';
import { pickProblem, runningExample, toyLoss, toyStep, type ToyPick } from '../../../../src/viz/toy/walkthrough.ts';
import { refStep, type Vec } from '../../engine/toy-reference.ts';

const close = (a: readonly number[], b: readonly number[]) => a.forEach((x, i) => expect(Math.abs(x - b[i]), `[${i}] ${x} vs ${b[i]}`).toBeLessThan(1e-12));

/** The oracle's run of a pick: earlier positions BOS, a, b; pinned entries for 0 and 1 when pinned. */
function oracle(pick: ToyPick) {
  const keys: Vec[] = [];
  const values: Vec[] = [];
  const context = [0, 1, 2];
  for (let p = 0; p < pick.pos; p++) {
    if (pick.cache === 'pinned' && p < 2) {
      keys.push(toyPinnedCache.keys[p].slice());
      values.push(toyPinnedCache.values[p].slice());
    } else refStep(context[p], p, keys, values);
  }
  return { step: refStep(pick.token, pick.pos, keys, values), keys, values };
}

describe('toyStep', () => {
  it('works the running example ("b" at position 2, pinned cache) as by hand: embSum (−0.4, 0.5), mean square 0.205', () => {
    const s = toyStep(runningExample);
    close(s.trace.embSum, [-0.4, 0.5]);
    expect(s.norms.emb.meanSquare).toBeCloseTo(0.205, 15);
    expect(s.norms.emb.scale).toBeCloseTo(1 / Math.sqrt(0.20501), 12);
    close(s.cache[0].key, [0.3, 0.1]);
    close(s.cache[1].value, [0.5, 0.2]);
    expect(s.cache.map((r) => r.source)).toEqual(['pinned', 'pinned', 'current']);
    expect(s.trace.layers[0].heads[0].scores).toHaveLength(3);
  });

  const picks: ToyPick[] = [];
  for (const cache of ['pinned', 'computed'] as const)
    for (let pos = 0; pos < 4; pos++) for (let token = 0; token < 4; token++) picks.push({ token, pos, cache });

  it.each(picks)('gives every intermediate of token $token at position $pos ($cache cache) as the plain-number oracle does', (pick) => {
    const s = toyStep(pick);
    const { step: r, keys, values } = oracle(pick);
    const layer = s.trace.layers[0];
    const head = layer.heads[0];
    close(s.trace.embSum, r.embSum);
    close(s.trace.embNorm, r.embNorm);
    close(layer.q, r.q); close(layer.k, r.k); close(layer.v, r.v);
    close(head.scores, r.scores); close(head.weights, r.weights); close(head.out, r.head);
    close(layer.attnOut, r.attnOut); close(layer.afterAttn, r.afterAttn);
    close(layer.mlpHidden, r.hidden); close(layer.mlpRelu, r.relu); close(layer.mlpOut, r.mlpOut);
    close(layer.output, r.output); close(s.trace.logits, r.logits); close(s.probs, r.probs);
    s.cache.forEach((row, p) => { close(row.key, keys[p]); close(row.value, values[p]); });
    expect(s.cache).toHaveLength(pick.pos + 1);
  });

  it('the loss of a target is −ln of its probability', () => {
    const s = toyStep(runningExample);
    expect(toyLoss(s, 3)).toBeCloseTo(-Math.log(s.probs[3]), 15);
    expect(s.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
  });

  it('pinned and computed caches agree at position 0, where there is no cache', () => {
    close(toyStep({ token: 1, pos: 0, cache: 'pinned' }).trace.logits, toyStep({ token: 1, pos: 0, cache: 'computed' }).trace.logits);
  });

  it.each([
    [{ token: 4, pos: 0, cache: 'pinned' }, /one of BOS, a, b, c/],
    [{ token: 1, pos: 4, cache: 'pinned' }, /0 to 3/],
    [{ token: 1, pos: 1.5, cache: 'pinned' }, /whole number/],
    [{ token: 1, pos: 1, cache: 'cached' }, /pinned or computed/],
  ] as const)('refuses %o with a message', (pick, message) => {
    expect(pickProblem(pick as unknown as ToyPick)).toMatch(message);
    expect(() => toyStep(pick as unknown as ToyPick)).toThrow(message);
  });
});
