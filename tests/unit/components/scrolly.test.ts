import { describe, expect, it } from 'vitest';
import { activeStep } from '../../../src/components/scrolly.ts';

describe('activeStep', () => {
  it.each([
    { tops: [500, 900, 1300], line: 400, active: 0, why: 'the first step before any text reaches the line' },
    { tops: [100, 390, 800], line: 400, active: 1, why: 'the last text that has reached the line' },
    { tops: [-900, -500, -100], line: 400, active: 2, why: 'the last step once every text has gone by' },
    { tops: [400, 900], line: 400, active: 0, why: 'a text exactly on the line' },
  ])('picks $why', ({ tops, line, active }) => {
    expect(activeStep(tops, line)).toBe(active);
  });
});
