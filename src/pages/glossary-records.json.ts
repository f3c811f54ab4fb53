// The glossary as Pagefind records, one per entry, for the search index. Written at build time,
// read by scripts/build/search-index.ts (which indexes each entry as its own result, linked to
// its anchor on the glossary page) and then removed from the build output.
import type { APIRoute } from 'astro';
import { glossaryRecords } from '../components/search-records.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(glossaryRecords()), { headers: { 'Content-Type': 'application/json' } });
