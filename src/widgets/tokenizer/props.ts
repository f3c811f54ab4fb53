// What chapter 2's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import type { BpeSnapshot } from '../../viz/tokenizer/bpe-view.ts';

const tokenId = () => z.number().int().min(0);
const label = () => z.string().min(1, 'a description, for screen readers');
const vocabulary = () => z.array(z.string().length(1, 'one character')).min(1, 'the vocabulary, at least one character');

export const tokenizerPlaygroundProps = () => z.strictObject({ chars: vocabulary(), initialText: z.string().max(40).optional() });
export type TokenizerPlaygroundProps = z.input<ReturnType<typeof tokenizerPlaygroundProps>>;

export const bpeDemoProps = () =>
  z.strictObject({
    initial: z.custom<BpeSnapshot>((v) => typeof v === 'object' && v !== null && Array.isArray((v as BpeSnapshot).averages), 'bpeDemo().snapshot, computed at build time'),
    maxMerges: z.number().int().min(1),
  });
export type BpeDemoProps = z.input<ReturnType<typeof bpeDemoProps>>;

export const tokenChipsProps = () =>
  z.strictObject({
    chips: z.array(z.strictObject({ kind: z.enum(['bos', 'char', 'unknown']), text: z.string(), id: tokenId().nullable() })),
    label: label(),
    showText: z.boolean().optional(),
    showIds: z.boolean().optional(),
    alternate: z.boolean().optional(),
    large: z.boolean().optional(),
  });
export type TokenChipsProps = z.input<ReturnType<typeof tokenChipsProps>>;

export const trainingPairsProps = () =>
  z.strictObject({
    pairs: z.array(z.strictObject({ position: tokenId(), input: tokenId(), target: tokenId() })),
    texts: z.array(z.string()).min(1),
    caption: z.string().min(1),
  });
export type TrainingPairsProps = z.input<ReturnType<typeof trainingPairsProps>>;

export const vocabularyTableProps = () => z.strictObject({ entries: z.array(z.strictObject({ text: z.string(), id: tokenId() })).min(1), label: label() });
export type VocabularyTableProps = z.input<ReturnType<typeof vocabularyTableProps>>;

const loss = () => z.number().positive().or(z.literal(Infinity));
export const countingModelProps = () =>
  z.strictObject({
    chars: vocabulary(),
    // the pair counts, flat: counts[prev · V + next], V = chars.length + 1
    counts: z.array(z.number().int().min(0)),
    // the losses at the initial smoothing, computed at build time (the still picture has no names to score)
    losses: z.strictObject({ all: loss(), heldOut: loss().nullable() }),
  }).refine((p) => p.counts.length === (p.chars.length + 1) ** 2, { message: 'counts must hold (chars.length + 1)² entries, one per pair', path: ['counts'] });
export type CountingModelProps = z.input<ReturnType<typeof countingModelProps>>;
