// The reader's progress, kept in this browser only: chapters visited and exercise answers
// revealed. Everything keeps working (without memory) when storage is off.

import { loadJSON, removeKey, saveJSON } from './storage.ts';

/** What is remembered: visited chapter slugs and, per chapter, revealed exercise ids. */
export type Progress = { visited: string[]; revealed: Record<string, string[]> };

const key = 'progress:v1';
const empty = (): Progress => ({ visited: [], revealed: {} });

/** The stored progress, cleaned of anything malformed. */
export function readProgress(): Progress {
  const raw = loadJSON<unknown>(key, null);
  if (typeof raw !== 'object' || raw === null) return empty();
  const r = raw as Partial<Progress>;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const revealed: Record<string, string[]> = {};
  if (typeof r.revealed === 'object' && r.revealed !== null) {
    for (const [slug, ids] of Object.entries(r.revealed)) revealed[slug] = strings(ids);
  }
  return { visited: strings(r.visited), revealed };
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

/** Forget everything. */
export function resetProgress(): void {
  removeKey(key);
}
