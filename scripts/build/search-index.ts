// The site search's index, built from the finished pages in the build output by Pagefind
// (its own binary, from the npm registry) and written into it at /pagefind/, so the search
// runs in the reader's browser with nothing fetched from anywhere but the site.
// What is indexed is marked in the pages: data-pagefind-body on <main>, data-pagefind-ignore on
// widget frames, navigation, definitions in popups and exercise answers. Each glossary entry
// is added as its own record (src/components/search-records.ts, via the file below), linked to its anchor.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { CustomRecord } from 'pagefind';

/** The glossary's records in the build output, written by src/pages/glossary-records.json.ts. */
export const glossaryRecordsFile = 'glossary-records.json';

/** Index the built site in `outDir` and write the index to `outDir`/pagefind. Returns the number of pages and records. */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number; records: number }> {
  const fail = (what: string, errors: string[]) => {
    throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
  };
  // islands' still pictures are widgets' live text, not prose; math is set as HTML spans by KaTeX (and its TeX source in MathML): neither reads as words
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.katex', 'astro-island'], forceLanguage: 'en' });
  if (!index) return fail('starting Pagefind', errors);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) fail('indexing the pages', added.errors);
    const recordsPath = join(outDir, glossaryRecordsFile);
    const records = JSON.parse(readFileSync(recordsPath, 'utf8')) as CustomRecord[];
    for (const r of records) {
      const res = await index.addCustomRecord(r);
      if (res.errors.length) fail(`adding ${r.url}`, res.errors);
    }
    rmSync(recordsPath); // build input, not part of the site
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) fail('writing the index', written.errors);
    return { pages: added.page_count, records: records.length };
  } finally {
    await pagefind.close();
  }
}
