// Where each glossary term is introduced: the first <Term id="…"> for it in reading order,
// with the section it sits in. Read from the chapters' MDX at build time, so the glossary's
// "introduced in" links follow the text when it moves. Section anchors are made the way the
// headings' ids are (github-slugger, one slugger per page, every heading in order).

import GithubSlugger from 'github-slugger';

/** One chapter's source, in reading order; `page` is its URL when it is not /chapters/<slug>/ (a page after the chapters). */
export type ChapterSource = { slug: string; title: string; order: number; text: string; page?: string };

/** Where a term is first used: the chapter, and the section heading above it (none before the first heading). */
export type Introduced = { chapter: string; chapterTitle: string; order: number; section: string | null; href: string };

/** The first use of every term id across the chapters, in reading order. */
export function firstUses(chapters: readonly ChapterSource[]): Map<string, Introduced> {
  const found = new Map<string, Introduced>();
  for (const ch of [...chapters].sort((a, b) => a.order - b.order)) {
    const slugger = new GithubSlugger();
    let section: { text: string; slug: string } | null = null;
    let fence = false;
    const body = ch.text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const line of body.split('\n')) {
      if (/^\s*```/.test(line)) { fence = !fence; continue; }
      if (fence) continue;
      const heading = line.match(/^#{1,6}\s+(.+?)\s*#*\s*$/);
      if (heading) {
        section = { text: heading[1], slug: slugger.slug(heading[1]) };
        continue;
      }
      for (const m of line.matchAll(/<Term\s+id="([^"]+)"/g)) {
        if (found.has(m[1])) continue;
        const href = `${ch.page ?? `/chapters/${ch.slug}/`}${section ? `#${section.slug}` : ''}`;
        found.set(m[1], { chapter: ch.slug, chapterTitle: ch.title, order: ch.order, section: section?.text ?? null, href });
      }
    }
  }
  return found;
}
