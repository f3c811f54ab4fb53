// The names the site ships (public/data/names.txt), fetched at most once per page however
// many islands need them.

import { parseDocuments } from '../engine/data.ts';
import { once } from './once.ts';

/** The text of a file the site ships; rejects with a readable message naming `what`. */
export async function fetchShipped(url: string, what: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what} could not be loaded (HTTP ${res.status})`);
  return res.text();
}

/** Load /data/names.txt (once): one name per document. */
export const loadShippedNames = once(async (): Promise<string[]> => parseDocuments(await fetchShipped('/data/names.txt', 'the names')));
