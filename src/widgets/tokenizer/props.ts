// What chapter 2's MDX may pass to each of its widgets, checked when the page is built.

import { z } from 'astro/zod';
import type { BpeSnapshot } from '../../viz/tokenizer/bpe-view.ts';

const id = z.number().int().min(0);
const label = z.string().min(1, 'a description, for screen readers');

export const tokenizerPlaygroundProps = z.strictObject({
  chars: z.array(z.string().length(1, 'one character')).min(1, 'the vocabulary, at least one character'),
  initialText: z.string().max(40).optional(),
});

export const bpeDemoProps = z.strictObject({
  initial: z.custom<BpeSnapshot>((v) => typeof v === 'object' && v !== null && Array.isArray((v as BpeSnapshot).averages), 'bpeDemo().snapshot, computed at build time'),
  maxMerges: z.number().int().min(1),
});

export const tokenChipsProps = z.strictObject({
  chips: z.array(z.strictObject({ kind: z.enum(['bos', 'char', 'unknown']), text: z.string(), id: id.nullable() })),
  label,
  showText: z.boolean().optional(),
  showIds: z.boolean().optional(),
  alternate: z.boolean().optional(),
  large: z.boolean().optional(),
});

export const trainingPairsProps = z.strictObject({
  pairs: z.array(z.strictObject({ position: id, input: id, target: id })),
  texts: z.array(z.string()).min(1),
  caption: z.string().min(1),
});

export const vocabularyTableProps = z.strictObject({
  entries: z.array(z.strictObject({ text: z.string(), id })).min(1),
  label,
});
