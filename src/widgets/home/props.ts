// What the home page may pass to the name generator, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const nameGeneratorProps = () =>
  z.strictObject({
    initialNames: z.array(z.string()).min(1, 'names sampled at build time'),
    initialTemperature: z.number().min(0).max(2).optional(),
  });
export type NameGeneratorProps = z.input<ReturnType<typeof nameGeneratorProps>>;
