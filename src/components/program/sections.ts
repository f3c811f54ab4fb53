// The chapters' sections, as Astro gives their headings ids, so an explanation's link to
// "chapter#section" can be checked at build time.

import { getCollection, render } from 'astro:content';
import { chapterHref } from '../chapters.ts';

/** A section of a chapter: its heading's text, the chapter's number and title, and the link. */
export type ChapterSection = { heading: string; order: number; title: string; href: string };

/** Every heading of every written chapter, by "chapter#id". */
export async function chapterSections(): Promise<Map<string, ChapterSection>> {
  const out = new Map<string, ChapterSection>();
  for (const entry of await getCollection('chapters')) {
    const { headings } = await render(entry);
    for (const h of headings) {
      out.set(`${entry.id}#${h.slug}`, { heading: h.text, order: entry.data.order, title: entry.data.title, href: `${chapterHref(entry.id)}#${h.slug}` });
    }
  }
  return out;
}
