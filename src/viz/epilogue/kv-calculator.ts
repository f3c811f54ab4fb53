// The KV-cache calculator's state to view: for a model, a context, a batch and a number
// format, the cache with the model's own key/value heads and with one per query head (no
// grouped-query attention), the product written out, and the bar lengths, all on one scale
// with the model's own weights, so the bars grow and shrink with the context, batch and format.

import { headDim } from '../../engine/config.ts';
import { parameterTable } from '../mlp/parameter-table.ts';
import { bytes, counted, int } from '../shared/format.ts';
import { kvCacheBytes, numberFormats } from './kv-cache.ts';
import { comparedModel, type ComparedModel } from './models.ts';

/** The reader's choices. */
export type KvChoice = { model: string; context: number; batch: number; bytesPerNumber: number };

/** The largest batch the calculator offers. */
export const maxBatch = 64;

/** The context slider's step for a model: 64 stops across its longest context, at least 1 token. */
export const contextStep = (m: ComparedModel) => Math.max(1, Math.floor(m.config.blockSize / 64));

/** A choice that fits its model: the context within 1…block size, the batch within 1…maxBatch, a known format. */
export function clampChoice(c: KvChoice): KvChoice {
  const m = comparedModel(c.model);
  const context = Math.min(m.config.blockSize, Math.max(1, Math.round(c.context)));
  const batch = Math.min(maxBatch, Math.max(1, Math.round(c.batch)));
  const bytesPerNumber = numberFormats.some((f) => f.bytes === c.bytesPerNumber) ? c.bytesPerNumber : 2;
  return { model: c.model, context, batch, bytesPerNumber };
}

/** The starting choice for a model: its full context, one sequence, the format it is usually served in (float64 for microgpt, bf16 otherwise). */
export function defaultChoice(model: string): KvChoice {
  const m = comparedModel(model);
  return { model, context: m.config.blockSize, batch: 1, bytesPerNumber: model === 'microgpt' ? 8 : 2 };
}

/** One bar of the comparison: a cache (with the model's own KV heads, or one per query head), or the weights for scale. */
export type KvBar = { id: 'gqa' | 'full' | 'weights'; label: string; bytes: number; text: string; product: string; fraction: number };

/** The number format a model's weights are kept in for the calculator's scale: float64 for microgpt, bf16 otherwise. */
const weightsFormat = (model: string) => numberFormats.find((f) => f.bytes === defaultChoice(model).bytesPerNumber)!;

/** What the calculator shows for a choice. */
export function kvView(choice: KvChoice) {
  const c = clampChoice(choice);
  const m = comparedModel(c.model);
  const headSize = headDim(m.config);
  const ownKv = m.options.kvHeads ?? m.config.nHead;
  const grouped = ownKv < m.config.nHead;
  const cacheBar = (id: 'gqa' | 'full', label: string, kvHeads: number): KvBar => {
    const n = kvCacheBytes({ layers: m.config.nLayer, kvHeads, headSize, context: c.context, batch: c.batch, bytesPerNumber: c.bytesPerNumber });
    const product = [
      counted(m.config.nLayer, 'layer'), '2 (K and V)', counted(kvHeads, 'KV head'), `${int(headSize)} numbers per head`,
      counted(c.context, 'position'), counted(c.batch, 'sequence'), counted(c.bytesPerNumber, 'byte'),
    ].join(' × ') + ` = ${counted(n, 'byte')}`;
    return { id, label, bytes: n, text: bytes(n), product, fraction: 0 };
  };
  const table = parameterTable(m.config, m.options);
  if (!table.ok) throw new Error(`${m.label}: ${table.problem.message}`);
  const wf = weightsFormat(c.model);
  const weightBytes = table.total * wf.bytes;
  const weights: KvBar = {
    id: 'weights', label: `the weights themselves, in ${wf.label}, for scale`, bytes: weightBytes, text: bytes(weightBytes),
    product: `${int(table.total)} parameters × ${counted(wf.bytes, 'byte')} = ${counted(weightBytes, 'byte')}`, fraction: 0,
  };
  const bars: KvBar[] = [
    cacheBar('gqa', grouped ? `with grouped-query attention (${int(ownKv)} KV heads)` : `as built (${int(ownKv)} KV heads, one per head)`, ownKv),
    cacheBar('full', `one KV head per query head (${int(m.config.nHead)})`, m.config.nHead),
  ];
  // one scale for the three bars: the weights, until a cache outgrows them
  const scale = Math.max(weightBytes, ...bars.map((b) => b.bytes));
  for (const b of [...bars, weights]) b.fraction = b.bytes / scale;
  return { choice: c, model: m, grouped, ratio: m.config.nHead / ownKv, bars, weights, perToken: bytes(bars[0].bytes / (c.context * c.batch)) };
}

/** What the live region says after a change. */
export function kvSaid(view: ReturnType<typeof kvView>): string {
  const [own, full] = view.bars;
  const base = `${view.model.label}, ${counted(view.choice.context, 'position')}, batch ${int(view.choice.batch)}, ${counted(view.choice.bytesPerNumber, 'byte')} per number: ${own.text}`;
  return view.grouped ? `${base} with grouped-query attention, ${full.text} without` : `${base}; it has no grouped-query attention`;
}
