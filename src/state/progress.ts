// The reader's progress, kept in this browser only: chapters visited, exercises the reader
// marked solved, and exercise answers revealed ("answer seen"). Everything keeps working
// (without memory) when storage is off.

import { int } from '../viz/shared/format.ts';
import { loadJSON, removeKey, saveJSON } from './storage.ts';

/** What is remembered: visited chapter slugs and, per chapter, solved and revealed exercise ids. */
export type Progress = { visited: string[]; solved: Record<string, string[]>; revealed: Record<string, string[]> };

const key = 'progress:v1';
const empty = (): Progress => ({ visited: [], solved: {}, revealed: {} });

const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
const perChapter = (x: unknown): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    for (const [slug, ids] of Object.entries(x)) out[slug] = strings(ids);
  }
  return out;
};

/** The stored progress, cleaned of anything malformed (older records lack `solved`). */
export function readProgress(): Progress {
  const raw = loadJSON<unknown>(key, null);
  if (typeof raw !== 'object' || raw === null) return empty();
  const r = raw as Record<string, unknown>;
  return { visited: strings(r.visited), solved: perChapter(r.solved), revealed: perChapter(r.revealed) };
}

/** Remember that a chapter was opened. */
export function markVisited(slug: string): string | null {
  const p = readProgress();
  if (p.visited.includes(slug)) return null;
  p.visited.push(slug);
  return saveJSON(key, p);
}

/** Remember that an exercise's answer was revealed. */
export function markRevealed(slug: string, exercise: string): string | null {
  const p = readProgress();
  const ids = (p.revealed[slug] ??= []);
  if (ids.includes(exercise)) return null;
  ids.push(exercise);
  return saveJSON(key, p);
}

/** Remember (or forget) that the reader solved an exercise. */
export function setSolved(slug: string, exercise: string, solved: boolean): string | null {
  const p = readProgress();
  const ids = p.solved[slug] ?? [];
  const has = ids.includes(exercise);
  if (has === solved) return null;
  p.solved[slug] = solved ? [...ids, exercise] : ids.filter((id) => id !== exercise);
  return saveJSON(key, p);
}

/** Counts for one chapter of `total` exercises: solved and answers seen, each at most `total`. */
export function chapterProgress(p: Progress, slug: string, total: number): { visited: boolean; solved: number; seen: number } {
  return {
    visited: p.visited.includes(slug),
    solved: Math.min(new Set(p.solved[slug]).size, total),
    seen: Math.min(new Set(p.revealed[slug]).size, total),
  };
}

/** One line for a chapter's progress, e.g. "3 of 5 solved, 1 answer seen". */
export function progressText(c: { solved: number; seen: number }, total: number): string {
  return `${int(c.solved)} of ${int(total)} solved, ${int(c.seen)} ${c.seen === 1 ? 'answer' : 'answers'} seen`;
}

/** Forget everything. */
export function resetProgress(): void {
  removeKey(key);
}
