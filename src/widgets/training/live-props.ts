// What chapter 7's MDX may pass to the live-training widgets, checked when the page is built.
// Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

const positiveInt = () => z.number().int().min(1);

export const liveTrainerProps = () =>
  z.strictObject({
    defaults: z.strictObject({ seed: z.number().int().min(0), numSteps: positiveInt(), lr: z.number().positive() }),
    cliFinalLoss: z.number().finite(),
    cliCommand: z.string().min(1),
    uniform: z.number().positive(), // −ln(1/vocab) of the shipped names
    bigram: z.number().positive(), // the counting model's loss on the shipped names
    vocabSize: positiveInt(),
    parameters: positiveInt(),
    documents: positiveInt(),
    blockSize: positiveInt(),
    attentionName: z.string().min(1),
  });
export type LiveTrainerProps = z.input<ReturnType<typeof liveTrainerProps>>;

export const liveInsideProps = () => z.strictObject({ attentionName: z.string().min(1) });
export type LiveInsideProps = z.input<ReturnType<typeof liveInsideProps>>;
