// The numbers the home page and the glossary quote, checked against the generated file and
// the engine's own parameter count.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { microgptConfig, parameterCount } from '../../../src/engine/index.ts';
import { glossaryFacts } from '../../../src/facts/glossary.ts';
import { homeFacts } from '../../../src/facts/home.ts';

const generated = JSON.parse(readFileSync(new URL('../../../src/generated/facts.json', import.meta.url), 'utf8'));
const names = readFileSync(new URL('../../../public/data/names.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);

describe('homeFacts', () => {
  it('quotes the dataset, the vocabulary and the training run', () => {
    expect(homeFacts.documents).toBe(names.length);
    expect(homeFacts.vocabSize).toBe(new Set(names.join('')).size + 1);
    expect(homeFacts.lastLetterId).toBe(homeFacts.bos - 1);
    expect(homeFacts.steps).toBe(generated.training.steps);
    expect(homeFacts.uniformLoss).toBeCloseTo(Math.log(homeFacts.vocabSize), 12);
    expect(homeFacts.meanLast100).toBeLessThan(homeFacts.firstLoss);
    const losses: number[] = JSON.parse(readFileSync(new URL('../../../public/data/losses.json', import.meta.url), 'utf8'));
    expect(homeFacts.meanLast100).toBeCloseTo(losses.slice(-100).reduce((a, b) => a + b, 0) / 100, 5);
    expect(homeFacts.finalLoss).toBeCloseTo(losses[losses.length - 1], 5);
    expect(homeFacts.sampleNames).toEqual(generated.samples.names);
  });

  it('the parameter count is the engine’s for the shipped vocabulary', () => {
    expect(homeFacts.parameters).toBe(parameterCount(microgptConfig(homeFacts.vocabSize)));
  });
});

describe('glossaryFacts', () => {
  it('quotes the context length, parameter count and vocabulary of the shipped model', () => {
    const config = microgptConfig(homeFacts.vocabSize);
    expect(glossaryFacts).toEqual({ blockSize: config.blockSize, nEmbd: config.nEmbd, parameters: parameterCount(config), vocabSize: homeFacts.vocabSize });
  });
});
