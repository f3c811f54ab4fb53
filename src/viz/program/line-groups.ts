// The whole program's line groups: each explanation names the first line of its group by text
// (and file), never by number, so an edit to the engine moves it with the code. Aligning the
// groups with the listing finds every line left without an explanation and every explanation
// whose line is gone; the page's build and a unit test both fail on either.

import { clipped } from '../shared/format.ts';

/** One line of the listing: its number in the listing (from 1), where it comes from, its text. */
export type ListingLine = { n: number; file: string; fileLine: number; text: string; piece: number };

/** What a group says about where it sits: the file, its first line's text (trimmed), how many lines. */
export type GroupAnchor = { file: string; first: string; lines?: number };

/** A group placed on the listing: its first and last line numbers (inclusive). */
export type PlacedGroup<T extends GroupAnchor> = { spec: T; index: number; start: number; end: number };

const blank = (l: ListingLine) => l.text.trim() === '';
const where = (l: ListingLine) => `line ${l.n} (${l.file}:${l.fileLine}) “${l.text.trim()}”`;
const named = (g: GroupAnchor) => `the explanation of “${g.first}” in ${g.file}`;

/**
 * Place the groups, in order, on the listing. Blank lines between groups need no explanation;
 * every other line must fall in exactly one group. Returns the groups and every problem found.
 */
export function placeGroups<T extends GroupAnchor>(listing: readonly ListingLine[], specs: readonly T[]): { groups: PlacedGroup<T>[]; problems: string[] } {
  const groups: PlacedGroup<T>[] = [];
  const problems: string[] = [];
  let i = 0;
  const unexplained = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (!blank(listing[k])) problems.push(`${where(listing[k])} has no explanation`);
  };
  specs.forEach((spec, index) => {
    const count = spec.lines ?? 1;
    if (!Number.isInteger(count) || count < 1) {
      problems.push(`${named(spec)} spans ${count} lines; it must span a whole number ≥ 1`);
      return;
    }
    let j = i;
    while (j < listing.length && !(listing[j].file === spec.file && listing[j].text.trim() === spec.first)) j++;
    if (j === listing.length) {
      const anywhere = listing.some((l) => l.file === spec.file && l.text.trim() === spec.first);
      problems.push(anywhere
        ? `${named(spec)} is out of order: that line comes before the group explained just above it`
        : `${named(spec)} names a line that is not in the listing (was it edited or removed?)`);
      return;
    }
    unexplained(i, j);
    const end = j + count - 1;
    if (end >= listing.length || listing[end].piece !== listing[j].piece) {
      problems.push(`${named(spec)} spans ${count} lines from line ${listing[j].n}, past the end of its part of ${spec.file}`);
      i = j + 1;
      return;
    }
    groups.push({ spec, index, start: listing[j].n, end: listing[end].n });
    i = end + 1;
  });
  unexplained(i, listing.length);
  return { groups, problems };
}

/** placeGroups, failing with every problem named when there is any. */
export function alignGroups<T extends GroupAnchor>(listing: readonly ListingLine[], specs: readonly T[]): PlacedGroup<T>[] {
  const { groups, problems } = placeGroups(listing, specs);
  if (problems.length > 0) throw new Error(`The whole program: ${problems.length} line group problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  return groups;
}

/** The group holding line n, or -1 for a blank line between groups (or a line past the end). */
export function groupOfLine(groups: readonly { start: number; end: number }[], n: number): number {
  return groups.findIndex((g) => g.start <= n && n <= g.end);
}

/** What a location hash asks for: nothing, a line of the listing, or a line that is not there (with why). */
export type LineHash = { kind: 'none' } | { kind: 'line'; n: number } | { kind: 'bad'; message: string };

/** A hash as the reader typed it: percent-escapes decoded, or left as they are when they do not decode. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Read "#L42" against a listing of `count` lines. Other hashes (a heading's id) are not ours: 'none'. */
export function parseLineHash(hash: string, count: number): LineHash {
  const h = hash.replace(/^#/, '');
  if (!/^L/.test(h)) return { kind: 'none' };
  const digits = h.slice(1);
  if (!/^[0-9]+$/.test(digits)) return { kind: 'bad', message: `The link asks for line “${clipped(decoded(digits))}”, which is not a line number: the listing's lines are numbered 1 to ${count}.` };
  const n = Number(digits);
  if (n < 1 || n > count) return { kind: 'bad', message: `The link asks for line ${digits}, but the listing has lines 1 to ${count} only.` };
  return { kind: 'line', n };
}

/**
 * The line a key moves the selection to, from line n of a listing of `count` lines: Up/Down one
 * line (blank lines too, so every line can be reached and read), PageUp/PageDown to the first
 * line of the group before/after, Home/End to the first/last line. null for any other key.
 */
export function lineForKey(groups: readonly { start: number; end: number }[], n: number, key: string, count: number): number | null {
  if (count < 1) return null;
  if (key === 'Home') return 1;
  if (key === 'End') return count;
  if (key === 'ArrowDown') return Math.min(count, n + 1);
  if (key === 'ArrowUp') return Math.max(1, n - 1);
  if (key !== 'PageDown' && key !== 'PageUp') return null;
  if (groups.length === 0) return n;
  const at = groups.findIndex((g) => n <= g.end); // the group holding n, or the next one after a blank line
  if (at < 0) return groups[groups.length - 1].start; // past the last group
  const inside = groups[at].start <= n;
  if (key === 'PageDown') return groups[Math.min(groups.length - 1, inside ? at + 1 : at)].start;
  if (inside && n > groups[at].start) return groups[at].start; // PageUp from inside a group: to its first line
  return groups[Math.max(0, at - 1)].start;
}
