// GPT-2 small, for comparison with microgpt: its published configuration (Radford et al.,
// "Language Models are Unsupervised Multitask Learners", 2019, and the released config:
// 50,257 tokens, 1,024 positions, 768 wide, 12 heads, 12 layers) and its parameter count,
// which differs from microgpt's formula in three ways the calculator spells out.

import type { GPTConfig } from '../../engine/config.ts';

/** GPT-2 small's sizes, in microgpt's config fields. */
export const gpt2Small: GPTConfig = { vocabSize: 50257, nEmbd: 768, nHead: 12, nLayer: 12, blockSize: 1024 };

/** What GPT-2 has that microgpt does not, counted for a config. */
export type Gpt2Extras = {
  tiedHead: number; // lm_head is wte itself in GPT-2: these vocab × n_embd numbers are not extra
  biases: number; // a bias per output of every linear layer: q, k, v, o, fc1, fc2
  norms: number; // a gain and a bias per LayerNorm: two per block and a final one
  total: number; // GPT-2's own count
};

/** GPT-2's count for a config, from microgpt's: minus the tied head, plus biases and LayerNorm parameters. */
export function gpt2Count(c: GPTConfig, microgptTotal: number): Gpt2Extras {
  const tiedHead = c.vocabSize * c.nEmbd;
  const biases = c.nLayer * (3 * c.nEmbd + c.nEmbd + 4 * c.nEmbd + c.nEmbd);
  const norms = (2 * c.nLayer + 1) * 2 * c.nEmbd;
  return { tiedHead, biases, norms, total: microgptTotal - tiedHead + biases + norms };
}
