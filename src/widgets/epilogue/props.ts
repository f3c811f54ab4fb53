// What the epilogue's MDX may pass to its widgets, checked when the page is built. Schemas are
// built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const kvCacheCalculatorProps = () => z.strictObject({
  /** The model shown first: an id of src/viz/epilogue/models.ts. */
  initialModel: z.enum(['microgpt', 'gpt2', 'llama3-8b', 'mixtral']).optional(),
});
export type KvCacheCalculatorProps = z.input<ReturnType<typeof kvCacheCalculatorProps>>;
