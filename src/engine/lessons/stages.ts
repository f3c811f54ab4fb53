// The five teaching stages of Value, each with its runnable example and the inputs the
// reader can change. Chapter 4 shows each stage's source region beside its example.

import { example as stage1 } from './stage1-wrapper.ts';
import { example as stage2 } from './stage2-operators.ts';
import { example as stage3 } from './stage3-children.ts';
import { example as stage4 } from './stage4-local-gradients.ts';
import { example as stage5 } from './stage5-backward.ts';

/** One stage: where its code is, the example's inputs (in argument order) and the example. */
export type Stage = {
  n: 1 | 2 | 3 | 4 | 5;
  file: string;
  inputs: readonly { name: string; value: number }[];
  run: (...args: number[]) => string[];
};

export const stages: readonly Stage[] = [
  { n: 1, file: 'src/engine/lessons/stage1-wrapper.ts', inputs: [{ name: 'x', value: -6 }, { name: 'y', value: 7 }], run: (x, y) => stage1(x, y) },
  { n: 2, file: 'src/engine/lessons/stage2-operators.ts', inputs: [{ name: 'x', value: -6 }, { name: 'y', value: 7 }, { name: 'z', value: 10 }], run: (x, y, z) => stage2(x, y, z) },
  { n: 3, file: 'src/engine/lessons/stage3-children.ts', inputs: [{ name: 'x', value: 2 }, { name: 'y', value: 3 }], run: (x, y) => stage3(x, y) },
  { n: 4, file: 'src/engine/lessons/stage4-local-gradients.ts', inputs: [{ name: 'x', value: 2 }, { name: 'y', value: 3 }], run: (x, y) => stage4(x, y) },
  { n: 5, file: 'src/engine/lessons/stage5-backward.ts', inputs: [{ name: 'x', value: 2 }, { name: 'y', value: 3 }], run: (x, y) => stage5(x, y) },
];

/** A stage by number. */
export function stage(n: number): Stage {
  const s = stages.find((st) => st.n === n);
  if (!s) throw new Error(`No stage ${n}; stages are 1 to ${stages.length}`);
  return s;
}
