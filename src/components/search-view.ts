// The site search's results as the header shows them, from Pagefind's result data: a page (or a
// glossary entry) with where it is in the book, and the sections of it that matched, each
// linked to its heading. Pure functions; src/components/search.ts draws them.

/** The part of Pagefind's result data (pagefind.js, PagefindSearchFragment) the view reads. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string; locations?: number[]; anchor?: { id: string } }[];
}

/** A run of excerpt text, marked when it is a word the reader searched for. */
export type ExcerptPart = { text: string; mark: boolean };

export interface SearchSection { title: string; url: string; excerpt: ExcerptPart[] }

export interface SearchHit {
  /** Where the result sits: "Chapter 3 of 8", "Glossary", or "" for other pages. */
  where: string;
  title: string;
  url: string;
  /** The excerpt shown under the title when no section of the page is listed. */
  excerpt: ExcerptPart[];
  sections: SearchSection[];
}

/** At most this many sections are listed under one page. */
export const maxSections = 3;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", nbsp: '\u00a0' };

/** Text from Pagefind's escaped excerpt HTML (its only tags are <mark> around matches). */
function decode(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const known = entities[name.toLowerCase()];
    if (known) return known;
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}

/** Split an excerpt into plain and marked runs (drawn as text nodes, never as HTML). */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/gi;
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > at) parts.push({ text: decode(html.slice(at, m.index)), mark: false });
    parts.push({ text: decode(m[1]), mark: true });
    at = m.index + m[0].length;
  }
  if (at < html.length) parts.push({ text: decode(html.slice(at)), mark: false });
  return parts.filter((p) => p.text !== '');
}

/** One result of the header's list: the page or entry, and its best-matching sections (headings with ids). */
export function toHit(f: PagefindFragment): SearchHit {
  const title = f.meta.title?.trim() || f.url;
  const where = f.meta.chapter?.trim() || f.meta.kind?.trim() || '';
  const sections = (f.sub_results ?? [])
    .filter((s) => s.anchor && s.title.trim() !== title)
    .map((s, order) => ({ s, order, weight: s.locations?.length ?? 0 }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, maxSections)
    .sort((a, b) => a.order - b.order) // shown in page order
    .map(({ s }) => ({ title: s.title.trim(), url: s.url, excerpt: excerptParts(s.excerpt) }));
  return { where, title, url: f.url, excerpt: excerptParts(f.excerpt), sections };
}

/** What the status line says (announced politely to screen readers). */
export function searchStatus(state: { query: string; count: number | null; failed?: boolean }): string {
  const q = state.query.trim();
  if (state.failed) return 'Search could not load (it works on the built site, and offline once the book is saved).';
  if (!q) return '';
  if (state.count === null) return 'Searching…';
  if (state.count === 0) return `No results for “${q}”.`;
  return `${state.count === 1 ? '1 result' : `${state.count} results`} for “${q}”. Down arrow to go through them.`;
}
