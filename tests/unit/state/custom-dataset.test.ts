// The reader's own dataset: every refusal, the limits at their boundaries, the vocabulary
// against the engine's tokenizer, and keeping it when storage works, is off, or is full.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Tokenizer } from '../../../src/engine/tokenizer.ts';
import {
  checkSize, contextChars, datasetLimits, describeDataset, forgetPageCopy, keepCustomDataset, loadCustomDataset,
  onCustomDatasetChange, resetCustomDataset, validateDataset, type CustomDataset,
} from '../../../src/state/custom-dataset.ts';
import { installFakeStorage, removeFakeStorage, type FakeStorage } from '../lib/fake-storage.ts';

let storage: FakeStorage;
beforeEach(() => {
  storage = installFakeStorage();
  forgetPageCopy();
});
afterEach(removeFakeStorage);

const accept = (text: string, name?: string): CustomDataset => {
  const check = validateDataset(text, name);
  if (!check.ok) throw new Error(`expected acceptance, got: ${check.problem.message}`);
  return check.dataset;
};
const reasonOf = (text: string) => {
  const check = validateDataset(text);
  return check.ok ? 'accepted' : check.reason;
};

describe('validateDataset refuses what cannot be trained on, and says why', () => {
  it.each([
    ['an empty text', ''],
    ['only blank lines', '\n   \n\t\n\r\n'],
  ])('validateDataset refuses %s as empty', (_, text) => {
    const check = validateDataset(text);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toBe('empty');
      expect(check.problem.message).toMatch(/no documents/i);
    }
  });

  it('validateDataset refuses text with a NUL byte as binary', () => {
    const check = validateDataset('anna\u0000bob\n');
    expect(check).toMatchObject({ ok: false, reason: 'binary' });
    if (!check.ok) expect(check.problem.message).toMatch(/NUL/);
  });

  it('validateDataset refuses text with a high share of control or replacement characters as binary', () => {
    expect(reasonOf('ab\ufffd\ufffd\ufffd\u0001cd\n')).toBe('binary');
  });

  it('validateDataset allows control characters up to the limit share, and refuses just above it', () => {
    // 1 suspicious character in 20 is exactly 5%: allowed; 2 in 20 is 10%: refused
    expect(reasonOf('a'.repeat(19) + '\u0007')).toBe('accepted');
    expect(reasonOf('a'.repeat(18) + '\u0007\ufffd')).toBe('binary');
  });

  it('validateDataset does not count tabs, line feeds or carriage returns as control characters', () => {
    expect(reasonOf('a\tb\r\nc\r\nd\r\n')).toBe('accepted');
  });

  it('validateDataset refuses a line over the limit, naming the line, and allows one exactly at it', () => {
    const limit = datasetLimits.maxLineChars;
    expect(reasonOf('x'.repeat(limit))).toBe('accepted');
    const check = validateDataset(`ok\n${'x'.repeat(limit + 1)}\n`);
    expect(check).toMatchObject({ ok: false, reason: 'line-too-long' });
    if (!check.ok) expect(check.problem.message).toMatch(/Line 2 has 1,001 characters; the limit is 1,000/);
  });

  it('validateDataset counts lines the way Python does, so old Mac line endings (a lone \\r) are not one long line', () => {
    const half = 'x'.repeat(Math.ceil(datasetLimits.maxLineChars / 2) + 1);
    expect(reasonOf(`${half}\r${half}\r${half}`)).toBe('accepted');
    const check = validateDataset(`ok\rok\r${'x'.repeat(datasetLimits.maxLineChars + 1)}`);
    if (!check.ok) expect(check.problem.message).toMatch(/^Line 3 /);
    else expect.fail('a line over the limit was accepted');
  });

  it('validateDataset measures line length after trimming, as microgpt does', () => {
    expect(reasonOf(`   ${'x'.repeat(datasetLimits.maxLineChars)}   `)).toBe('accepted');
  });

  it('checkSize allows exactly the byte limit and refuses one byte more', () => {
    expect(checkSize(datasetLimits.maxBytes)).toBeNull();
    expect(checkSize(datasetLimits.maxBytes + 1)).toMatchObject({ ok: false, reason: 'oversized' });
    expect(checkSize(datasetLimits.maxBytes + 1)?.problem.message).toMatch(/limit is 2\.0 MiB/);
  });

  it('checkSize gives the size in bytes, so a text just over the limit does not read "2.0 MiB; the limit is 2.0 MiB"', () => {
    expect(checkSize(datasetLimits.maxBytes + 50_000)?.problem.message).toBe(
      'This is 2.0 MiB (2,147,152 bytes); the limit is 2.0 MiB (2,097,152 bytes). Try a smaller file.',
    );
  });

  it('validateDataset refuses pasted text over the limit, counted in UTF-8 bytes', () => {
    const lines = Math.ceil(datasetLimits.maxBytes / 100);
    expect(reasonOf(('y'.repeat(99) + '\n').repeat(lines))).toBe('oversized');
    // 'é' is two bytes in UTF-8: about half the limit in characters is already over it
    const accented = ('é'.repeat(99) + '\n').repeat(Math.floor(datasetLimits.maxBytes / 199) + 1);
    expect(accented.length).toBeLessThan(datasetLimits.maxBytes / 1.9);
    expect(reasonOf(accented)).toBe('oversized');
  });

  it('validateDataset refuses more distinct characters than the limit, and allows exactly the limit', () => {
    const chars = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('\n');
    expect(reasonOf(chars(datasetLimits.maxChars))).toBe('accepted');
    expect(reasonOf(chars(datasetLimits.maxChars + 1))).toBe('too-many-characters');
  });

  it('validateDataset never throws, whatever it is given', () => {
    for (const bad of [undefined, null, 42, {}, '\ud800', '\u0000'.repeat(10)] as unknown[]) {
      expect(() => validateDataset(bad as string)).not.toThrow();
    }
  });
});

describe('validateDataset accepts documents and builds the vocabulary', () => {
  it('validateDataset reads documents as microgpt does: trimmed lines, blank ones dropped', () => {
    expect(accept('  emma \n\n olivia\r\nava\n').docs).toEqual(['emma', 'olivia', 'ava']);
  });

  it.each([
    ['names', 'emma\nolivia\nava\n'],
    ['mixed case, digits and spaces', 'Hello world\nR2-D2\n  tabs\tinside \n'],
    ['accents and an emoji', 'zoë\nJosé\nsmile 😀\n'],
  ])('the vocabulary of %s equals the engine tokenizer\'s, with BOS added', (_, text) => {
    const d = accept(text);
    const tok = Tokenizer.fromDocuments(d.docs);
    expect(d.chars).toEqual(tok.chars);
    expect(d.vocabSize).toBe(tok.vocabSize);
    expect(d.vocabSize).toBe(d.chars.length + 1);
  });

  it('validateDataset names a pasted dataset "pasted text" unless told otherwise', () => {
    expect(accept('a').name).toBe('pasted text');
    expect(accept('a', 'pets.txt').name).toBe('pets.txt');
  });

  it('describeDataset reports the longest document and how many exceed the context', () => {
    expect(contextChars).toBe(15);
    const at = 'x'.repeat(contextChars);
    const over = 'y'.repeat(contextChars + 1);
    const r = describeDataset(accept(`ab\n${at}\n${over}\n${over}z\n`));
    expect(r).toEqual({ documents: 4, vocabSize: 6, chars: ['a', 'b', 'x', 'y', 'z'], longest: `${over}z`, longestLength: contextChars + 2, overContext: 2 });
  });
});

describe('keeping the dataset locally', () => {
  const pets = () => accept('rex\nfido\nmilo\n', 'pets.txt');

  it('loadCustomDataset is null before anything is kept', () => {
    expect(loadCustomDataset()).toBeNull();
  });

  it('keepCustomDataset saves it so that a later visit loads it back', () => {
    expect(keepCustomDataset(pets())).toBeNull();
    forgetPageCopy(); // as after a reload
    expect(loadCustomDataset()).toEqual(pets());
  });

  it('keepCustomDataset with storage off still uses the dataset on this page and says why it was not saved', () => {
    storage.mode = 'off';
    expect(keepCustomDataset(pets())).toMatch(/turned off/);
    expect(loadCustomDataset()).toEqual(pets());
  });

  it('keepCustomDataset with storage full still uses it on this page, and the older saved one does not come back', () => {
    keepCustomDataset(accept('old\n', 'old.txt'));
    storage.mode = 'full';
    expect(keepCustomDataset(pets())).toMatch(/full/);
    expect(loadCustomDataset()?.name).toBe('pets.txt');
    storage.mode = 'ok';
    forgetPageCopy();
    expect(loadCustomDataset()).toBeNull();
  });

  it('loadCustomDataset with storage off is null, not an exception', () => {
    storage.mode = 'off';
    expect(loadCustomDataset()).toBeNull();
  });

  it('loadCustomDataset ignores a stored value that is malformed or no longer valid', () => {
    storage.data.set('inside-microgpt:custom-dataset:v1', '{not json');
    expect(loadCustomDataset()).toBeNull();
    forgetPageCopy();
    storage.data.set('inside-microgpt:custom-dataset:v1', JSON.stringify({ name: 'x', text: '\n\n' }));
    expect(loadCustomDataset()).toBeNull();
    forgetPageCopy();
    storage.data.set('inside-microgpt:custom-dataset:v1', JSON.stringify({ text: 'ok\n' }));
    expect(loadCustomDataset()?.name).toBe('your dataset');
  });

  it('resetCustomDataset goes back to the default here and in storage', () => {
    keepCustomDataset(pets());
    resetCustomDataset();
    expect(loadCustomDataset()).toBeNull();
    forgetPageCopy();
    expect(loadCustomDataset()).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('resetCustomDataset with storage off does not throw', () => {
    keepCustomDataset(pets());
    storage.mode = 'off';
    expect(() => resetCustomDataset()).not.toThrow();
    expect(loadCustomDataset()).toBeNull();
  });

  it('onCustomDatasetChange tells listeners about every change until they stop listening', () => {
    const seen: (string | null)[] = [];
    const stop = onCustomDatasetChange((d) => seen.push(d?.name ?? null));
    keepCustomDataset(pets());
    resetCustomDataset();
    stop();
    keepCustomDataset(pets());
    expect(seen).toEqual(['pets.txt', null]);
  });
});
