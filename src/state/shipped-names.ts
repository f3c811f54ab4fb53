// The names the site ships (public/data/names.txt), fetched at most once per page however
// many islands need them.

import { validateDataset } from './custom-dataset.ts';
import { once } from './once.ts';

/** The text of a file the site ships; rejects with a readable message naming `what`. */
export async function fetchShipped(url: string, what: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what} could not be loaded (HTTP ${res.status})`);
  return res.text();
}

/** The names in the shipped file's text; throws with the reason when it is empty, binary or otherwise unusable (a broken deploy, a proxy's error page). */
export function shippedNamesFrom(text: string): string[] {
  const check = validateDataset(text, 'names.txt');
  if (!check.ok) throw new Error(`the names file is unusable: ${check.problem.message}`);
  return check.dataset.docs;
}

/** Load /data/names.txt (once): one name per document. */
export const loadShippedNames = once(async (): Promise<string[]> => shippedNamesFrom(await fetchShipped('/data/names.txt', 'the names')));
