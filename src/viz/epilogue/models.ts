// The models the epilogue compares: microgpt, GPT-2 small and two published open models, each
// as microgpt's five config fields plus the architecture options the parameter calculator of
// chapter 6 needs to count it, with where each published number comes from.

import type { GPTConfig } from '../../engine/config.ts';
import { calculatorPresets } from '../mlp/calculator-presets.ts';
import { gpt2Small } from '../mlp/gpt2-small.ts';
import type { ArchitectureOptions } from '../mlp/parameter-table.ts';

/** A published source: what it is and a stable address. */
export type Source = { name: string; url: string };

/** One model of the comparison. */
export type ComparedModel = {
  id: string;
  label: string;
  /** The five sizes; blockSize is the longest context the model was trained for. */
  config: GPTConfig;
  /** How its architecture differs from microgpt's, for the calculator. */
  options: ArchitectureOptions;
  /** Experts a token is sent to per layer (mixture of experts only): the parameters used per token. */
  activeExperts?: number;
  /** The total its authors publish, as they write it, for comparison with the computed count. */
  published: string;
  /** What the calculator's count leaves out or cannot say for this architecture. */
  limits: string;
  sources: Source[];
};

const microgpt = calculatorPresets.find((p) => p.id === 'microgpt')!.config;

export const comparedModels: readonly ComparedModel[] = [
  {
    id: 'microgpt',
    label: 'microgpt',
    config: microgpt,
    options: {},
    published: 'the engine’s own count',
    limits: 'Nothing: the calculator counts the engine’s own matrices.',
    sources: [{ name: 'Karpathy’s microgpt', url: 'https://karpathy.ai/microgpt.html' }],
  },
  {
    id: 'gpt2',
    label: 'GPT-2 small',
    config: gpt2Small,
    options: { tiedEmbeddings: true, biases: true, norm: 'gain-bias' },
    published: '124M',
    limits: 'Nothing left out: tied head, biases and LayerNorms are options.',
    sources: [
      { name: 'Radford et al. 2019, “Language Models are Unsupervised Multitask Learners”', url: 'https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf' },
      { name: 'the released config (Hugging Face, openai-community/gpt2)', url: 'https://huggingface.co/openai-community/gpt2/blob/main/config.json' },
    ],
  },
  {
    id: 'llama3-8b',
    label: 'Llama 3 8B',
    config: { vocabSize: 128_256, nEmbd: 4096, nHead: 32, nLayer: 32, blockSize: 8192 },
    options: { positions: 'rotary', norm: 'gain', kvHeads: 8, mlpHidden: 14_336, gatedMlp: true },
    published: '8B',
    limits: 'RoPE learns nothing, so no wpe is counted; the rotation itself is not something a count can show.',
    sources: [
      { name: 'Meta’s Llama 3 model card', url: 'https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md' },
      { name: 'Llama Team, “The Llama 3 Herd of Models” (2024)', url: 'https://arxiv.org/abs/2407.21783' },
      { name: 'its config.json (Hugging Face, meta-llama/Meta-Llama-3-8B)', url: 'https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/config.json' },
    ],
  },
  {
    id: 'mixtral',
    label: 'Mixtral 8x7B',
    config: { vocabSize: 32_000, nEmbd: 4096, nHead: 32, nLayer: 32, blockSize: 32_768 },
    options: { positions: 'rotary', norm: 'gain', kvHeads: 8, mlpHidden: 14_336, gatedMlp: true, experts: 8 },
    activeExperts: 2,
    published: '47B total, 13B active',
    limits: 'Which two experts a token uses is learned by the router and changes per token; the count only says how many numbers exist and how many one token touches.',
    sources: [
      { name: 'Jiang et al. 2024, “Mixtral of Experts”', url: 'https://arxiv.org/abs/2401.04088' },
      { name: 'its config.json (Hugging Face, mistralai/Mixtral-8x7B-v0.1)', url: 'https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json' },
    ],
  },
];

/** A compared model by id. */
export function comparedModel(id: string): ComparedModel {
  const m = comparedModels.find((x) => x.id === id);
  if (!m) throw new Error(`no compared model "${id}"`);
  return m;
}
