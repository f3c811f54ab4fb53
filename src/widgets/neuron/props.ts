// What chapter 3's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import { networkControls } from '../../viz/neuron/network.ts';
import { stageRanges } from '../../viz/neuron/neuron-stage.ts';

/** A number its slider can show: inside the slider's range. */
const within = (r: { min: number; max: number }) => z.number().min(r.min).max(r.max);

export const neuronStageProps = () =>
  z.strictObject({
    stage: z.enum(['adder', 'weight', 'relu', 'dot']),
    x: within(stageRanges.x).optional(),
    w: within(stageRanges.w).optional(),
    b: within(stageRanges.b).optional(),
    xs: z.array(within(stageRanges.x)).length(3).optional(),
    ws: z.array(within(stageRanges.w)).length(3).optional(),
  });
export type NeuronStageProps = z.input<ReturnType<typeof neuronStageProps>>;

export const networkPlaygroundProps = () =>
  z.strictObject({ initial: z.array(z.number()).length(networkControls.length, `one number per slider (${networkControls.length})`).optional() });
export type NetworkPlaygroundProps = z.input<ReturnType<typeof networkPlaygroundProps>>;

export const trainByHandProps = () => z.strictObject({ firstSeed: z.number().int().min(1).optional() });
export type TrainByHandProps = z.input<ReturnType<typeof trainByHandProps>>;
