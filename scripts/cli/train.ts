// `microgpt train`: one document per step, from fresh weights (--seed) or a weights file (--init).

import type { EngineKind, GPTConfig, StateDict } from '../../src/engine/index.ts';
import { Random, Tokenizer, adamDefaults, createTrainer, initStateDict, trainingOrder } from '../../src/engine/index.ts';
import type { Flags, FlagSpec } from './args.ts';
import { configFromFlags, givenSizeFlags, sizeFlags } from './config.ts';
import { CliError } from './error.ts';
import type { Dataset } from './files.ts';
import { checkOutPath, readDataset, readWeights, writeWeights } from './files.ts';
import type { Io } from './io.ts';
import { parseInteger, parseReal, parseSeed } from './numbers.ts';
import { TrainLog } from './train-log.ts';
import { checkVocabulary } from './vocab.ts';

export const trainFlags: FlagSpec = {
  init: 'FILE', seed: 'N', data: 'FILE', steps: 'N', lr: 'X', 'no-shuffle': null, engine: 'fast|value', out: 'FILE', ...sizeFlags,
};

/** Everything training starts from. */
type Start = { config: GPTConfig; tokenizer: Tokenizer; stateDict: StateDict; order: string[] };

/** Fresh weights, in microgpt.py's order: seed, shuffle, then draw the weights from the same stream. */
function fromSeed(flags: Flags, seed: number, shuffle: boolean, data: Dataset): Start {
  const tokenizer = Tokenizer.fromDocuments(data.docs);
  const config = configFromFlags(flags, tokenizer.vocabSize);
  const rng = new Random(seed);
  // always draw the shuffle, so the weights for a seed are the same with or without --no-shuffle
  const shuffled = trainingOrder(data.docs, rng);
  return { config, tokenizer, stateDict: initStateDict(config, rng), order: shuffle ? shuffled : data.docs.slice() };
}

/** Weights from a file; the shuffle gets a fresh Random(seed), the same permutation fromSeed makes. */
function fromInit(path: string, seed: number, shuffle: boolean, data: Dataset): Start {
  const { config, tokenizer, stateDict } = readWeights('init', path);
  checkVocabulary(tokenizer, data.docs, data.source);
  return { config, tokenizer, stateDict, order: trainingOrder(data.docs, shuffle ? new Random(seed) : null) };
}

function parseEngine(text: string): EngineKind {
  if (text === 'fast' || text === 'value') return text;
  throw new CliError(`--engine must be fast or value, got ${JSON.stringify(text)}`);
}

/** A diverged run writes no file: NaN would become null in the JSON and the file would be unreadable. */
function checkFinite(sd: StateDict): void {
  for (const [name, m] of Object.entries(sd)) {
    if (!m.every((row) => row.every(Number.isFinite))) throw new CliError(`training diverged (${name} is no longer finite); try a smaller --lr`);
  }
}

export function train(flags: Flags, io: Io): void {
  const initPath = flags.get('init');
  const seedText = flags.get('seed');
  if (initPath === undefined && seedText === undefined) throw new CliError('train needs --init FILE or --seed N');
  const seed = seedText === undefined ? 42 : parseSeed(seedText);
  const steps = parseInteger('steps', flags.require('steps'), 1, Number.MAX_SAFE_INTEGER, 'an integer ≥ 1');
  const lrText = flags.get('lr');
  const lr = lrText === undefined ? adamDefaults.lr : parseReal('lr', lrText, (x) => x > 0, 'a finite number > 0');
  const engine = parseEngine(flags.get('engine') ?? 'fast');
  const out = flags.require('out');
  const shuffle = !flags.has('no-shuffle');
  const sizes = givenSizeFlags(flags);
  if (initPath !== undefined && sizes.length > 0) {
    throw new CliError(`--${sizes[0]} cannot be used with --init (the config comes from the weights file)`);
  }
  const data = readDataset(flags.get('data'));
  const start = initPath === undefined ? fromSeed(flags, seed, shuffle, data) : fromInit(initPath, seed, shuffle, data);
  checkOutPath(out);

  const { config, tokenizer, order } = start;
  const trainer = createTrainer(engine, { config, stateDict: start.stateDict, numSteps: steps, adam: { lr } });
  const log = new TrainLog(io, steps);
  const started = performance.now();
  for (let s = 0; s < steps; s++) {
    log.step(s + 1, trainer.step(tokenizer.encodeDocument(order[s % order.length])));
  }
  const seconds = (performance.now() - started) / 1000;
  const stateDict = trainer.stateDict();
  checkFinite(stateDict);
  writeWeights(out, { config, tokenizer, stateDict });
  log.summary(seconds, out);
}
