// The weights file: microgpt's JSON layout, read back exactly, and a clear WeightsError for
// every way a file can be wrong.

import { describe, expect, it } from 'vitest';
import type { GPTConfig } from '../../../src/engine/config.ts';
import { microgptConfig, toyConfig } from '../../../src/engine/config.ts';
import { initStateDict } from '../../../src/engine/params.ts';
import { Random } from '../../../src/engine/random.ts';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import { toyStateDict } from '../../../src/engine/toy.ts';
import type { Weights, WeightsFile } from '../../../src/engine/weights.ts';
import { WeightsError, parseWeights, parseWeightsText, toWeightsFile } from '../../../src/engine/weights.ts';

const config: GPTConfig = { vocabSize: 4, nEmbd: 4, nHead: 2, nLayer: 2, blockSize: 3 };
const weights = (): Weights => ({ config, tokenizer: new Tokenizer(['a', 'b', 'c']), stateDict: initStateDict(config, new Random(1)) });
/** A valid file as a plain JSON object, fresh each call so a test may break it. */
const file = (): Record<string, any> => JSON.parse(JSON.stringify(toWeightsFile(weights())));

/** The WeightsError parseWeightsText throws for this JSON text. */
function errorOf(text: string): WeightsError {
  try {
    parseWeightsText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(WeightsError);
    expect((e as Error).name).toBe('WeightsError');
    return e as WeightsError;
  }
  throw new Error('expected a WeightsError, but the file was accepted');
}

describe('toWeightsFile', () => {
  it('toWeightsFile writes microgpt\'s snake_case layout: config, tokenizer {chars, bos}, state_dict', () => {
    const f: WeightsFile = toWeightsFile(weights());
    expect(Object.keys(f)).toEqual(['config', 'tokenizer', 'state_dict']);
    expect(f.config).toEqual({ vocab_size: 4, n_embd: 4, n_head: 2, n_layer: 2, block_size: 3 });
    expect(f.tokenizer).toEqual({ chars: ['a', 'b', 'c'], bos: 3 });
    expect(Object.keys(f.state_dict)).toContain('layer1.mlp_fc2');
  });
});

describe('parseWeightsText round trip', () => {
  const cases: [string, () => Weights][] = [
    ['a 2-layer model', weights],
    ['the default model for the names', () => {
      const c = microgptConfig(27);
      return { config: c, tokenizer: new Tokenizer([...'abcdefghijklmnopqrstuvwxyz']), stateDict: initStateDict(c, new Random(42)) };
    }],
    ['the toy', () => ({ config: toyConfig, tokenizer: new Tokenizer(['a', 'b', 'c']), stateDict: toyStateDict })],
  ];
  for (const [label, make] of cases) {
    it(`toWeightsFile → JSON.stringify → parseWeightsText gives back ${label} exactly`, () => {
      const w = make();
      const back = parseWeightsText(JSON.stringify(toWeightsFile(w)));
      expect(back.config).toEqual(w.config);
      expect(back.tokenizer.chars).toEqual(w.tokenizer.chars);
      expect(back.tokenizer.bos).toBe(w.tokenizer.bos);
      expect(back.tokenizer.vocabSize).toBe(w.tokenizer.vocabSize);
      expect(back.stateDict).toEqual(w.stateDict); // every double survives JSON exactly
    });
  }

  it('parseWeightsText reads a file written the way microgpt.py writes it', () => {
    // json.dump({"config": {...}, "tokenizer": {"chars": uchars, "bos": BOS}, "state_dict": {...}}, f)
    const sd = toyStateDict;
    const m = (name: string) => JSON.stringify(sd[name]).replace(/,/g, ', ');
    const text = `{"config": {"vocab_size": 4, "n_embd": 2, "n_head": 1, "n_layer": 1, "block_size": 4}, ` +
      `"tokenizer": {"chars": ["a", "b", "c"], "bos": 3}, "state_dict": {` +
      ['wte', 'wpe', 'lm_head', 'layer0.attn_wq', 'layer0.attn_wk', 'layer0.attn_wv', 'layer0.attn_wo', 'layer0.mlp_fc1', 'layer0.mlp_fc2']
        .map((name) => `"${name}": ${m(name)}`).join(', ') + '}}';
    const w = parseWeightsText(text);
    expect(w.config).toEqual(toyConfig);
    expect(w.tokenizer.encode('cab')).toEqual([2, 0, 1]);
    expect(w.stateDict).toEqual(toyStateDict);
  });

  it('parseWeightsText accepts tokenizer.chars given as one string', () => {
    const f = file();
    f.tokenizer.chars = 'abc';
    const w = parseWeightsText(JSON.stringify(f));
    expect(w.tokenizer.chars).toEqual(['a', 'b', 'c']);
    expect(w.tokenizer.bos).toBe(3);
  });

  it('parseWeights takes an already parsed object too', () => {
    expect(parseWeights(file()).config).toEqual(config);
  });
});

describe('parseWeightsText errors', () => {
  type Case = [string, (f: Record<string, any>) => unknown, RegExp];
  const cases: Case[] = [
    ['the file is not an object (an array)', () => [1, 2], /a weights file is a JSON object with config, tokenizer and state_dict/],
    ['the file is not an object (a number)', () => 42, /a weights file is a JSON object/],
    ['the file is null', () => null, /a weights file is a JSON object/],
    ['config is missing', (f) => { delete f.config; return f; }, /the weights file has no "config" object/],
    ['tokenizer is missing', (f) => { delete f.tokenizer; return f; }, /the weights file has no "tokenizer" object/],
    ['state_dict is missing', (f) => { delete f.state_dict; return f; }, /the weights file has no "state_dict" object/],
    ['state_dict is an array', (f) => { f.state_dict = []; return f; }, /the weights file has no "state_dict" object/],
    ['n_layer is 0', (f) => { f.config.n_layer = 0; return f; }, /^config: n_layer must be a positive integer, got 0$/],
    ['n_embd is 2.5', (f) => { f.config.n_embd = 2.5; return f; }, /^config: n_embd must be a positive integer, got 2.5$/],
    ['block_size is missing', (f) => { delete f.config.block_size; return f; }, /^config: block_size must be a positive integer, got undefined$/],
    ['vocab_size is a string', (f) => { f.config.vocab_size = '4'; return f; }, /^config: vocab_size must be a positive integer/],
    ['n_embd is not divisible by n_head', (f) => { f.config.n_head = 3; return f; }, /^config: n_embd \(4\) must be divisible by n_head \(3\)$/],
    ['tokenizer.chars is not a list', (f) => { f.tokenizer.chars = 7; return f; }, /tokenizer.chars must be a list of single characters/],
    ['tokenizer.chars has a two-letter entry', (f) => { f.tokenizer.chars = ['a', 'bc', 'd']; return f; }, /tokenizer.chars must be a list of single characters/],
    ['tokenizer.chars has a number', (f) => { f.tokenizer.chars = ['a', 1, 'c']; return f; }, /tokenizer.chars must be a list of single characters/],
    ['tokenizer.chars has a duplicate', (f) => { f.tokenizer.chars = ['a', 'b', 'a']; return f; }, /tokenizer.chars lists a character twice/],
    ['tokenizer.chars as a string has a duplicate', (f) => { f.tokenizer.chars = 'aba'; return f; }, /tokenizer.chars lists a character twice/],
    ['bos is not len(chars)', (f) => { f.tokenizer.bos = 0; return f; }, /^tokenizer.bos must be 3 \(the number of characters\), got 0$/],
    ['bos is missing', (f) => { delete f.tokenizer.bos; return f; }, /^tokenizer.bos must be 3 \(the number of characters\), got undefined$/],
    ['vocab_size does not match the tokenizer', (f) => { f.config.vocab_size = 5; return f; }, /^config.vocab_size is 5 but the tokenizer has 3 characters \+ BOS$/],
    ['a matrix is missing', (f) => { delete f.state_dict['layer1.mlp_fc2']; return f; }, /^state_dict is missing "layer1.mlp_fc2"$/],
    ['there is an extra matrix', (f) => { f.state_dict['layer2.attn_wq'] = f.state_dict['layer1.attn_wq']; return f; }, /^state_dict has a matrix "layer2.attn_wq" that this config does not use$/],
    ['a matrix has too few rows', (f) => { f.state_dict.wpe.pop(); return f; }, /^state_dict.wpe must have 3 rows, found 2$/],
    ['a matrix has too many rows', (f) => { f.state_dict.wte.push([0, 0, 0, 0]); return f; }, /^state_dict.wte must have 4 rows, found 5$/],
    ['a matrix is a number', (f) => { f.state_dict.lm_head = 0; return f; }, /^state_dict.lm_head must have 4 rows, found number$/],
    ['a row has too few columns', (f) => { f.state_dict.wte[1].pop(); return f; }, /^state_dict.wte row 1 must have 4 numbers, found 3$/],
    ['a row has too many columns', (f) => { f.state_dict['layer0.mlp_fc2'][2].push(0); return f; }, /^state_dict.layer0.mlp_fc2 row 2 must have 16 numbers, found 17$/],
    ['a row is not a list', (f) => { f.state_dict.wte[0] = 'x'; return f; }, /^state_dict.wte row 0 must have 4 numbers, found string$/],
    ['an entry is null (NaN or Infinity after JSON.stringify)', (f) => { f.state_dict.wte[0][2] = null; return f; }, /^state_dict.wte\[0\]\[2\] is not a finite number$/],
    ['an entry is a string', (f) => { f.state_dict['layer1.attn_wo'][3][1] = '0.5'; return f; }, /^state_dict.layer1.attn_wo\[3\]\[1\] is not a finite number$/],
  ];
  for (const [label, breakIt, message] of cases) {
    it(`parseWeightsText throws a WeightsError when ${label}`, () => {
      expect(errorOf(JSON.stringify(breakIt(file()))).message).toMatch(message);
    });
  }

  it('parseWeightsText quotes a bad config value as written (only the field name becomes snake_case)', () => {
    // Engine bug: the camelCase → snake_case rewrite of configProblem's message also rewrites
    // the value, so n_layer: "One" is reported as "got _one".
    const f = file();
    f.config.n_layer = 'One';
    expect(errorOf(JSON.stringify(f)).message).toMatch(/^config: n_layer must be a positive integer, got "?One"?$/);
  });

  it('parseWeightsText throws a WeightsError for invalid JSON', () => {
    expect(errorOf('{"config": ').message).toMatch(/^not valid JSON \(/);
    expect(errorOf('').message).toMatch(/^not valid JSON/);
  });

  it('parseWeights throws a WeightsError for a non-finite number in an object', () => {
    for (const bad of [Infinity, -Infinity, NaN]) {
      const f = file();
      f.state_dict.wpe[2][3] = bad;
      expect(() => parseWeights(f)).toThrow(WeightsError);
      expect(() => parseWeights(f)).toThrow('state_dict.wpe[2][3] is not a finite number');
    }
  });
});
