// What chapter 7's MDX may pass to the one-step widgets (SurprisalBars, StepUpClose), checked
// when the page is built. Schemas are built by functions so that zod never reaches the browser.

import { z } from 'astro/zod';
import type { SurprisalView } from '../../viz/training/surprisal.ts';
import type { ForwardRow } from '../../viz/training/up-close.ts';

const view = () =>
  z.custom<SurprisalView>(
    (v) => typeof v === 'object' && v !== null && typeof (v as SurprisalView).name === 'string' && Array.isArray((v as SurprisalView).rows) && (v as SurprisalView).rows.length > 0,
    'surprisalView() of the default name, computed at build time (stepFacts.bars)',
  );

const seed = () => z.number().int().min(0, 'the seed of the shipped run (stepFacts.seed)');
const steps = () => z.number().int().min(1, 'the shipped run’s number of steps (stepFacts.numSteps)');

export const surprisalBarsProps = () => z.strictObject({ initial: z.strictObject({ untrained: view(), trained: view() }), seed: seed(), vocabSize: z.number().int().min(2, 'the vocabulary size (stepFacts.vocabSize)') });
export type SurprisalBarsProps = z.input<ReturnType<typeof surprisalBarsProps>>;

export const stepUpCloseProps = () =>
  z.strictObject({
    initial: z.strictObject({
      name: z.string(),
      loss: z.number().positive(),
      positions: z.custom<ForwardRow[]>((v) => Array.isArray(v) && v.length > 0, 'the forward rows of the default name (stepFacts.upCloseInitial)'),
    }),
    seed: seed(),
    numSteps: steps(),
  });
export type StepUpCloseProps = z.input<ReturnType<typeof stepUpCloseProps>>;
