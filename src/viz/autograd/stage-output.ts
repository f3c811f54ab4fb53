// What a teaching stage's runner prints. The stages print what their code prints, except where
// plain floating point would show a bare -Infinity or NaN: there the runner prints a note in
// words instead, as the expression widgets do, and says what Python's math module would do.

import { Value as Stage4 } from '../../engine/lessons/stage4-local-gradients.ts';
import { stage } from '../../engine/lessons/stages.ts';
import { short } from '../shared/format.ts';

/** The ops of stage 4's example, in the order it prints them. */
const stage4Ops: readonly { call: string; run: (a: Stage4, b: Stage4) => Stage4; name: string }[] = [
  { call: 'a.add(b)', run: (a, b) => a.add(b), name: 'sum' },
  { call: 'a.mul(b)', run: (a, b) => a.mul(b), name: 'product' },
  { call: 'a.pow(2)', run: (a) => a.pow(2), name: 'square' },
  { call: 'a.log()', run: (a) => a.log(), name: 'log' },
  { call: 'a.exp()', run: (a) => a.exp(), name: 'exponential' },
  { call: 'a.relu()', run: (a) => a.relu(), name: 'ReLU' },
];

/** A note for one stage-4 op whose result or local gradient is not a finite number, or null. */
export function stage4Note(call: string, x: number, y: number): string | null {
  const op = stage4Ops.find((o) => o.call === call);
  if (!op) throw new RangeError(`No op ${call} in stage 4's example`);
  const v = op.run(new Stage4(x), new Stage4(y));
  const finite = Number.isFinite(v.data) && v.localGrads.every(Number.isFinite);
  if (finite) return null;
  if (call === 'a.log()' && x === 0) {
    return `${call}: No value. The log of 0 is minus infinity and its local gradient 1/a is infinite; log needs a positive input (Python's math.log stops here with “math domain error”).`;
  }
  if (call === 'a.log()' && x < 0) {
    return `${call}: No value. The log of a negative number (a = ${short(x)}) is not a real number; log needs a positive input (Python's math.log stops here with “math domain error”).`;
  }
  if (!Number.isFinite(v.data)) {
    const python = call === 'a.exp()' ? ' (Python\'s math.exp stops here with “math range error”)' : '';
    return `${call}: No value. The ${op.name} is too large a number for a float: it overflows to infinity${python}.`;
  }
  return `${call}: data ${short(v.data)}, but its local gradient is too large a number for a float (it overflows to infinity).`;
}

/** The lines the runner of stage n prints for these inputs. */
export function stageOutput(n: number, values: readonly number[]): string[] {
  const lines = stage(n).run(...values);
  if (n !== 4) return lines;
  const [x, y] = values;
  return lines.map((line, i) => stage4Note(stage4Ops[i].call, x, y) ?? line);
}
