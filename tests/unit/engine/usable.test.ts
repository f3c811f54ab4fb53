// The shared "can this model be run" checks: sizes before allocation, outputs after a probe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FastGPT, maxBlockSize, maxParameters, maxWorkingBytes, microgptConfig, outputsFinite, overflowProblem, parameterCount,
  parameterTotal, parseWeights, parseWeightsText, sizeProblem, toWeightsFile, usableWeights, workingBytes, WeightsError,
} from '../../../src/engine/index.ts';
import { longContext, scaledShipped, shippedFile } from '../../fixtures/hostile-weights.ts';

const shippedText = readFileSync(join(process.cwd(), 'public/data/model.json'), 'utf8');

describe('sizeProblem', () => {
  it('counts parameters as the engine lists them', () => {
    for (const c of [microgptConfig(27), { vocabSize: 5, nEmbd: 6, nHead: 3, nLayer: 3, blockSize: 5 }]) {
      expect(parameterTotal(c)).toBe(parameterCount(c));
    }
  });
  it('accepts microgpt and refuses each limit with its own sentence', () => {
    expect(sizeProblem(microgptConfig(27), 'x')).toBeNull();
    const many = { ...microgptConfig(27), nLayer: 1000 };
    expect(parameterTotal(many)).toBeGreaterThan(maxParameters);
    expect(sizeProblem(many, 'its sizes')).toMatchObject({ limit: 'parameters', message: expect.stringMatching(/^its sizes make 3,073,120 parameters; the limit is 2,000,000$/) });
    const ctx8000 = { vocabSize: 3, nEmbd: 1, nHead: 1, nLayer: 1, blockSize: 8000 };
    expect(workingBytes(ctx8000)).toBeGreaterThan(maxWorkingBytes);
    expect(sizeProblem(ctx8000, 'x')?.limit).toBe('memory');
    const long = { vocabSize: 3, nEmbd: 1, nHead: 1, nLayer: 1, blockSize: maxBlockSize + 1 };
    expect(sizeProblem(long, 'x')).toMatchObject({ limit: 'blockSize', message: 'x give a context of 1,025 tokens; the limit is 1,024' });
    expect(sizeProblem({ ...long, blockSize: maxBlockSize }, 'x')).toBeNull();
  });
});

describe('parseWeights refuses sizes it cannot run, before listing any matrix', () => {
  it.each([8000, 40_000])('block_size %i', (t) => {
    expect(() => parseWeights(longContext(t))).toThrow(/MiB of memory to run; the limit is 256 MiB/);
  });
  it('n_layer 10^12 is refused at once', () => {
    const f = shippedFile();
    f.config.n_layer = 1e12;
    expect(() => parseWeights(f)).toThrow(/parameters; the limit is 2,000,000/);
  });
  it('a small long-context file within the limits still parses', () => {
    expect(parseWeights(longContext(64)).config.blockSize).toBe(64);
  });
});

describe('overflowProblem and usableWeights', () => {
  it('pass the shipped model', () => {
    const w = parseWeightsText(shippedText);
    expect(overflowProblem(new FastGPT(w.config, w.stateDict), w.tokenizer.bos)).toBeNull();
    expect(usableWeights(w).model).toBeInstanceOf(FastGPT);
  });
  it('refuse finite weights that overflow (the shipped ones × 1e300)', () => {
    const w = parseWeights(scaledShipped(1e300)); // every number is finite, so it parses
    const model = new FastGPT(w.config, w.stateDict);
    expect(overflowProblem(model, w.tokenizer.bos)).toMatch(/overflows when it runs/);
    expect(model.overflowedAt(0)).toBe(true);
    expect(outputsFinite(model)).toBe(true); // the uniform guess: why the outputs alone are not enough
    expect(() => usableWeights(w)).toThrow(WeightsError);
  });
});

describe('a file Python wrote from a diverged run', () => {
  it.each(['NaN', 'Infinity', '-Infinity'])('names %s as the cause', (word) => {
    const text = shippedText.replace(/-?\d+\.\d+(e[-+]?\d+)?/, word);
    expect(() => parseWeightsText(text)).toThrow(`it contains ${word}, which is not a number JSON allows: the run that wrote it diverged`);
  });
  it('does not blame NaN for other broken JSON, or for a character named "NaN"', () => {
    expect(() => parseWeightsText('{"a": 1,')).toThrow(/^not valid JSON/);
    expect(() => parseWeightsText('{"NaN": x}')).toThrow(/^not valid JSON/);
  });
  it('round-trips the shipped file unchanged', () => {
    expect(toWeightsFile(parseWeightsText(shippedText))).toEqual(shippedFile());
  });
});
