import { describe, expect, it } from 'vitest';
import type { ListingLine } from '../../../../src/viz/program/line-groups.ts';
import { alignTwin, parseTwinHash, placeTwin, twinGroupOf, twinLineForKey, twinRows } from '../../../../src/viz/program/twin.ts';

/** A listing of one file from its lines' texts; `pieces` starts a new part of the file at those indices. */
const listing = (texts: string[], file: string, pieces: number[] = []): ListingLine[] => {
  let piece = 0;
  return texts.map((text, i) => {
    if (pieces.includes(i)) piece++;
    return { n: i + 1, file, fileLine: i + 10, text, piece };
  });
};
const ts = listing(['function f() {', '  return 1;', '}', '', 'const x = f();', 'log(x);'], 'a.ts');
const py = listing(['def f():', '    return 1', '', 'def helper():', '    pass', 'x = f()'], 'a.py');
const specs = [
  { file: 'a.ts', first: 'function f() {', lines: 3, py: { first: 'def f():', lines: 2 } },
  { py: { first: 'def helper():', lines: 2 } },
  { file: 'a.ts', first: 'const x = f();', py: { first: 'x = f()' } },
  { file: 'a.ts', first: 'log(x);' },
];

describe('placeTwin', () => {
  it('places each group on both sides by its first lines’ texts', () => {
    const groups = alignTwin(ts, py, specs, 'a.py');
    expect(groups.map((g) => [g.ts, g.py])).toEqual([
      [{ start: 1, end: 3 }, { start: 1, end: 2 }],
      [null, { start: 4, end: 5 }],
      [{ start: 5, end: 5 }, { start: 6, end: 6 }],
      [{ start: 6, end: 6 }, null],
    ]);
  });

  it('names a Python line left without an explanation', () => {
    const { problems } = placeTwin(ts, py, specs.filter((s) => s.file), 'a.py');
    expect(problems).toEqual(['Python: line 4 (a.py:13) “def helper():” has no explanation', 'Python: line 5 (a.py:14) “pass” has no explanation']);
  });

  it('names an explanation whose Python line is gone', () => {
    const gone = specs.map((s, i) => (i === 2 ? { ...s, py: { first: 'x = g()' } } : s));
    const { problems } = placeTwin(ts, py, gone, 'a.py');
    expect(problems.some((p) => /^Python: the explanation of “x = g\(\)” in a\.py names a line that is not in the listing/.test(p))).toBe(true);
    expect(problems.some((p) => /“x = f\(\)” has no explanation/.test(p))).toBe(true);
    expect(() => alignTwin(ts, py, gone, 'a.py')).toThrow(/line group problem/);
  });

  it('names an explanation that names no line at all', () => {
    const { problems } = placeTwin(ts, py, [...specs, {}], 'a.py');
    expect(problems).toEqual(['explanation 5 names no line on either side']);
  });
});

describe('twinRows', () => {
  const groups = alignTwin(ts, py, specs, 'a.py');
  const rows = twinRows(ts, py, groups);

  it('pads the shorter side of each group with blank rows, so the next group starts level', () => {
    expect(rows).toEqual([
      { kind: 'head', ts: 0, py: 0 },
      // the blank line after a group is shown with it
      { kind: 'group', group: 0, ts: [1, 2, 3, 4], py: [1, 2, 3], tsPad: 0, pyPad: 1 },
      { kind: 'group', group: 1, ts: [], py: [4, 5], tsPad: 2, pyPad: 0 },
      { kind: 'group', group: 2, ts: [5], py: [6], tsPad: 0, pyPad: 0 },
      { kind: 'group', group: 3, ts: [6], py: [], tsPad: 0, pyPad: 1 },
    ]);
  });

  it('starts a head row where a part of a file starts on either side', () => {
    const py2 = listing(['def f():', '    return 1', '', 'def helper():', '    pass', 'x = f()'], 'a.py', [3]);
    const r = twinRows(ts, py2, alignTwin(ts, py2, specs, 'a.py'));
    expect(r.filter((x) => x.kind === 'head')).toEqual([{ kind: 'head', ts: 0, py: 0 }, { kind: 'head', ts: null, py: 1 }]);
    expect(r[3]).toEqual({ kind: 'group', group: 1, ts: [], py: [4, 5], tsPad: 2, pyPad: 0 });
  });
});

describe('twinLineForKey', () => {
  const groups = alignTwin(ts, py, specs, 'a.py');
  const counts = { ts: ts.length, py: py.length };
  it.each([
    // one side: a line at a time on that side, blank lines included
    ['ts', { side: 'ts', n: 1 }, 'ArrowDown', { side: 'ts', n: 2 }],
    ['ts', { side: 'ts', n: 5 }, 'ArrowUp', { side: 'ts', n: 4 }],
    ['ts', { side: 'ts', n: 6 }, 'ArrowDown', { side: 'ts', n: 6 }],
    ['py', { side: 'py', n: 2 }, 'ArrowDown', { side: 'py', n: 3 }],
    ['py', { side: 'py', n: 2 }, 'End', { side: 'py', n: 6 }],
    ['py', { side: 'py', n: 5 }, 'Home', { side: 'py', n: 1 }],
    // one side, a group at a time: only that side's groups
    ['ts', { side: 'ts', n: 1 }, 'PageDown', { side: 'ts', n: 5 }],
    ['ts', { side: 'ts', n: 5 }, 'PageUp', { side: 'ts', n: 1 }],
    ['py', { side: 'py', n: 1 }, 'PageDown', { side: 'py', n: 4 }],
    // side by side: a line at a time stays on its side
    ['both', { side: 'ts', n: 3 }, 'ArrowDown', { side: 'ts', n: 4 }],
    ['both', { side: 'py', n: 4 }, 'ArrowUp', { side: 'py', n: 3 }],
    ['both', { side: 'py', n: 5 }, 'Home', { side: 'py', n: 1 }],
    ['both', { side: 'ts', n: 1 }, 'End', { side: 'ts', n: 6 }],
    // side by side, a group at a time: every group, staying on the side when the group has lines there
    ['both', { side: 'ts', n: 1 }, 'PageDown', { side: 'py', n: 4 }],
    ['both', { side: 'py', n: 4 }, 'PageDown', { side: 'py', n: 6 }],
    ['both', { side: 'py', n: 6 }, 'PageDown', { side: 'ts', n: 6 }],
    ['both', { side: 'ts', n: 6 }, 'PageUp', { side: 'ts', n: 5 }],
    ['both', { side: 'ts', n: 2 }, 'PageUp', { side: 'ts', n: 1 }],
    ['both', { side: 'ts', n: 4 }, 'PageDown', { side: 'py', n: 4 }],
    ['both', { side: 'ts', n: 4 }, 'PageUp', { side: 'ts', n: 1 }],
  ] as const)('in %s view, from %j, %s goes to %j', (view, at, key, want) => expect(twinLineForKey(groups, view, at, key, counts)).toEqual(want));

  it('leaves other keys alone', () => expect(twinLineForKey(groups, 'both', { side: 'ts', n: 1 }, 'x', counts)).toBeNull());

  it('finds a line’s group on its side, or none for a blank line', () => {
    expect(twinGroupOf(groups, { side: 'py', n: 5 })).toBe(1);
    expect(twinGroupOf(groups, { side: 'ts', n: 4 })).toBe(-1);
  });
});

describe('parseTwinHash', () => {
  it.each([
    ['#L5', { kind: 'line', side: 'ts', n: 5 }],
    ['#P12', { kind: 'line', side: 'py', n: 12 }],
    ['#every-group', { kind: 'none' }],
  ])('reads %j', (hash, want) => expect(parseTwinHash(hash, 10, 20)).toEqual(want));

  it('calls a Python line past the end unknown, naming the Python listing’s range', () => {
    expect(parseTwinHash('#P99', 10, 20)).toEqual({ kind: 'bad', message: 'The link asks for Python line 99, but the Python listing has lines 1 to 20 only.' });
  });

  it.each(['#P0', '#Pfoo', '#P'])('calls %j a bad line', (hash) => expect(parseTwinHash(hash, 10, 20).kind).toBe('bad'));
});
