// What chapter 3's MDX may pass to each of its widgets, checked when the page is built.

import { z } from 'astro/zod';
import { stageRanges } from '../../viz/neuron/neuron-stage.ts';
import { networkControls } from '../../viz/neuron/network.ts';

/** A number a slider can show: inside its range. */
const within = (r: { min: number; max: number }) => z.number().min(r.min).max(r.max);

export const neuronStageProps = z.strictObject({
  stage: z.enum(['adder', 'weight', 'relu', 'dot']),
  x: within(stageRanges.x).optional(),
  w: within(stageRanges.w).optional(),
  b: within(stageRanges.b).optional(),
  xs: z.array(within(stageRanges.x)).length(3).optional(),
  ws: z.array(within(stageRanges.w)).length(3).optional(),
});

export const networkPlaygroundProps = z.strictObject({
  initial: z.array(z.number()).length(networkControls.length, `one number per slider (${networkControls.length})`).optional(),
});

export const trainByHandProps = z.strictObject({
  firstSeed: z.number().int().min(1).optional(),
});
