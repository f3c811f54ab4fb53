// The model's shape: one typed config and the named presets the textbook uses.

// #region config
/** Hyperparameters that fix every matrix shape. */
export type GPTConfig = {
  vocabSize: number; // distinct tokens, BOS included (27 for the names: a–z and BOS)
  nEmbd: number; // width of the residual stream (16)
  nHead: number; // attention heads; each sees nEmbd / nHead dimensions (4)
  nLayer: number; // transformer blocks (1)
  blockSize: number; // longest context in tokens; also the number of position embeddings (16)
};

/** The named presets: every size but the vocabulary's, which comes from the data. */
export const presets = {
  microgpt: { nEmbd: 16, nHead: 4, nLayer: 1, blockSize: 16 }, // microgpt.py's defaults
  toy: { nEmbd: 2, nHead: 1, nLayer: 1, blockSize: 4 }, // the 2-D toy of chapters 5 and 6: one head of width 2, four positions
} as const satisfies Record<string, Omit<GPTConfig, 'vocabSize'>>;
// #endregion config

/** A preset's name: 'microgpt' or 'toy'. */
export type PresetName = keyof typeof presets;

/** The config of a named preset for a vocabulary of vocabSize tokens. */
export function presetConfig(name: PresetName, vocabSize: number): GPTConfig {
  return { vocabSize, ...presets[name] };
}

/** microgpt's defaults for a given vocabulary size. */
export function microgptConfig(vocabSize: number): GPTConfig {
  return presetConfig('microgpt', vocabSize);
}

/** The toy's config: its vocabulary is BOS, a, b, c. */
export const toyConfig: GPTConfig = presetConfig('toy', 4);

// #region head-dim
/** Dimensions of one attention head. */
export function headDim(config: GPTConfig): number {
  return config.nEmbd / config.nHead;
}
// #endregion head-dim

/** Field names as microgpt (and the weights file) spells them. */
export const configFieldNames: Record<keyof GPTConfig, string> = {
  vocabSize: 'vocab_size', nEmbd: 'n_embd', nHead: 'n_head', nLayer: 'n_layer', blockSize: 'block_size',
};

/** A clear message for the first thing wrong with a config, or null when it is usable. */
export function configProblem(config: GPTConfig, names: Record<keyof GPTConfig, string> = configFieldNames): string | null {
  for (const f of Object.keys(names) as (keyof GPTConfig)[]) {
    const v: unknown = config[f];
    if (!Number.isInteger(v) || (v as number) < 1) return `${names[f]} must be a positive integer, got ${JSON.stringify(v) ?? String(v)}`;
  }
  if (config.vocabSize < 2) return `${names.vocabSize} must be at least 2 (one character and BOS), got ${config.vocabSize}`;
  if (config.nEmbd % config.nHead !== 0) return `${names.nEmbd} (${config.nEmbd}) must be divisible by ${names.nHead} (${config.nHead})`;
  return null;
}
