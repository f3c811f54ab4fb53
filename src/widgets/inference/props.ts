// What chapter 8's MDX may pass to the generation widgets, checked when the page is built.
// Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

const ranked = () => z.object({ token: z.number().int().min(0), label: z.string().min(1), p: z.number().min(0).max(1) });

export const stepGeneratorProps = () =>
  z.strictObject({
    /** the first step's distribution on the shipped model, computed at build time (the still picture) */
    initialRanked: z.array(ranked()).min(2),
    initialSeed: z.number().int().min(0).optional(),
    initialTemperature: z.number().min(0).max(2).optional(),
  });
export type StepGeneratorProps = z.input<ReturnType<typeof stepGeneratorProps>>;

export const nameGeneratorFullProps = () =>
  z.strictObject({
    /** names sampled at build time with the default seed, shown before hydration */
    initial: z.array(z.strictObject({ name: z.string(), cut: z.boolean(), perToken: z.number(), memorised: z.boolean() })).min(1),
    initialSeed: z.number().int().min(0).optional(),
    initialTemperature: z.number().min(0).max(2).optional(),
  });
export type NameGeneratorFullProps = z.input<ReturnType<typeof nameGeneratorFullProps>>;

export const cacheCostProps = () =>
  z.strictObject({
    /** how many names the timing generates each way, over all rounds */
    names: z.number().int().min(1).max(5000),
    /** in how many rounds, the order of the two paths alternating */
    rounds: z.number().int().min(1).max(20),
    /** the shipped model's config, for the chart drawn at build time */
    config: z.strictObject({ vocabSize: z.number().int().positive(), nEmbd: z.number().int().positive(), nHead: z.number().int().positive(), nLayer: z.number().int().positive(), blockSize: z.number().int().positive() }),
  });
export type CacheCostProps = z.input<ReturnType<typeof cacheCostProps>>;
