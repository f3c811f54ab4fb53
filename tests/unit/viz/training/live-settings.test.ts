import { describe, expect, it } from 'vitest';
import { checkWeightsText, compareWithCli, isCliRun, weightsSizeProblem, maxWeightsBytes } from '../../../../src/viz/training/live-settings.ts';
import { lrProblem, seedProblem, splitCounts, stepsProblem } from '../../../../src/workers/training-protocol.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { longContext, scaledShipped } from '../../../fixtures/hostile-weights.ts';

const shipped = readFileSync(join(process.cwd(), 'public/data/model.json'), 'utf8');
const defaults = { seed: 42, numSteps: 1000, lr: 0.01 };

describe('the live trainer’s fields (the worker protocol’s checks)', () => {
  it.each([
    ['learning rate', lrProblem, [0.01, 1e-6, 10], [0, -1, 11, Number.NaN, null]],
    ['steps', stepsProblem, [1, 1000, 50_000], [0, 1.5, 50_001, null]],
    ['seed', seedProblem, [0, 42, 2 ** 31 - 1], [-1, 0.5, 2 ** 31, null]],
  ] as const)('%s accepts what it should and says why it refuses the rest', (_n, check, good, bad) => {
    for (const v of good) expect(check('', v)).toBeNull();
    for (const v of bad) expect(check('', v)?.message).toMatch(/\w/);
  });
});

describe('the CLI comparison', () => {
  it('is made only for the CLI’s default run', () => {
    const all = 32_033;
    expect(isCliRun({ ...defaults, holdout: false, shipped: true, trainDocs: all }, defaults)).toBe(true);
    expect(isCliRun({ ...defaults, holdout: false, shipped: false, trainDocs: all }, defaults)).toBe(false);
    expect(isCliRun({ ...defaults, lr: 0.02, holdout: false, shipped: true, trainDocs: all }, defaults)).toBe(false);
  });
  it('counts a held-out run as the CLI’s while its steps stay within the names left to train on', () => {
    const train = splitCounts(32_033, true).train;
    expect(train).toBe(32_033 - 3203);
    expect(isCliRun({ ...defaults, holdout: true, shipped: true, trainDocs: train }, defaults)).toBe(true);
    expect(isCliRun({ ...defaults, holdout: true, shipped: true, trainDocs: 999 }, defaults)).toBe(false);
    expect(isCliRun({ ...defaults, holdout: true, shipped: true, trainDocs: 1000 }, defaults)).toBe(true);
  });
  it('matches to 4 decimals and says whether every digit agrees', () => {
    expect(compareWithCli(2.11840459, 2.11840459)).toMatchObject({ match: true, identical: true, page: '2.1184' });
    expect(compareWithCli(2.11841, 2.11838)).toMatchObject({ match: true, identical: false });
    expect(compareWithCli(2.1186, 2.1184).match).toBe(false);
  });
});

describe('a weights file', () => {
  it('is read when it is microgpt’s JSON', () => {
    const c = checkWeightsText(shipped);
    expect(c.ok && c.weights.config.vocabSize).toBe(27);
  });
  it.each([
    ['empty', '  ', /empty/],
    ['not JSON', '{"config":', /not valid JSON/],
    ['wrong shape', JSON.stringify({ ...JSON.parse(shipped), state_dict: { ...JSON.parse(shipped).state_dict, wte: [[1]] } }), /wte must have 27 rows/],
    ['non-finite', shipped.replace(/-?\d+\.\d+/, '1e999'), /not a finite number/],
    ['not a weights file', '[1, 2]', /JSON object/],
    ['Python wrote NaN (a diverged run)', shipped.replace(/-?\d+\.\d+/, 'NaN'), /contains NaN, which is not a number JSON allows: the run that wrote it diverged/],
    ['its weights overflow when run (× 1e300)', JSON.stringify(scaledShipped(1e300)), /overflows when it runs/],
    ['its context is too long to hold (block_size 40,000)', JSON.stringify(longContext(40_000)), /MiB of memory to run; the limit is 256 MiB/],
    ['its context is too long to run (block_size 2,000)', JSON.stringify(longContext(2000)), /context of 2,000 tokens; the limit is 1,024/],
  ])('is refused when %s, with a clear message', (_n, text, message) => {
    const c = checkWeightsText(text);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(message);
  });
  it('accepts a small long-context file within the limits', () => {
    expect(checkWeightsText(JSON.stringify(longContext(64))).ok).toBe(true);
  });
  it('is refused before reading when empty or over the size limit', () => {
    expect(weightsSizeProblem(0)).toMatch(/empty/);
    expect(weightsSizeProblem(maxWeightsBytes + 1)).toMatch(/limit is 5 MiB/);
    expect(weightsSizeProblem(80_000)).toBeNull();
  });
});


