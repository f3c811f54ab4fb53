import { describe, expect, it } from 'vitest';
import { alignGroups, groupOfLine, lineForKey, parseLineHash, placeGroups, type ListingLine } from '../../../../src/viz/program/line-groups.ts';

/** A listing of one file from its lines' texts. */
const listing = (texts: string[], file = 'a.ts'): ListingLine[] => texts.map((text, i) => ({ n: i + 1, file, fileLine: i + 10, text, piece: 0 }));
const code = ['function f() {', '  return 1;', '}', '', 'const x = f();'];

describe('placeGroups', () => {
  it('places each group at its first line, by text, and spans its lines', () => {
    const groups = alignGroups(listing(code), [{ file: 'a.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const x = f();' }]);
    expect(groups.map((g) => [g.start, g.end])).toEqual([[1, 3], [5, 5]]);
  });

  it('moves a group with its code when lines are added above it', () => {
    const groups = alignGroups(listing(['// new', ...code]), [{ file: 'a.ts', first: '// new' }, { file: 'a.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const x = f();' }]);
    expect(groups[2].start).toBe(6);
  });

  it('names a line left without an explanation', () => {
    const { problems } = placeGroups(listing(code), [{ file: 'a.ts', first: 'function f() {', lines: 2 }, { file: 'a.ts', first: 'const x = f();' }]);
    expect(problems).toEqual(['line 3 (a.ts:12) “}” has no explanation']);
  });

  it('names a line at the end left without an explanation', () => {
    const { problems } = placeGroups(listing(code), [{ file: 'a.ts', first: 'function f() {', lines: 3 }]);
    expect(problems).toEqual(['line 5 (a.ts:14) “const x = f();” has no explanation']);
  });

  it('names an explanation whose line is gone', () => {
    const specs = [{ file: 'a.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const y = f();' }];
    expect(() => alignGroups(listing(code), specs)).toThrow(/the explanation of “const y = f\(\);” in a\.ts names a line that is not in the listing/);
  });

  it('names an explanation of a line in another file', () => {
    const { problems } = placeGroups(listing(code), [{ file: 'b.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const x = f();' }]);
    expect(problems[0]).toMatch(/b\.ts names a line that is not in the listing/);
  });

  it('names an explanation out of order', () => {
    const { problems } = placeGroups(listing(code), [{ file: 'a.ts', first: 'const x = f();' }, { file: 'a.ts', first: 'function f() {', lines: 3 }]);
    expect(problems.some((p) => /out of order/.test(p))).toBe(true);
  });

  it('names a group that runs past its part of the file', () => {
    const { problems } = placeGroups(listing(code), [{ file: 'a.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const x = f();', lines: 2 }]);
    expect(problems[0]).toMatch(/spans 2 lines from line 5, past the end/);
  });

  it('needs no explanation for a blank line between groups', () => {
    expect(placeGroups(listing(code), [{ file: 'a.ts', first: 'function f() {', lines: 3 }, { file: 'a.ts', first: 'const x = f();' }]).problems).toEqual([]);
  });
});

describe('parseLineHash', () => {
  it.each([
    ['#L42', { kind: 'line', n: 42 }],
    ['#L1', { kind: 'line', n: 1 }],
    ['', { kind: 'none' }],
    ['#every-group', { kind: 'none' }],
  ])('reads %j', (hash, want) => expect(parseLineHash(hash, 100)).toEqual(want));

  it('calls a line past the end unknown, naming the range', () => {
    expect(parseLineHash('#L9999', 361)).toEqual({ kind: 'bad', message: 'The link asks for line 9999, but the listing has lines 1 to 361 only.' });
  });

  it('quotes a bad line decoded and cut short', () => {
    expect(parseLineHash('#L%F0%9F%98%80', 10)).toMatchObject({ message: expect.stringContaining('line “😀”') });
    expect(parseLineHash('#L%E0%A4%A', 10)).toMatchObject({ message: expect.stringContaining('line “%E0%A4%A”') });
    expect(parseLineHash(`#L${'x'.repeat(500)}`, 10)).toMatchObject({ message: expect.stringContaining(`line “${'x'.repeat(20)}…”`) });
  });

  it.each(['#L0', '#Lfoo', '#L', '#L4.5', '#L-3'])('calls %j a bad line', (hash) => expect(parseLineHash(hash, 10).kind).toBe('bad'));
});

describe('lineForKey', () => {
  const groups = [{ start: 1, end: 3 }, { start: 5, end: 5 }, { start: 6, end: 9 }];
  it.each([
    // a line at a time, blank lines included, and no further than the first and last
    [1, 'ArrowDown', 2], [3, 'ArrowDown', 4], [4, 'ArrowDown', 5], [10, 'ArrowDown', 10],
    [6, 'ArrowUp', 5], [2, 'ArrowUp', 1], [1, 'ArrowUp', 1],
    [7, 'Home', 1], [1, 'End', 10],
    // a group at a time
    [1, 'PageDown', 5], [2, 'PageDown', 5], [5, 'PageDown', 6], [6, 'PageDown', 6], [4, 'PageDown', 5], [10, 'PageDown', 6],
    [6, 'PageUp', 5], [7, 'PageUp', 6], [1, 'PageUp', 1], [4, 'PageUp', 1],
  ])('from line %i, %s goes to line %i', (n, key, want) => expect(lineForKey(groups, n, key, 10)).toBe(want));

  it('leaves other keys alone', () => expect(lineForKey(groups, 1, 'a', 10)).toBeNull());

  it('finds the group of a line, or none for a blank line', () => {
    expect(groupOfLine(groups, 7)).toBe(2);
    expect(groupOfLine(groups, 4)).toBe(-1);
  });
});
