// What chapter 6's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

const count = () => z.number().int().positive();

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

export const blockDiagramProps = () =>
  z.strictObject({
    /** gpt()'s region as components/code-regions.ts reads it: the text and each line's number in the file. */
    source: z.strictObject({ code: z.string().min(1), startLine: count(), endLine: count(), lineNumbers: z.array(count()).min(1) }),
    /** The shipped model's config: the state-dict shapes are computed from it. */
    config: z.strictObject({ vocabSize: count(), nEmbd: count(), nHead: count(), nLayer: count(), blockSize: count() }),
    /** The shipped training run's steps and documents, for the note on dropout. */
    steps: count(),
    documents: count(),
  });
export type BlockDiagramProps = z.input<ReturnType<typeof blockDiagramProps>>;

export const modelMapProps = () => z.strictObject({});
export type ModelMapProps = z.input<ReturnType<typeof modelMapProps>>;
