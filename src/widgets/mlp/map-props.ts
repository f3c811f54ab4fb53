// What chapter 6 may pass to the block diagram and the model map, checked when the page is
// built. Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

const count = () => z.number().int().positive();

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
