// The KV cache's size: every layer keeps a key and a value vector per key/value head for every
// position of every sequence in the batch, each number stored in some bytes.

/** One cache to size. */
export type KvCacheInput = {
  layers: number;
  kvHeads: number; // key/value heads: n_head without grouped-query attention, fewer with it
  headSize: number; // numbers per head: n_embd / n_head
  context: number; // positions kept, per sequence
  batch: number; // sequences served at once
  bytesPerNumber: number; // 8 float64, 4 fp32, 2 bf16, 1 fp8
};

/** The number formats the calculator offers, widest first. */
export const numberFormats = [
  { id: 'float64', label: 'float64', bytes: 8 },
  { id: 'fp32', label: 'fp32', bytes: 4 },
  { id: 'bf16', label: 'bf16', bytes: 2 },
  { id: 'fp8', label: 'fp8', bytes: 1 },
] as const;

/** Bytes of the cache: layers × 2 (K and V) × KV heads × head size × context × batch × bytes per number. */
export function kvCacheBytes(c: KvCacheInput): number {
  return c.layers * 2 * c.kvHeads * c.headSize * c.context * c.batch * c.bytesPerNumber;
}

/** Bytes one more token adds to the cache of one sequence. */
export function kvBytesPerToken(c: Omit<KvCacheInput, 'context' | 'batch'>): number {
  return kvCacheBytes({ ...c, context: 1, batch: 1 });
}
