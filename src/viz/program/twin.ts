// The whole program beside its Python twin: each explanation names its TypeScript lines, its
// Python lines (src/engine/microgpt.py), or both, always by a first line's text and a count.
// Placing both sides finds every unexplained line and every explanation whose line is gone, on
// either side; the rows put a group's two sides level, padding the shorter with blank rows.

import { lineForKey, parseLineHash, placeGroups, type GroupAnchor, type ListingLine } from './line-groups.ts';

/** A group's Python lines: the first line's text (trimmed) and how many lines (1 unless given). */
export type PyAnchor = { first: string; lines?: number };

/** What an explanation says about where it sits: TypeScript lines, Python lines, or both. */
export type TwinAnchor = { file?: string; first?: string; lines?: number; py?: PyAnchor };

/** Lines of one side of the listing, first and last (inclusive), numbered from 1 on that side. */
export type LineRange = { start: number; end: number };

/** A group placed on both sides; a side it has no lines on is null. */
export type TwinGroup<T extends TwinAnchor> = { spec: T; index: number; ts: LineRange | null; py: LineRange | null };

export type Side = 'ts' | 'py';
/** What the listing shows: TypeScript, Python, or the two side by side. */
export type View = Side | 'both';

const hasTs = (s: TwinAnchor): s is TwinAnchor & GroupAnchor => s.file !== undefined && s.first !== undefined;

/**
 * Place the explanations on both listings. Every non-blank line of either must fall in exactly
 * one group, every named line must be there, in order, and every explanation names some line.
 */
export function placeTwin<T extends TwinAnchor>(ts: readonly ListingLine[], py: readonly ListingLine[], specs: readonly T[], pyFile: string): { groups: TwinGroup<T>[]; problems: string[] } {
  const problems: string[] = [];
  const tsIdx = specs.flatMap((s, i) => (hasTs(s) ? [i] : []));
  const pyIdx = specs.flatMap((s, i) => (s.py ? [i] : []));
  const tsPlaced = placeGroups(ts, tsIdx.map((i) => specs[i] as T & GroupAnchor));
  const pyPlaced = placeGroups(py, pyIdx.map((i) => ({ file: pyFile, first: specs[i].py!.first, lines: specs[i].py!.lines })));
  problems.push(...tsPlaced.problems, ...pyPlaced.problems.map((p) => `Python: ${p}`));
  const groups: TwinGroup<T>[] = specs.map((spec, index) => ({ spec, index, ts: null, py: null }));
  for (const g of tsPlaced.groups) groups[tsIdx[g.index]].ts = { start: g.start, end: g.end };
  for (const g of pyPlaced.groups) groups[pyIdx[g.index]].py = { start: g.start, end: g.end };
  specs.forEach((s, i) => {
    if (!hasTs(s) && !s.py) problems.push(`explanation ${i + 1} names no line on either side`);
    else if (!hasTs(s) && (s.file !== undefined || s.first !== undefined)) problems.push(`explanation ${i + 1} gives a TypeScript file or first line but not both`);
  });
  return { groups, problems };
}

/** placeTwin, failing with every problem named when there is any. */
export function alignTwin<T extends TwinAnchor>(ts: readonly ListingLine[], py: readonly ListingLine[], specs: readonly T[], pyFile: string): TwinGroup<T>[] {
  const { groups, problems } = placeTwin(ts, py, specs, pyFile);
  if (problems.length > 0) throw new Error(`The whole program: ${problems.length} line group problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  return groups;
}

/** One row of the listing: a part of a file starting on either side, or a group's two sides. */
export type TwinRow =
  | { kind: 'head'; ts: number | null; py: number | null }
  | { kind: 'group'; group: number; ts: number[]; py: number[]; tsPad: number; pyPad: number };

/**
 * For one side, the group each line is shown with: its own group, or for a blank line between
 * groups the group above it in the same part of the file (the one below at a part's start).
 */
function owners(lines: readonly ListingLine[], ranges: readonly (LineRange | null)[]): number[] {
  const own = lines.map(() => -1);
  ranges.forEach((r, gi) => {
    if (r) for (let n = r.start; n <= r.end; n++) own[n - 1] = gi;
  });
  for (let i = 1; i < lines.length; i++) if (own[i] < 0 && lines[i].piece === lines[i - 1].piece) own[i] = own[i - 1];
  for (let i = lines.length - 2; i >= 0; i--) if (own[i] < 0 && lines[i].piece === lines[i + 1].piece) own[i] = own[i + 1];
  return own;
}

/**
 * The rows of the listing, in the explanations' order: each group's TypeScript and Python lines
 * (with the blank lines after them), each side padded with blank rows to the longer side's
 * count, so the next group starts level on both sides; a head row where a part of a file starts.
 */
export function twinRows(ts: readonly ListingLine[], py: readonly ListingLine[], groups: readonly { ts: LineRange | null; py: LineRange | null }[]): TwinRow[] {
  const tsOwn = owners(ts, groups.map((g) => g.ts));
  const pyOwn = owners(py, groups.map((g) => g.py));
  const rows: TwinRow[] = [];
  groups.forEach((_, gi) => {
    const tsN = ts.filter((_, i) => tsOwn[i] === gi).map((l) => l.n);
    const pyN = py.filter((_, i) => pyOwn[i] === gi).map((l) => l.n);
    const startsPiece = (lines: readonly ListingLine[], ns: number[]) => (ns.length > 0 && (ns[0] === 1 || lines[ns[0] - 2].piece !== lines[ns[0] - 1].piece) ? lines[ns[0] - 1].piece : null);
    const head = { ts: startsPiece(ts, tsN), py: startsPiece(py, pyN) };
    if (head.ts !== null || head.py !== null) rows.push({ kind: 'head', ...head });
    const tall = Math.max(tsN.length, pyN.length);
    rows.push({ kind: 'group', group: gi, ts: tsN, py: pyN, tsPad: tall - tsN.length, pyPad: tall - pyN.length });
  });
  return rows;
}

/** A selected line: its side and its number on that side. */
export type TwinLine = { side: Side; n: number };

/** Whether the view shows a side. */
export const shows = (view: View, side: Side): boolean => view === 'both' || view === side;

/** The group holding a line of a side, or -1 (a blank line between groups). */
export function twinGroupOf(groups: readonly { ts: LineRange | null; py: LineRange | null }[], line: TwinLine): number {
  return groups.findIndex((g) => {
    const r = g[line.side];
    return r !== null && r.start <= line.n && line.n <= r.end;
  });
}

/**
 * Where a key moves the selection in a view, `counts` being each side's number of lines:
 * Up/Down one line and Home/End to the first/last line, on the side the selection is on (the
 * side shown, in a view of one side); PageUp/PageDown to the previous/next group the view
 * shows, onto its first line on the selection's side when it has lines there (else the other
 * side). null for any other key.
 */
export function twinLineForKey(groups: readonly { ts: LineRange | null; py: LineRange | null }[], view: View, at: TwinLine, key: string, counts: Record<Side, number>): TwinLine | null {
  const byLine = key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';
  if (view !== 'both') {
    const side = view;
    const ranges = groups.flatMap((g) => (g[side] ? [g[side]] : []));
    const from = at.side === side ? at.n : (ranges[0]?.start ?? 1);
    const n = at.side === side || !byLine ? lineForKey(ranges, from, key, counts[side]) : key === 'End' ? counts[side] : from;
    return n === null ? null : { side, n };
  }
  if (byLine) return { side: at.side, n: lineForKey([], at.n, key, counts[at.side])! };
  // side by side, a group at a time: every group is a row, and a blank line is shown in the row of the group above it
  let k = twinGroupOf(groups, at);
  let below = k >= 0 && at.n > groups[k][at.side]!.start;
  if (k < 0) {
    k = groups.findLastIndex((g) => g[at.side] !== null && g[at.side]!.start < at.n);
    below = k >= 0;
  }
  let to: number;
  if (key === 'PageDown') to = k < 0 ? 0 : k + 1;
  else if (key === 'PageUp') to = k < 0 ? 0 : below ? k : k - 1;
  else return null;
  to = Math.max(0, Math.min(groups.length - 1, to));
  const g = groups[to];
  const side: Side = g[at.side] ? at.side : at.side === 'ts' ? 'py' : 'ts';
  return { side, n: g[side]!.start };
}

/** What a location hash asks for: #L42 (a TypeScript line), #P12 (a Python line), nothing, or a bad line. */
export type TwinHash = { kind: 'none' } | { kind: 'line'; side: Side; n: number } | { kind: 'bad'; message: string };

/** Read "#L42" against the TypeScript listing and "#P12" against the Python one. */
export function parseTwinHash(hash: string, tsCount: number, pyCount: number): TwinHash {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('P')) {
    const r = parseLineHash(`#L${h.slice(1)}`, pyCount);
    if (r.kind === 'line') return { kind: 'line', side: 'py', n: r.n };
    if (r.kind === 'bad') return { kind: 'bad', message: r.message.replace('asks for line', 'asks for Python line').replace("the listing's lines", "the Python lines").replace('the listing has', 'the Python listing has') };
    return r;
  }
  const r = parseLineHash(hash, tsCount);
  return r.kind === 'line' ? { kind: 'line', side: 'ts', n: r.n } : r;
}

/** The id of a line's element and its permalink: L42 for TypeScript, P12 for Python. */
export const lineId = (line: TwinLine): string => `${line.side === 'ts' ? 'L' : 'P'}${line.n}`;
