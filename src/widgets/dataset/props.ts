// What chapter 1's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import type { DatasetStats } from '../../viz/dataset/dataset-stats.ts';

const count = () => z.number().int().min(0);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export const datasetExplorerProps = () =>
  z.strictObject({
    stats: z.custom<DatasetStats>((v) => isRecord(v) && isRecord(v.summary) && Array.isArray(v.lengths) && isRecord(v.letters), 'datasetStats() of the shipped names'),
    chars: z.array(z.string().length(1, 'one character')).min(1, 'the vocabulary, at least one character'),
    sample: z.array(z.string()),
    sampleSize: count().min(1).max(100).optional(),
    seed: z.number().int().optional(),
  });
export type DatasetExplorerProps = z.input<ReturnType<typeof datasetExplorerProps>>;

export const datasetUploadProps = () => z.strictObject({ defaultCount: count() });
export type DatasetUploadProps = z.input<ReturnType<typeof datasetUploadProps>>;

export const datasetPeekProps = () =>
  z.strictObject({
    kind: z.enum(['raw', 'list']),
    rows: z.array(z.strictObject({ at: z.string(), value: z.string().optional(), note: z.string().optional() })).min(1),
    label: z.string().min(1, 'a description of the figure, for screen readers'),
  });
export type DatasetPeekProps = z.input<ReturnType<typeof datasetPeekProps>>;
