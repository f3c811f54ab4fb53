// Text held out of the dataset box (too large to show, see src/viz/dataset/held-text.ts),
// kept in this browser until it is used, edited or cleared, so a reload does not lose a paste.
// Once used it is the reader's dataset, which custom-dataset.ts keeps on its own.

import { textLimits } from '../viz/shared/input-limits.ts';
import { loadJSON, removeKey, saveJSON } from './storage.ts';

const key = 'dataset-held:v1';

/** The held text kept from an earlier visit, or null. */
export function loadHeldText(): string | null {
  const raw = loadJSON<unknown>(key, null);
  return typeof raw === 'string' && raw.length > 0 && raw.length <= textLimits.dataset ? raw : null;
}

/** Keep held text for the next visit. Returns null when it was saved, or why it could not be. */
export function keepHeldText(text: string): string | null {
  const problem = saveJSON(key, text);
  if (problem) removeKey(key); // never let an older paste come back instead
  return problem;
}

/** Forget the held text. */
export function dropHeldText(): void {
  removeKey(key);
}
