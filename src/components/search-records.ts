// What the site search indexes besides the pages themselves: each glossary entry as its own
// record, so a search for a term finds the entry and leads to its anchor on the glossary page.

import type { CustomRecord } from 'pagefind';
import { glossary } from './glossary.ts';

/** The glossary's entries as Pagefind custom records (the URL is kept as given), served at build time by src/pages/glossary-records.json.ts. */
export function glossaryRecords(): CustomRecord[] {
  return glossary.map((e) => ({
    url: `/glossary/#${e.id}`,
    // the term first, so it weighs in the ranking as the entry's own words do
    content: `${e.term}. ${e.definition}`,
    language: 'en',
    meta: { title: e.term, kind: 'Glossary' },
  }));
}
