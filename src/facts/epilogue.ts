// Numbers the epilogue quotes: each compared model's parameters counted by chapter 6's
// calculator (with the architecture options its published config needs), and KV-cache sizes
// from the same configs, all computed at build time.

import { headDim } from '../engine/config.ts';
import { kvBytesPerToken, kvCacheBytes } from '../viz/epilogue/kv-cache.ts';
import { comparedModel, comparedModels, type ComparedModel } from '../viz/epilogue/models.ts';
import { formulaLabels, formulaParts, llamaStyleCount } from '../viz/epilogue/parameter-formula.ts';

/** The parts of the count by hand, in order, with their names and symbols, for the epilogue's table. */
export { formulaLabels, formulaParts };
import { parameterTable, type ParameterTable } from '../viz/mlp/parameter-table.ts';
import { bytes, fixed, int } from '../viz/shared/format.ts';
import { dataset, model as shippedModel, training } from './shipped.ts';

function counted(m: ComparedModel): ParameterTable {
  const t = parameterTable(m.config, m.options);
  if (!t.ok) throw new Error(`${m.label}: ${t.problem.message}`);
  return t;
}

/** Parameters one token passes through: with experts, only the active ones' MLP weights. */
function activeCount(m: ComparedModel, t: ParameterTable): number {
  const experts = m.options.experts ?? 1;
  if (experts === 1 || !m.activeExperts) return t.total;
  const expertRows = t.rows.filter((r) => /\.mlp_(fc[12]|gate)$/.test(r.name));
  const allExperts = expertRows.reduce((n, r) => n + r.count, 0);
  return t.total - allExperts + (allExperts * m.activeExperts) / experts;
}

const micro = comparedModels[0];
for (const f of ['vocabSize', 'nEmbd', 'nHead', 'nLayer', 'blockSize'] as const) {
  if (micro.config[f] !== shippedModel[f]) throw new Error(`the epilogue's microgpt ${f} (${micro.config[f]}) is not the shipped model's (${shippedModel[f]})`);
}

/** One row of the comparison per model, every number computed. */
export const modelRows = comparedModels.map((m) => {
  const t = counted(m);
  const kvHeads = m.options.kvHeads ?? m.config.nHead;
  const headSize = headDim(m.config);
  return {
    id: m.id,
    label: m.label,
    config: m.config,
    kvHeads,
    headSize,
    mlpHidden: m.options.mlpHidden ?? 4 * m.config.nEmbd,
    mlpKind: m.options.experts && m.options.experts > 1 ? `${m.options.experts} SwiGLU experts, ${m.activeExperts} per token` : m.options.gatedMlp ? 'SwiGLU' : m.id === 'gpt2' ? 'GeLU' : 'ReLU',
    positions: m.options.positions === 'rotary' ? 'RoPE (no parameters)' : 'learned wpe',
    norm: m.options.norm === 'gain' ? 'RMSNorm with a gain' : m.options.norm === 'gain-bias' ? 'LayerNorm (gain and bias)' : 'rmsnorm, nothing learned',
    tied: m.options.tiedEmbeddings ?? false,
    biases: m.options.biases ?? false,
    total: t.total,
    share: (group: ParameterTable['groups'][number]['group']) => (t.groups.find((g) => g.group === group)?.count ?? 0) / t.total,
    active: activeCount(m, t),
    activeExperts: m.activeExperts,
    published: m.published,
    limits: m.limits,
    sources: m.sources,
    // the cache for one full-length sequence, in bf16 for the published models and float64 for microgpt
    kvPerToken: kvBytesPerToken({ layers: m.config.nLayer, kvHeads, headSize, bytesPerNumber: m.id === 'microgpt' ? 8 : 2 }),
    kvFull: kvCacheBytes({ layers: m.config.nLayer, kvHeads, headSize, context: m.config.blockSize, batch: 1, bytesPerNumber: m.id === 'microgpt' ? 8 : 2 }),
    kvFullNoGqa: kvCacheBytes({ layers: m.config.nLayer, kvHeads: m.config.nHead, headSize, context: m.config.blockSize, batch: 1, bytesPerNumber: m.id === 'microgpt' ? 8 : 2 }),
  };
});

/** The hand-written count of a Llama-style model, which must give the calculator's number. */
function checkedFormula(id: string, expected: number, experts?: number) {
  const terms = llamaStyleCount(comparedModel(id), experts);
  if (terms.total.count !== expected) throw new Error(`the epilogue's formula for ${id} gives ${terms.total.count}, the calculator ${expected}`);
  return terms;
}

const row = (id: string) => modelRows.find((r) => r.id === id)!;

/** Numbers the prose quotes, formatted where they are read as text. */
export const epilogueFacts = (() => {
  const microgpt = row('microgpt');
  const gpt2 = row('gpt2');
  const llama = row('llama3-8b');
  const mixtral = row('mixtral');
  return {
    microgpt, gpt2, llama, mixtral,
    llamaOverMicrogpt: int(llama.total / microgpt.total),
    gqaSaving: llama.config.nHead / llama.kvHeads,
    // the sizes table's count written out by hand, checked against the calculator's
    llamaFormula: checkedFormula('llama3-8b', llama.total),
    mixtralFormula: checkedFormula('mixtral', mixtral.total),
    mixtralActiveFormula: checkedFormula('mixtral', mixtral.active, comparedModel('mixtral').activeExperts),
    // Mixtral with one MLP per layer instead of eight: the "7B" of its name
    mixtralDense: counted({ ...comparedModel('mixtral'), options: { ...comparedModel('mixtral').options, experts: 1 } }).total,
    // grouped-query attention at microgpt's own sizes, with 2 key/value heads: rows of W_k and W_v, and query heads per KV head
    microgptGqa: { kvHeads: 2, rows: 2 * microgpt.headSize, group: microgpt.config.nHead / 2 },
    llamaBatch32: bytes(kvCacheBytes({ layers: llama.config.nLayer, kvHeads: llama.kvHeads, headSize: llama.headSize, context: llama.config.blockSize, batch: 32, bytesPerNumber: 2 })),
    // bytes of the weights themselves, for the serving section: bf16 and 4-bit
    llamaWeightsBf16: bytes(llama.total * 2, 0),
    llamaWeightsBf16Billions: fixed((llama.total * 2) / 1e9, 0),
    llamaWeights4bit: bytes(llama.total / 2, 1),
    mixtralWeightsBf16: bytes(mixtral.total * 2, 0),
    mixtralWeightsBf16Billions: fixed((mixtral.total * 2) / 1e9, 0),
    microgptWeights: bytes(microgpt.total * 8),
    // the names as the model reads them: every name's letters and a BOS on each side
    documents: dataset.documents,
    datasetTokens: dataset.characters + 2 * dataset.documents,
    steps: training.steps,
    // Mixtral's MLP share: the expert weights one token skips
    mixtralActiveShare: mixtral.active / mixtral.total,
  };
})();
