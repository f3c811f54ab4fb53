// The weights file: JSON that a Python microgpt user can write and read too.
//
//   {
//     "config":    { "n_embd": 16, "vocab_size": 27, "n_layer": 1, "n_head": 4, "block_size": 16 },
//     "tokenizer": { "chars": ["a", "b", …, "z"], "bos": 26 },
//     "state_dict": { "wte": [[…16 numbers], …27 rows], "wpe": …, "lm_head": …,
//                     "layer0.attn_wq": …, …, "layer0.mlp_fc2": … }
//   }
//
// From microgpt.py: json.dump({"config": {...}, "tokenizer": {"chars": uchars, "bos": BOS},
// "state_dict": {k: [[p.data for p in row] for row in m] for k, m in state_dict.items()}}, f)

import type { GPTConfig } from './config.ts';
import { configProblem } from './config.ts';
import type { StateDict } from './params.ts';
import { matrixShapes } from './params.ts';
import { Tokenizer } from './tokenizer.ts';
import { FastGPT } from './fast.ts';
import { overflowProblem, sizeProblem } from './usable.ts';

/** A trained (or fresh) model: everything needed to run it. */
export type Weights = { config: GPTConfig; tokenizer: Tokenizer; stateDict: StateDict };

/** The JSON layout on disk, with microgpt's snake_case names. */
export type WeightsFile = {
  config: { vocab_size: number; n_embd: number; n_head: number; n_layer: number; block_size: number };
  tokenizer: { chars: string[]; bos: number };
  state_dict: StateDict;
};

/** A weights file that cannot be used, with the reason. */
export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

/** The JSON object for a model. */
export function toWeightsFile(w: Weights): WeightsFile {
  const c = w.config;
  return {
    config: { vocab_size: c.vocabSize, n_embd: c.nEmbd, n_head: c.nHead, n_layer: c.nLayer, block_size: c.blockSize },
    tokenizer: { chars: [...w.tokenizer.chars], bos: w.tokenizer.bos },
    state_dict: w.stateDict,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Check and read a parsed weights file. Throws WeightsError naming the first problem. */
export function parseWeights(json: unknown): Weights {
  if (!isObject(json)) throw new WeightsError('a weights file is a JSON object with config, tokenizer and state_dict');
  for (const key of ['config', 'tokenizer', 'state_dict']) {
    if (!isObject(json[key])) throw new WeightsError(`the weights file has no "${key}" object`);
  }
  const rc = json.config as Record<string, unknown>;
  const config = {
    vocabSize: rc.vocab_size, nEmbd: rc.n_embd, nHead: rc.n_head, nLayer: rc.n_layer, blockSize: rc.block_size,
  } as GPTConfig;
  const problem = configProblem(config);
  if (problem) throw new WeightsError(`config: ${problem}`);
  // before any matrix is listed: n_layer 10^12 would never finish, block_size 40,000 would not fit in memory
  const tooBig = sizeProblem(config, 'its sizes');
  if (tooBig) throw new WeightsError(tooBig.message);

  const rt = json.tokenizer as Record<string, unknown>;
  const chars = typeof rt.chars === 'string' ? [...rt.chars] : rt.chars;
  if (!Array.isArray(chars) || !chars.every((c) => typeof c === 'string' && [...c].length === 1)) {
    throw new WeightsError('tokenizer.chars must be a list of single characters');
  }
  if (new Set(chars).size !== chars.length) throw new WeightsError('tokenizer.chars lists a character twice');
  if (rt.bos !== chars.length) throw new WeightsError(`tokenizer.bos must be ${chars.length} (the number of characters), got ${JSON.stringify(rt.bos)}`);
  if (config.vocabSize !== chars.length + 1) {
    throw new WeightsError(`config.vocab_size is ${config.vocabSize} but the tokenizer has ${chars.length} characters + BOS`);
  }

  const rs = json.state_dict as Record<string, unknown>;
  const shapes = matrixShapes(config);
  const expected = new Set(shapes.map((s) => s.name));
  for (const name of Object.keys(rs)) {
    if (!expected.has(name)) throw new WeightsError(`state_dict has a matrix "${name}" that this config does not use`);
  }
  const stateDict: StateDict = {};
  for (const { name, rows, cols } of shapes) {
    const m = rs[name];
    if (m === undefined) throw new WeightsError(`state_dict is missing "${name}"`);
    if (!Array.isArray(m) || m.length !== rows) {
      throw new WeightsError(`state_dict.${name} must have ${rows} rows, found ${Array.isArray(m) ? m.length : typeof m}`);
    }
    stateDict[name] = m.map((row: unknown, r) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new WeightsError(`state_dict.${name} row ${r} must have ${cols} numbers, found ${Array.isArray(row) ? row.length : typeof row}`);
      }
      return row.map((x: unknown, c) => {
        if (typeof x !== 'number' || !Number.isFinite(x)) throw new WeightsError(`state_dict.${name}[${r}][${c}] is not a finite number`);
        return x;
      });
    });
  }
  return { config, tokenizer: new Tokenizer(chars), stateDict };
}

/** Parse the text of a weights file. Throws WeightsError for JSON that is broken or is not a weights file. */
export function parseWeightsText(text: string): Weights {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new WeightsError(jsonProblem(text, e as Error));
  }
  return parseWeights(json);
}

/**
 * Why a text is not JSON. Python's json.dump writes a diverged run's numbers as NaN or
 * Infinity, which JSON does not allow: name that cause instead of the parser's complaint.
 */
export function jsonProblem(text: string, error: Error): string {
  const bad = /(?<![\w"])(-?Infinity|NaN)(?![\w"])/.exec(text);
  if (bad) return `it contains ${bad[1]}, which is not a number JSON allows: the run that wrote it diverged`;
  return `not valid JSON (${error.message})`;
}

/**
 * Parsed weights, checked to be runnable: the model is built and run on the start of a name
 * (see overflowProblem). Throws WeightsError. Returns the model too, so it is built once.
 */
export function usableWeights(weights: Weights): Weights & { model: FastGPT } {
  const model = new FastGPT(weights.config, weights.stateDict);
  const overflow = overflowProblem(model, weights.tokenizer.bos);
  if (overflow) throw new WeightsError(overflow);
  return { ...weights, model };
}
