// What chapter 6's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const parameterCalculatorProps = () => z.strictObject({});
export type ParameterCalculatorProps = z.input<ReturnType<typeof parameterCalculatorProps>>;

export const toyMlpProps = () => z.strictObject({});
export type ToyMlpProps = z.input<ReturnType<typeof toyMlpProps>>;

export const toyOutputProps = () => z.strictObject({});
export type ToyOutputProps = z.input<ReturnType<typeof toyOutputProps>>;

const ranked = () => z.object({ token: z.number().int().min(0), label: z.string().min(1), p: z.number().min(0).max(1) });

export const nextTokenProps = () =>
  z.strictObject({
    initialPrefix: z.string().max(15, 'a prefix shorter than the block size'),
    initialRanked: z.array(ranked()).min(2, 'the distribution after initialPrefix, computed at build time'),
    initialTarget: z.number().int().min(0, 'a token id'),
  });
export type NextTokenProps = z.input<ReturnType<typeof nextTokenProps>>;
