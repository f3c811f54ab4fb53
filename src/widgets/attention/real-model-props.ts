// What chapter 5's MDX may pass to the real-model widgets (the KV cache view, the head
// heatmaps, the head slices), checked when the page is built. Schemas are built by functions
// so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import type { NameTrace } from '../../viz/attention/name-trace.ts';

const nameTrace = () =>
  z.custom<NameTrace>(
    (v) => typeof v === 'object' && v !== null && typeof (v as NameTrace).name === 'string' && Array.isArray((v as NameTrace).positions) && (v as NameTrace).positions.length > 0,
    'traceName() of the default name, computed at build time (realHeads.trace)',
  );

const positive = () => z.number().int().min(1);
const config = () => z.strictObject({ vocabSize: positive(), nEmbd: positive(), nHead: positive(), nLayer: positive(), blockSize: positive() });

export const kvCacheViewProps = () => z.strictObject({ initial: nameTrace(), config: config() });
export type KvCacheViewProps = z.input<ReturnType<typeof kvCacheViewProps>>;

export const headHeatmapsProps = () => z.strictObject({ initial: nameTrace() });
export type HeadHeatmapsProps = z.input<ReturnType<typeof headHeatmapsProps>>;

export const headSlicesProps = () => z.strictObject({ initial: nameTrace(), headDim: positive() });
export type HeadSlicesProps = z.input<ReturnType<typeof headSlicesProps>>;
