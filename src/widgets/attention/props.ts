// What chapter 5's MDX may pass to the playground helper's widgets, checked when the page is
// built. Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import { spreadDims } from '../../viz/attention/score-spread.ts';

export const scoreSpreadProps = () =>
  z.strictObject({
    d: z.number().refine((d) => (spreadDims as readonly number[]).includes(d), `one of ${spreadDims.join(', ')}`).optional(),
  });
export type ScoreSpreadProps = z.input<ReturnType<typeof scoreSpreadProps>>;

export const attentionPlaygroundProps = () => z.strictObject({});
export type AttentionPlaygroundProps = z.input<ReturnType<typeof attentionPlaygroundProps>>;
