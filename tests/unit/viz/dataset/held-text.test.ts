import { describe, expect, it } from 'vitest';
import { countLines, heldLine, heldSummary, pasteOverHeldProblem, previewLines } from '../../../../src/viz/dataset/held-text.ts';
import { splitLines } from '../../../../src/engine/data.ts';

describe('countLines', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['rex', 1],
    ['rex\n', 1],
    ['rex\nfido', 2],
    ['rex\r\nfido\r\n', 2],
    ['rex\rfido', 2],
    ['rex\n\nfido', 3],
    ['\n', 1],
  ];
  for (const [text, n] of cases) it(`counts ${n} in ${JSON.stringify(text)}`, () => expect(countLines(text)).toBe(n));
  it('agrees with splitLines on text that does not end with a line break', () => {
    const text = 'a\r\nb\rc\n\nd';
    expect(countLines(text)).toBe(splitLines(text).length);
  });
});

describe('previewLines', () => {
  it('gives the first lines and says whether more follow', () => {
    expect(previewLines('rex\r\nfido\nmilo\nbo', 3)).toEqual({ lines: ['rex', 'fido', 'milo'], more: true });
    expect(previewLines('rex\nfido\n', 3)).toEqual({ lines: ['rex', 'fido'], more: false });
    expect(previewLines('', 3)).toEqual({ lines: [], more: false });
  });
  it('cuts a long line to the width in characters, never splitting a character', () => {
    expect(previewLines('a'.repeat(1_000_000), 3, 60)).toEqual({ lines: [`${'a'.repeat(60)}…`], more: false });
    expect(previewLines('😀'.repeat(100), 1, 3).lines).toEqual(['😀😀😀…']);
    expect(previewLines('abc', 1, 3).lines).toEqual(['abc']);
  });
});

describe('heldSummary', () => {
  it('counts lines and UTF-8 bytes, and reads in one short line', () => {
    const text = Array.from({ length: 125_000 }, () => 'abcdefg').join('\n');
    const s = heldSummary(text);
    expect(s).toMatchObject({ lines: 125_000, bytes: text.length, preview: ['abcdefg', 'abcdefg', 'abcdefg'], more: true });
    expect(heldLine(s)).toBe('Pasted: 125,000 lines, 976.6\u00a0KiB');
    expect(heldLine(heldSummary('zoë'))).toBe('Pasted: 1 line, 4\u00a0bytes');
  });

  it('refuses a paste over the summary only when it is longer than the box takes, saying both sizes', () => {
    expect(pasteOverHeldProblem(10, 10)).toBeNull();
    expect(pasteOverHeldProblem(2_097_153, 2_097_152)).toBe('It has 2,097,153 characters; the box takes at most 2,097,152. The text held before is kept.');
  });
});
