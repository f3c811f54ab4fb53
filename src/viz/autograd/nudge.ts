// The nudge check: move one input by h and compare how much the output really moves with
// what its gradient predicts (grad × h). Both numbers come from the engine.

import { short } from '../shared/format.ts';
import { fail, type Failed } from '../shared/problem.ts';
import { evaluateExpr, valueIn, variableValues } from './expr.ts';
import { graphOf, gradientsOf, type ValueGraph } from './value-graph.ts';

/**
 * Where the nudge meets a relu corner: 'at' when a relu's input is exactly 0 before the nudge
 * and moves off it; 'crossed' when a relu's input changes sign during the nudge; else null.
 */
export type Corner = 'at' | 'crossed' | null;

export type NudgeResult =
  | {
      ok: true; before: number; after: number; change: number; grad: number; predicted: number; gap: number;
      /** The prediction matched up to floating-point rounding: L is a straight line in this input. */
      exact: boolean;
      corner: Corner;
    }
  | Failed;

/** L at env, L with `name` moved by h, and ∂L/∂name from backward. */
export function nudge(src: string, env: Readonly<Record<string, number>>, name: string, h: number): NudgeResult {
  const at = evaluateExpr(src, env);
  if (!at.ok) return at;
  const start = valueIn(env, name);
  if (start === undefined) return fail(`${name} needs a value`);
  const names = Object.keys(env);
  const moved = evaluateExpr(src, variableValues(names, new Map(names.map((v) => [v, v === name ? start + h : env[v]]))));
  if (!moved.ok) return fail(`After the nudge: ${moved.problem.message}`, moved.problem.at);
  const graph = graphOf(at.graph.root, at.graph.names);
  const grads = gradientsOf(graph);
  const i = graph.nodes.findIndex((n) => n.kind === 'input' && n.name === name);
  const grad = i < 0 ? 0 : grads[i]; // a variable that is not in the expression does not move it
  const before = at.graph.root.data;
  const after = moved.graph.root.data;
  const predicted = grad * h;
  const gap = after - before - predicted;
  const corner = cornerOf(graph, graphOf(moved.graph.root, moved.graph.names));
  return { ok: true, before, after, change: after - before, grad, predicted, gap, exact: Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(before)), corner };
}

/** The relu corner the nudge meets, comparing each relu's input before and after (the two graphs have the same shape). */
function cornerOf(before: ValueGraph, after: ValueGraph): Corner {
  let crossed = false;
  for (const [i, n] of before.nodes.entries()) {
    if (n.op !== 'relu') continue;
    const x0 = before.nodes[n.children[0]].data;
    const x1 = after.nodes[after.nodes[i].children[0]].data;
    if (x0 === 0 && x1 !== 0) return 'at';
    if (Math.sign(x0) * Math.sign(x1) < 0) crossed = true;
  }
  return crossed ? 'crossed' : null;
}

/** How far the straight-line prediction is from the real change, in words and never negative. */
function missText(gap: number): string {
  return `${gap > 0 ? 'falls short of the real change' : 'overshoots the real change'} by ${short(Math.abs(gap))}`;
}

/** The sentence under the nudge check: why grad × h does or does not match the real change. */
export function nudgeVerdict(r: Extract<NudgeResult, { ok: true }>, name: string, h: number): string {
  if (r.corner === 'at' && r.exact) {
    return `${name} sits at a corner of relu here (its input is exactly 0). The gradient there, 0 by convention, describes one side only; this nudge goes to that side, so the prediction happens to match. On the other side of the corner the slope is different.`;
  }
  if (r.corner === 'at') {
    const itself = Math.abs(Math.abs(r.gap) - h) <= 1e-9 * Math.max(1, h) ? `, which is h itself` : '';
    return `${name} sits at a corner of relu here (its input is exactly 0). The gradient there, 0 by convention, describes one side only, and this nudge goes to the other side, so the prediction ${missText(r.gap)}${itself}. At a corner a smaller h shrinks the miss only in proportion to h, not a hundredfold.`;
  }
  if (r.exact) return `The gradient predicts the change exactly (up to the last digits of floating point): L is a straight line in ${name} here.`;
  if (r.corner === 'crossed') {
    return `Between ${name} and ${name} + ${h} the input of a relu crosses 0, a corner where its slope jumps, so the prediction ${missText(r.gap)}. A smaller h that stays on one side of the corner gets rid of the jump.`;
  }
  return `L curves in ${name} here, so the straight-line prediction ${missText(r.gap)}. Make h ten times smaller and the miss usually shrinks about a hundredfold.`;
}
