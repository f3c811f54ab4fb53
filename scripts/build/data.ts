// Build-time data: train the shipped model and write the numbers the prose quotes.
// Runs before every build (about a second), so the site can never drift from the engine.
//   public/data/names.txt   the default dataset, one name per line
//   public/data/model.json  the trained weights (weights-file format)
//   src/generated/facts.json dataset size, vocabulary, parameter count, losses, samples

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FastGPT, Random, Tokenizer, generate, microgptConfig, parameterCount, runTraining, toWeightsFile,
} from '../../src/engine/index.ts';
import { defaultNames } from './names.ts';

export const shippedModel = { seed: 42, numSteps: 1000, sampleSeed: 42, sampleTemperature: 0.5, sampleCount: 20 };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

const docs = defaultNames();
const tokenizer = Tokenizer.fromDocuments(docs);
const config = microgptConfig(tokenizer.vocabSize);
const { stateDict, losses } = runTraining({ docs, tokenizer, config, seed: shippedModel.seed, numSteps: shippedModel.numSteps });

const model = new FastGPT(config, stateDict);
const sampler = new Random(shippedModel.sampleSeed);
const samples = Array.from({ length: shippedModel.sampleCount }, () =>
  generate(model, tokenizer, sampler, { temperature: shippedModel.sampleTemperature }).text);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const lengths = docs.map((d) => d.length);

const facts = {
  dataset: {
    documents: docs.length,
    characters: lengths.reduce((a, b) => a + b, 0),
    shortest: Math.min(...lengths),
    longest: Math.max(...lengths),
    longestNames: docs.filter((d) => d.length === Math.max(...lengths)),
  },
  vocab: { size: tokenizer.vocabSize, chars: tokenizer.chars.join(''), bos: tokenizer.bos },
  model: { ...config, parameters: parameterCount(config) },
  training: {
    seed: shippedModel.seed,
    steps: shippedModel.numSteps,
    uniformLoss: -Math.log(1 / tokenizer.vocabSize),
    firstLoss: losses[0],
    finalLoss: losses[losses.length - 1],
    meanFirst100: mean(losses.slice(0, 100)),
    meanLast100: mean(losses.slice(-100)),
  },
  samples: { seed: shippedModel.sampleSeed, temperature: shippedModel.sampleTemperature, names: samples },
};

write('public/data/names.txt', docs.join('\n') + '\n');
write('public/data/model.json', JSON.stringify(toWeightsFile({ config, tokenizer, stateDict })));
write('public/data/losses.json', JSON.stringify(losses.map((l) => Math.round(l * 1e6) / 1e6)));
write('src/generated/facts.json', JSON.stringify(facts, null, 2) + '\n');
console.log(`data: ${docs.length} names, ${facts.model.parameters} parameters, loss ${losses[0].toFixed(4)} → ${facts.training.meanLast100.toFixed(4)} (mean of last 100)`);
