// What chapter 8's MDX may pass to the temperature and truncation widgets, checked when the page
// is built. Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

const logitProps = () => ({
  initialPrefix: z.string().max(15, 'a prefix shorter than the block size'),
  /** The shipped model's logits after initialPrefix, computed at build time: the still picture. */
  initialLogits: z.array(z.number()).min(2),
  /** The shipped tokenizer's characters (BOS is the id after them). */
  chars: z.array(z.string().length(1)).min(1),
});

export const temperatureExplorerProps = () => z.strictObject({ ...logitProps(), initialTemperature: z.number().min(0).max(10) });
export type TemperatureExplorerProps = z.input<ReturnType<typeof temperatureExplorerProps>>;

export const truncationExplorerProps = () =>
  z.strictObject({ ...logitProps(), initialK: z.number().int().min(1), initialP: z.number().gt(0).max(1) });
export type TruncationExplorerProps = z.input<ReturnType<typeof truncationExplorerProps>>;
