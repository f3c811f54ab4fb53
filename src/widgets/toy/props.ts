// What chapters 5 and 6 may pass to the toy's shared widgets, checked when the page is built.
// Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const tokenPickerProps = () => z.strictObject({});
export type TokenPickerProps = z.input<ReturnType<typeof tokenPickerProps>>;

// chapter 5's toy walkthrough (helper toy-walk): views that take no props and follow the picker
export const toyWeightsProps = () => z.strictObject({});
export const embeddingViewProps = () => z.strictObject({});
export const cacheComparisonProps = () => z.strictObject({});
export const residualViewProps = () => z.strictObject({});
/** One figure of the step-by-step attention scrolly: which step it shows. */
export const attentionStepProps = (ids: readonly [string, ...string[]]) => z.strictObject({ step: z.enum(ids) });
