// The five teaching stages of Value: each example prints what the chapter says, and the last
// stage computes the same gradients as the engine's Value on random expressions.

import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/engine/random.ts';
import { Value as EngineValue } from '../../../../src/engine/value.ts';
import { Value as Stage4 } from '../../../../src/engine/lessons/stage4-local-gradients.ts';
import { Value as Stage5 } from '../../../../src/engine/lessons/stage5-backward.ts';
import { stage, stages } from '../../../../src/engine/lessons/stages.ts';
import { nudge, nudgeVerdict } from '../../../../src/viz/autograd/nudge.ts';
import { short } from '../../../../src/viz/shared/format.ts';
import { evaluateExpr } from '../../../../src/viz/autograd/expr.ts';
import { graphOf, gradientsOf } from '../../../../src/viz/autograd/value-graph.ts';
import { exprNodeViews } from '../../../../src/viz/autograd/graph-view.ts';

describe('the stage examples', () => {
  it('stage 1 only wraps and prints', () => {
    expect(stage(1).run(-6, 7)).toEqual(['Value(data=-6)', 'Value(data=7)']);
  });

  it('stage 2 computes a × b + c but keeps no history', () => {
    expect(stage(2).run(-6, 7, 10)).toEqual(['Value(data=-32)']);
  });

  it('stage 3 remembers children: L = c + a, c = a × b', () => {
    const out = stage(3).run(2, 3);
    expect(out[0]).toBe('L = c + a, data 8');
    expect(out[1]).toBe('  c = a × b, data 6');
    expect(out).toHaveLength(5);
  });

  it('stage 4 records local gradients: a·b has [b, a]', () => {
    expect(stage(4).run(2, 3)[1]).toBe('a.mul(b): data 6, localGrads [3, 2]');
  });

  it('stage 5 finds a.grad = 4 and b.grad = 2 for L = a·b + a', () => {
    expect(stage(5).run(2, 3)).toEqual(['L = 8', 'a.grad = 4', 'b.grad = 2']);
  });

  it('every stage runs with its own starting inputs, and stage numbers are 1 to 5', () => {
    expect(stages.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    for (const s of stages) expect(s.run(...s.inputs.map((i) => i.value)).length).toBeGreaterThan(0);
    expect(() => stage(6)).toThrow(/No stage 6/);
  });
});

describe('stage 4 local gradients are the engine’s', () => {
  const at = [-1.3, 0.4, 2.2];
  for (const x of at) {
    it(`at x = ${x}`, () => {
      const [a, b] = [new Stage4(x), new Stage4(0.7)];
      const [ea, eb] = [new EngineValue(x), new EngineValue(0.7)];
      const pairs: [Stage4, EngineValue][] = [
        [a.add(b), ea.add(eb)], [a.mul(b), ea.mul(eb)], [a.pow(3), ea.pow(3)], [a.exp(), ea.exp()], [a.relu(), ea.relu()],
      ];
      if (x > 0) pairs.push([a.log(), ea.log()]);
      for (const [s, e] of pairs) {
        expect(s.data).toBe(e.data);
        expect(s.localGrads).toEqual(e.localGrads);
        expect(s.op).toBe(e.op);
      }
    });
  }
});

describe('stage 5 backward agrees with the engine on random graphs', () => {
  // Build the same random computation with both classes, then compare every input's grad.
  type Ops<V> = { leaf: (x: number) => V; add: (p: V, q: V) => V; mul: (p: V, q: V) => V; pow: (p: V, k: number) => V; exp: (p: V) => V; relu: (p: V) => V; log1: (p: V) => V };
  function build<V>(rng: Random, ops: Ops<V>, inputs: V[], size: number): V {
    const pool = [...inputs];
    for (let i = 0; i < size; i++) {
      const p = pool[rng.below(pool.length)];
      const q = pool[rng.below(pool.length)];
      const pick = rng.below(6);
      pool.push(pick === 0 ? ops.add(p, q) : pick === 1 ? ops.mul(p, q) : pick === 2 ? ops.pow(p, 2) : pick === 3 ? ops.exp(ops.mul(p, ops.leaf(0.1))) : pick === 4 ? ops.relu(p) : ops.log1(p));
    }
    return pool[pool.length - 1];
  }
  const stage5Ops: Ops<Stage5> = {
    leaf: (x) => new Stage5(x), add: (p, q) => p.add(q), mul: (p, q) => p.mul(q), pow: (p, k) => p.pow(k),
    exp: (p) => p.exp(), relu: (p) => p.relu(), log1: (p) => p.pow(2).add(new Stage5(1)).log(),
  };
  const engineOps: Ops<EngineValue> = {
    leaf: (x) => new EngineValue(x), add: (p, q) => p.add(q), mul: (p, q) => p.mul(q), pow: (p, k) => p.pow(k),
    exp: (p) => p.exp(), relu: (p) => p.relu(), log1: (p) => p.pow(2).add(new EngineValue(1)).log(),
  };
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}`, () => {
      const xs = [0.3, -0.8, 1.1, 0.5].map((x) => x * (1 + seed / 10));
      const ins5 = xs.map((x) => new Stage5(x));
      const insE = xs.map((x) => new EngineValue(x));
      const out5 = build(new Random(seed), stage5Ops, ins5, 14);
      const outE = build(new Random(seed), engineOps, insE, 14);
      expect(out5.data).toBe(outE.data);
      out5.backward();
      outE.backward();
      ins5.forEach((v, i) => expect(v.grad).toBeCloseTo(insE[i].grad, 10));
    });
  }
});

describe('the nudge check', () => {
  it('moves L = a·b + a by a.grad × h exactly, since L is a straight line in a', () => {
    const r = nudge('a*b + a', { a: 2, b: 3 }, 'a', 0.001);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.grad).toBe(4);
    expect(r.predicted).toBeCloseTo(0.004, 15);
    expect(Math.abs(r.gap)).toBeLessThan(1e-12);
    expect(r.exact).toBe(true);
  });

  it('misses by about half the second derivative × h² where L curves', () => {
    for (const h of [0.1, 0.01]) {
      const r = nudge('a^3', { a: 2 }, 'a', h);
      if (!r.ok) throw new Error(r.problem.message);
      const secondDerivative = 6 * 2;
      expect(r.gap / (h * h)).toBeCloseTo(secondDerivative / 2, 0);
      expect(r.exact).toBe(false);
    }
  });

  it('reports a step that fails only after the nudge', () => {
    const r = nudge('log(a)', { a: 0.0005 }, 'a', -0.001);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/^After the nudge: log needs a positive input/);
  });
});

describe('node views of an expression graph', () => {
  it('show values always and gradients only when given, with n1, n2 for unnamed ops', () => {
    const r = evaluateExpr('a*b + a', { a: 2, b: 3 });
    if (!r.ok) throw new Error(r.problem.message);
    const g = graphOf(r.graph.root, r.graph.names);
    const before = exprNodeViews(g, null);
    expect(before.map((v) => [v.ref, v.how, v.value, v.grad])).toEqual([
      ['a', 'input', '2', null], ['b', 'input', '3', null], ['n1', 'a × b', '6', null], ['n2', 'n1 + a', '8', null],
    ]);
    const after = exprNodeViews(g, gradientsOf(g));
    expect(after.map((v) => v.grad)).toEqual(['4', '2', '1', '1']);
  });
});

describe('the nudge check’s verdict', () => {
  const at = (src: string, env: Record<string, number>, name: string, h: number) => {
    const r = nudge(src, env, name, h);
    if (!r.ok) throw new Error(r.problem.message);
    return r;
  };

  it('at the corner of relu(a − 2), a = 2, says it is a corner whose gradient describes one side, and that the miss is h', () => {
    for (const h of [0.1, 0.001]) {
      const r = at('relu(a-2)', { a: 2 }, 'a', h);
      expect(r.grad).toBe(0);
      expect(r.gap).toBeCloseTo(h, 12);
      expect(r.corner).toBe('at');
      const text = nudgeVerdict(r, 'a', h);
      expect(text).toMatch(/^a sits at a corner of relu here/);
      expect(text).toContain('0 by convention, describes one side only');
      expect(text).toContain(`falls short of the real change by ${short(h)}, which is h itself`);
      expect(text).not.toMatch(/curves/);
    }
  });

  it('at a corner the nudge leaves towards the flat side, says the match holds for that side only', () => {
    const r = at('relu(2-a)', { a: 2 }, 'a', 0.01);
    expect(r.exact).toBe(true);
    expect(r.corner).toBe('at');
    expect(nudgeVerdict(r, 'a', 0.01)).toMatch(/describes one side only; this nudge goes to that side/);
  });

  it('a nudge that crosses a corner says so', () => {
    const r = at('relu(a-2)', { a: 1.95 }, 'a', 0.1);
    expect(r.corner).toBe('crossed');
    expect(nudgeVerdict(r, 'a', 0.1)).toMatch(/^Between a and a \+ 0\.1 the input of a relu crosses 0/);
  });

  it('says over or under, never a negative miss', () => {
    const over = at('log(a)', { a: 2 }, 'a', 0.1); // concave: the tangent overshoots
    expect(over.gap).toBeLessThan(0);
    expect(nudgeVerdict(over, 'a', 0.1)).toContain(`overshoots the real change by ${short(-over.gap)}`);
    const under = at('a^3', { a: 2 }, 'a', 0.1);
    expect(under.gap).toBeGreaterThan(0);
    expect(nudgeVerdict(under, 'a', 0.1)).toContain(`falls short of the real change by ${short(under.gap)}`);
    for (const r of [over, under]) expect(nudgeVerdict(r, 'a', 0.1)).not.toContain('−');
    expect(nudgeVerdict(at('a*b + a', { a: 2, b: 3 }, 'a', 0.001), 'a', 0.001)).toMatch(/^The gradient predicts the change exactly/);
  });
});
