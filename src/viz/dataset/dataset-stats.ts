// Statistics of a dataset of documents: plain data in, plain data out, for the dataset
// chapter's prose (at build time) and its explorer widget.

import { Random } from '../../engine/random.ts';
import { int } from '../shared/format.ts';

/** How often a key (a character, an ending, a length) occurs. */
export type Count = { key: string; count: number };

/** The headline numbers of a dataset. Lengths are in characters (code points). */
export type DatasetSummary = {
  documents: number;
  characters: number;
  shortest: number;
  longest: number;
  shortestDocs: string[];
  longestDocs: string[];
  meanLength: number;
};

/** One bar of the length histogram: documents whose length lies in [from, to]. */
export type LengthBin = { from: number; to: number; count: number };

/** Where in a document a character is counted: anywhere, as the first, or as the last. */
export type LetterPosition = 'all' | 'first' | 'last';

/** Everything the explorer draws about a dataset. */
export type DatasetStats = {
  summary: DatasetSummary;
  lengths: LengthBin[];
  letters: Record<LetterPosition, Count[]>;
};

const codePoints = (s: string) => [...s];
const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;

/** Count, shortest and longest documents, and the mean length. */
export function datasetSummary(docs: readonly string[]): DatasetSummary {
  if (docs.length === 0) return { documents: 0, characters: 0, shortest: 0, longest: 0, shortestDocs: [], longestDocs: [], meanLength: 0 };
  const lengths = docs.map((d) => codePoints(d).length);
  const characters = lengths.reduce((a, b) => a + b, 0);
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  return {
    documents: docs.length,
    characters,
    shortest,
    longest,
    shortestDocs: docs.filter((_, i) => lengths[i] === shortest),
    longestDocs: docs.filter((_, i) => lengths[i] === longest),
    meanLength: characters / docs.length,
  };
}

/**
 * Documents per length, every length from the shortest to the longest (zeros included).
 * When that is more than maxBars lengths, neighbouring lengths share a bar of equal width.
 */
export function lengthHistogram(docs: readonly string[], maxBars = 40): LengthBin[] {
  if (docs.length === 0) return [];
  const lengths = docs.map((d) => codePoints(d).length);
  const lo = Math.min(...lengths);
  const hi = Math.max(...lengths);
  const width = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, maxBars)));
  const bins: LengthBin[] = [];
  for (let from = lo; from <= hi; from += width) bins.push({ from, to: Math.min(hi, from + width - 1), count: 0 });
  for (const n of lengths) bins[Math.floor((n - lo) / width)].count++;
  return bins;
}

/** The label of a length bin: "7" or "10–19". */
export const binLabel = (b: LengthBin) => (b.from === b.to ? String(b.from) : `${b.from}–${b.to}`);

/**
 * How often each character occurs (anywhere, first or last), in code-point order.
 * Characters of `alphabet` that never occur are listed with a count of 0.
 */
export function letterCounts(docs: readonly string[], position: LetterPosition = 'all', alphabet: readonly string[] = []): Count[] {
  const counts = new Map<string, number>(alphabet.map((c) => [c, 0]));
  const add = (c: string | undefined) => { if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1); };
  for (const doc of docs) {
    const cs = codePoints(doc);
    if (position === 'all') cs.forEach(add);
    else add(position === 'first' ? cs[0] : cs[cs.length - 1]);
  }
  return [...counts.keys()].sort(byCodePoint).map((key) => ({ key, count: counts.get(key)! }));
}

/** The k largest counts, largest first; ties in key order. */
export function topCounts(counts: readonly Count[], k: number): Count[] {
  return counts.slice().sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, Math.max(0, k));
}

/** How many documents end with each ending of `length` characters (shorter documents are skipped). */
export function endingCounts(docs: readonly string[], length: number): Count[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const cs = codePoints(doc);
    if (cs.length < length) continue;
    const end = cs.slice(cs.length - length).join('');
    counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  return topCounts([...counts].map(([key, count]) => ({ key, count })), counts.size);
}

/** What comes right after a character: each follower and how often ("" when the document ends there). */
export function followerCounts(docs: readonly string[], char: string): Count[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const cs = codePoints(doc);
    cs.forEach((c, i) => {
      if (c !== char) return;
      const next = cs[i + 1] ?? '';
      counts.set(next, (counts.get(next) ?? 0) + 1);
    });
  }
  return topCounts([...counts].map(([key, count]) => ({ key, count })), counts.size);
}

/** The explorer's numbers for a dataset: summary, length bins, and character counts by position. */
export function datasetStats(docs: readonly string[], alphabet: readonly string[] = []): DatasetStats {
  return {
    summary: datasetSummary(docs),
    lengths: lengthHistogram(docs),
    letters: {
      all: letterCounts(docs, 'all', alphabet),
      first: letterCounts(docs, 'first', alphabet),
      last: letterCounts(docs, 'last', alphabet),
    },
  };
}

/**
 * k distinct documents drawn uniformly with a seeded generator, in the order drawn.
 * The same docs, k and seed always give the same sample.
 */
export function sampleDocuments(docs: readonly string[], k: number, seed: number): string[] {
  const rng = new Random(seed);
  const n = docs.length;
  const take = Math.max(0, Math.min(Math.floor(k), n));
  const index = Array.from({ length: n }, (_, i) => i);
  const out: string[] = [];
  // a partial Fisher–Yates shuffle: position i receives a uniform pick of the rest
  for (let i = 0; i < take; i++) {
    const j = i + rng.below(n - i);
    [index[i], index[j]] = [index[j], index[i]];
    out.push(docs[index[i]]);
  }
  return out;
}

/** Search by substring anywhere, or by the start of the document. */
export type SearchMode = 'contains' | 'starts';

/** A search's outcome: matches counted in full, a bounded list shown, and characters no document can contain. */
export type SearchResult = {
  /** The query as matched: case-folded (foldCase). */
  query: string;
  total: number;
  shown: string[];
  /** Distinct characters of the query outside the dataset's characters (compared case-insensitively). */
  unknown: string[];
};

/**
 * A text with case differences removed, for comparing as a reader does: composed (NFC, so an
 * accent typed as a separate mark matches the precomposed letter), lowercased without the
 * browser's locale (a Turkish setting would otherwise turn I into dotless ı), and the Greek
 * final sigma ς folded with σ — lowercasing Σ gives σ, and a reader searching Σ or σ means
 * both forms. Each code point folds to one code point, so positions still match.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase().replaceAll('ς', 'σ');
}

/**
 * Case-insensitive search of documents (compared with foldCase). `chars` is the dataset's vocabulary; a query with a
 * character outside it matches nothing and names the character instead.
 */
export function searchDocuments(
  docs: readonly string[],
  query: string,
  options: { mode?: SearchMode; limit?: number; chars?: readonly string[] } = {},
): SearchResult {
  const { mode = 'contains', limit = 50, chars } = options;
  const q = foldCase(query);
  const known = chars ? new Set(chars.map(foldCase)) : null;
  const unknown = known ? [...new Set(codePoints(q).filter((c) => !known.has(c)))] : [];
  if (q.length === 0 || unknown.length > 0) return { query: q, total: 0, shown: [], unknown };
  let total = 0;
  const shown: string[] = [];
  for (const doc of docs) {
    const d = foldCase(doc);
    if (mode === 'starts' ? d.startsWith(q) : d.includes(q)) {
      total++;
      if (shown.length < limit) shown.push(doc);
    }
  }
  return { query: q, total, shown, unknown };
}

/** A character a reader cannot see on its own: a control, format (zero-width), separator other than the space, private-use or unassigned one. */
export const invisibleChar = /^[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\p{Co}\p{Cn}]$/u;

/** A combining mark, drawn on the character before it: alone it needs a base to be seen. */
export const combiningChar = /^\p{M}$/u;

/** The code point of a character as written: U+200B. */
export function codePointName(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A character (or a token of several) as a reader can see it: the space as ␣, the tab as ⇥, an
 * invisible character by its code point (U+200B), a combining mark on a dotted circle (◌̈);
 * everything else as it is. The book's one visible form of a character, used by every chapter.
 */
export function displayChar(c: string): string {
  return [...c].map((ch) => {
    if (ch === ' ') return '␣';
    if (ch === '\t') return '⇥';
    if (invisibleChar.test(ch)) return codePointName(ch);
    if (combiningChar.test(ch)) return `◌${ch}`;
    return ch;
  }).join('');
}

/** One sentence describing a length histogram, for a screen reader. `noun` is the singular, e.g. "name". */
export function lengthChartSummary(bins: readonly LengthBin[], noun = 'document'): string {
  if (bins.length === 0) return `No ${noun}s to count.`;
  const total = bins.reduce((a, b) => a + b.count, 0);
  const top = bins.reduce((a, b) => (b.count > a.count ? b : a));
  const unit = top.from === top.to ? `${top.from} characters` : `${binLabel(top)} characters`;
  return `Bar chart of ${noun} lengths, from ${bins[0].from} to ${bins[bins.length - 1].to} characters. The most common length is ${unit}: ${int(top.count)} of ${int(total)} ${noun}s.`;
}

/** One sentence describing a character-count chart, for a screen reader. */
export function letterChartSummary(counts: readonly Count[], position: LetterPosition, noun = 'document'): string {
  const present = counts.filter((c) => c.count > 0);
  if (present.length === 0) return 'No characters to count.';
  const where = position === 'all' ? `anywhere in a ${noun}` : `as the ${position} character of a ${noun}`;
  const [most] = topCounts(present, 1);
  const least = present.reduce((a, b) => (b.count < a.count ? b : a));
  const missing = counts.length - present.length;
  return `Bar chart of how often each character appears ${where}. Most often: ${displayChar(most.key)} (${int(most.count)}); least often: ${displayChar(least.key)} (${int(least.count)})${missing ? `; ${missing} never` : ''}.`;
}
