// The configs the parameter calculator offers with one press, and the check a kept config must pass.

import { presetConfig, toyConfig, type GPTConfig } from '../../engine/config.ts';
import { gpt2Small } from './gpt2-small.ts';

/** The names' vocabulary: 26 letters and BOS. */
const namesVocab = 27;

/** A preset of the calculator: what its button says and the config it sets. */
export type CalculatorPreset = { id: string; label: string; config: GPTConfig };

export const calculatorPresets: readonly CalculatorPreset[] = [
  { id: 'microgpt', label: 'microgpt', config: presetConfig('microgpt', namesVocab) },
  { id: 'wide', label: 'n_embd 32', config: { ...presetConfig('microgpt', namesVocab), nEmbd: 32 } },
  { id: 'toy', label: 'the toy', config: toyConfig },
  { id: 'gpt2', label: 'GPT-2 small', config: gpt2Small },
];

/** The config fields in the order the calculator shows them. */
export const configFields = ['vocabSize', 'nEmbd', 'nHead', 'nLayer', 'blockSize'] as const satisfies readonly (keyof GPTConfig)[];

/** Whether a stored value has the shape of a config (its sizes are checked by the table). */
export function isConfigShape(x: unknown): x is GPTConfig {
  return typeof x === 'object' && x !== null && configFields.every((f) => typeof (x as Record<string, unknown>)[f] === 'number');
}

/** Whether a config is GPT-2 small's. */
export const isGpt2Small = (c: GPTConfig) => configFields.every((f) => c[f] === gpt2Small[f]);

/** The largest size the calculator takes for each field: beyond GPT-scale models, small enough to count exactly. */
export const fieldLimits: Record<(typeof configFields)[number], number> = {
  vocabSize: 1_000_000, nEmbd: 100_000, nHead: 10_000, nLayer: 10_000, blockSize: 1_000_000,
};
