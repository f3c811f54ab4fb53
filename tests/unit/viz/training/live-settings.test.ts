import { describe, expect, it } from 'vitest';
import { checkWeightsText, compareWithCli, isCliRun, weightsSizeProblem, maxWeightsBytes } from '../../../../src/viz/training/live-settings.ts';
import { lrProblem, seedProblem, stepsProblem } from '../../../../src/workers/training-protocol.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
    expect(isCliRun({ ...defaults, holdout: false, shipped: true }, defaults)).toBe(true);
    expect(isCliRun({ ...defaults, holdout: true, shipped: true }, defaults)).toBe(false);
    expect(isCliRun({ ...defaults, holdout: false, shipped: false }, defaults)).toBe(false);
    expect(isCliRun({ ...defaults, lr: 0.02, holdout: false, shipped: true }, defaults)).toBe(false);
  });
  it('matches to 4 decimals and says whether every digit agrees', () => {
    expect(compareWithCli(2.11840459, 2.11840459)).toMatchObject({ match: true, identical: true, page: '2.1184' });
    expect(compareWithCli(2.11841, 2.11838)).toMatchObject({ match: true, identical: false });
    expect(compareWithCli(2.1186, 2.1184).match).toBe(false);
  });
});

describe('a weights file', () => {
  const shipped = readFileSync(join(process.cwd(), 'public/data/model.json'), 'utf8');
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
  ])('is refused when %s, with a clear message', (_n, text, message) => {
    const c = checkWeightsText(text);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(message);
  });
  it('is refused before reading when empty or over the size limit', () => {
    expect(weightsSizeProblem(0)).toMatch(/empty/);
    expect(weightsSizeProblem(maxWeightsBytes + 1)).toMatch(/limit is 5 MB/);
    expect(weightsSizeProblem(80_000)).toBeNull();
  });
});
