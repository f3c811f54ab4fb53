import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedNamesFrom } from '../../../src/state/shipped-names.ts';

describe('shippedNamesFrom', () => {
  it('reads the shipped file as one name per line', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../../public/data/names.txt'), 'utf8');
    expect(shippedNamesFrom(text).length).toBeGreaterThan(8000);
  });

  it.each([
    ['an empty file', '', /unusable: There are no documents here/],
    ['a binary file', '\u0000\u0001\u00ff'.repeat(100), /unusable: This looks like a binary file/],
  ])('refuses %s with a reason instead of learning from it', (_, text, message) => {
    expect(() => shippedNamesFrom(text)).toThrow(message);
  });
});
