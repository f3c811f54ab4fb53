// Generation one step at a time, for the step-by-step widget: the same loop as the engine's
// generate() (src/engine/sample.ts), cut open after every position so the page can show what
// the model saw, the distribution it sampled from, the token it drew and the KV cache so far.
// It draws with the engine's sampleToken and one Random, in generate()'s order, so a seed
// replays generate()'s name exactly (tests/unit/viz/inference/generation.test.ts).

import { FastGPT } from '../../engine/fast.ts';
import { Random } from '../../engine/random.ts';
import { sampleToken, samplingDistribution, type SamplingOptions } from '../../engine/sample.ts';
import type { Tokenizer } from '../../engine/tokenizer.ts';
import type { GPTConfig } from '../../engine/config.ts';
import type { StateDict } from '../../engine/params.ts';

/** One position of a generation: what went in, the distribution out, and the token chosen. */
export type GeneratedStep = {
  pos: number;
  /** the token fed in at this position (BOS at position 0) */
  input: number;
  /** the distribution the next token is drawn from (temperature, top-k, top-p applied) [vocabSize] */
  probs: Float64Array;
  /** the next token: drawn from probs, or the prefix's next character when fed is true */
  token: number;
  /** true when token came from the prefix the reader typed, not from sampling */
  fed: boolean;
  /** the key and value each layer cached at this position: [nLayer] × [nEmbd] (copies) */
  keys: Float64Array[];
  values: Float64Array[];
};

/** Why a generation stopped: the model chose BOS, or the context (blockSize positions) is full. */
export type GenerationEnd = 'bos' | 'context' | null;

/** What the stepper needs: the weights (it builds its own model, so no other widget can overwrite its cache), the tokenizer, options and a seed. */
export type StepperInput = {
  config: GPTConfig;
  stateDict: StateDict;
  tokenizer: Tokenizer;
  options: SamplingOptions & { prefix?: string };
  seed: number;
};

/** generate(), one position per call of step(). */
export class GenerationStepper {
  readonly tokenizer: Tokenizer;
  readonly options: SamplingOptions & { prefix?: string };
  readonly steps: GeneratedStep[] = [];
  /** the name's tokens so far (prefix included, BOS excluded) */
  readonly tokens: number[];
  end: GenerationEnd = null;
  private readonly model: FastGPT;
  private readonly rng: Random;
  private readonly prefix: number[];
  private input: number;

  constructor({ config, stateDict, tokenizer, options, seed }: StepperInput) {
    this.model = new FastGPT(config, stateDict);
    this.tokenizer = tokenizer;
    this.options = options;
    this.rng = new Random(seed);
    this.prefix = tokenizer.encode(options.prefix ?? '');
    if (this.prefix.length >= config.blockSize) throw new RangeError(`the prefix must be shorter than ${config.blockSize} characters`);
    this.tokens = [];
    this.input = tokenizer.bos;
  }

  /** The next position: run the model, then feed the prefix or sample. null once the generation has ended. */
  step(): GeneratedStep | null {
    if (this.end) return null;
    const { blockSize, vocabSize, nLayer } = this.model.config;
    const pos = this.steps.length;
    this.model.forward(this.input, pos);
    const logits = this.model.logits.subarray(pos * vocabSize, (pos + 1) * vocabSize);
    const fed = pos < this.prefix.length;
    const token = fed ? this.prefix[pos] : sampleToken(logits, this.options, this.rng);
    const layers = Array.from({ length: nLayer }, (_, l) => this.model.cached(l, pos));
    const step: GeneratedStep = {
      pos, input: this.input, probs: samplingDistribution(logits, this.options), token, fed,
      keys: layers.map((c) => c.k.slice()), values: layers.map((c) => c.v.slice()),
    };
    this.steps.push(step);
    if (token === this.tokenizer.bos) this.end = 'bos';
    else {
      this.tokens.push(token);
      this.input = token;
      if (pos + 1 >= blockSize) this.end = 'context';
    }
    return step;
  }

  /**
   * The distribution the next step will draw from, without drawing: runs the model at the next
   * position (step() runs it again there, to the same result) and uses no random number, so the
   * seed's draws are unchanged. null once the generation has ended.
   */
  upcoming(): Float64Array | null {
    if (this.end) return null;
    const { vocabSize } = this.model.config;
    const pos = this.steps.length;
    this.model.forward(this.input, pos);
    return samplingDistribution(this.model.logits.subarray(pos * vocabSize, (pos + 1) * vocabSize), this.options);
  }

  /** Step until the end; returns the name. */
  run(): string {
    while (this.step());
    return this.text;
  }

  /** The name so far. */
  get text(): string {
    return this.tokenizer.decode(this.tokens);
  }
}

/**
 * The largest |number| layer 0's key or value can hold at any position of any run of this
 * model, for a colour scale that never changes as the cache grows. Layer 0's key and value at a
 * position are computed from that position's token and the position alone (before attention
 * mixes in anything else), so trying every token at every position covers every run.
 */
export function cacheScale(config: GPTConfig, stateDict: StateDict): number {
  const model = new FastGPT(config, stateDict);
  let max = 1e-12;
  for (let pos = 0; pos < config.blockSize; pos++) {
    for (let token = 0; token < config.vocabSize; token++) {
      model.forward(token, pos);
      const { k, v } = model.cached(0, pos);
      for (let i = 0; i < k.length; i++) max = Math.max(max, Math.abs(k[i]), Math.abs(v[i]));
    }
  }
  return max;
}
