// What the home page may pass to the name generator, checked when the page is built.

import { z } from 'astro/zod';

export const nameGeneratorProps = z.strictObject({
  initialNames: z.array(z.string()).min(1, 'names sampled at build time'),
  initialTemperature: z.number().min(0).max(2).optional(),
});
