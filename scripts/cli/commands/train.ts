// `microgpt train`: one document per step, from fresh weights (--seed) or a weights file (--init).

import type { EngineKind, GPTConfig, StateDict } from '../../../src/engine/index.ts';
import { Tokenizer, adamDefaults, runTraining } from '../../../src/engine/index.ts';
import type { Flags, FlagSpec } from '../args.ts';
import { configFromFlags, givenSizeFlags, maxValueParameters, parameterTotal, sizeFlags } from '../config.ts';
import { CliError } from '../error.ts';
import type { Dataset } from '../files.ts';
import { checkOutPath, readDataset, readWeights, writeWeights } from '../files.ts';
import type { Io } from '../io.ts';
import { parseInteger, parseReal, parseSeed } from '../numbers.ts';
import { TrainLog } from './train-log.ts';
import { checkVocabulary } from '../vocab.ts';

/** About an hour at microgpt's sizes; a run that long is a typo more often than a plan. */
const maxSteps = 1_000_000;

export const trainFlags: FlagSpec = {
  init: 'FILE', seed: 'N', data: 'FILE', steps: 'N', lr: 'X', 'no-shuffle': null, engine: 'fast|value', out: 'FILE', ...sizeFlags,
};

/** Everything training starts from; no stateDict means fresh weights drawn from the seed. */
type Start = { config: GPTConfig; tokenizer: Tokenizer; stateDict?: StateDict };

/** Fresh weights: the tokenizer comes from the dataset, the sizes from the flags. */
function fromData(flags: Flags, data: Dataset): Start {
  const tokenizer = Tokenizer.fromDocuments(data.docs);
  return { config: configFromFlags(flags, tokenizer.vocabSize), tokenizer };
}

/** Weights from a file; the seed still shuffles the documents, with the same permutation as fresh weights get. */
function fromInit(path: string, data: Dataset): Start {
  const weights = readWeights('init', path);
  checkVocabulary(weights.tokenizer, data.docs, data.source);
  return weights;
}

function parseEngine(text: string): EngineKind {
  if (text === 'fast' || text === 'value') return text;
  throw new CliError(`--engine must be fast or value, got ${JSON.stringify(text)}`);
}

/**
 * A diverged run writes no file: NaN would become null in the JSON and the file would be unreadable.
 * Every loss was finite, so only the last step's update can have broken the weights.
 */
function checkFinite(sd: StateDict, step: number): void {
  for (const [name, m] of Object.entries(sd)) {
    if (!m.every((row) => row.every(Number.isFinite))) throw new CliError(`training diverged at step ${step} (${name} is no longer finite); try a smaller --lr`);
  }
}

export function train(flags: Flags, io: Io): void {
  const initPath = flags.get('init');
  const seedText = flags.get('seed');
  if (initPath === undefined && seedText === undefined) throw new CliError('train needs --init FILE or --seed N');
  const seed = seedText === undefined ? 42 : parseSeed(seedText);
  const steps = parseInteger('steps', flags.require('steps'), 1, maxSteps, `an integer from 1 to ${maxSteps.toLocaleString('en-US')}`);
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
  const { config, tokenizer, stateDict: init } = initPath === undefined ? fromData(flags, data) : fromInit(initPath, data);
  if (engine === 'value' && parameterTotal(config) > maxValueParameters) {
    throw new CliError(`--engine value builds a graph node for every multiplication: it runs models of up to ${maxValueParameters.toLocaleString('en-US')} parameters (use --engine fast)`);
  }
  // before any step: a run must never end with nowhere to put its weights
  const target = checkOutPath(out, flags.get('data'));

  const log = new TrainLog(io, steps);
  const started = performance.now();
  const { stateDict } = runTraining({
    docs: data.docs, tokenizer, config, seed, numSteps: steps, engine, adam: { lr }, shuffle, stateDict: init,
    onStep: (step, loss) => {
      // stop at once: every later step is NaN too, and the log would fill with it
      if (!Number.isFinite(loss)) throw new CliError(`training diverged at step ${step} (the loss is no longer finite); try a smaller --lr`);
      log.step(step, loss);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  checkFinite(stateDict, steps);
  writeWeights(target, { config, tokenizer, stateDict });
  log.summary(seconds, out);
}
