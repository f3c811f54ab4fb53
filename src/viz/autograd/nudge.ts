// The nudge check: move one input by h and compare how much the output really moves with
// what its gradient predicts (grad × h). Both numbers come from the engine.

import { fail, type Failed } from '../shared/problem.ts';
import { evaluateExpr, valueIn, variableValues } from './expr.ts';
import { graphOf, gradientsOf } from './value-graph.ts';

export type NudgeResult =
  | {
      ok: true; before: number; after: number; change: number; grad: number; predicted: number; gap: number;
      /** The prediction matched up to floating-point rounding: L is a straight line in this input. */
      exact: boolean;
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
  return { ok: true, before, after, change: after - before, grad, predicted, gap, exact: Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(before)) };
}
