// What chapter 7's MDX may pass to OptimizerLandscape, checked when the page is built. The schema
// is built by a function so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import { landscape } from '../../viz/training/landscape.ts';

const coordinate = () => z.number().finite().min(landscape.domain.min).max(landscape.domain.max);

export const optimizerLandscapeProps = () =>
  z.strictObject({
    start: z.strictObject({ x: coordinate(), y: coordinate() }).optional(),
    lr: z.number().min(landscape.lr.min).max(landscape.lr.max).optional(),
  });
export type OptimizerLandscapeProps = z.input<ReturnType<typeof optimizerLandscapeProps>>;

/** AdamSchedule: the number of steps of the run it draws. */
export const adamScheduleProps = () => z.strictObject({ steps: z.number().int().min(2) });
export type AdamScheduleProps = z.input<ReturnType<typeof adamScheduleProps>>;
