// The MDX sources of the book in reading order, read at build time: the chapters
// (content/chapters/NN-slug.mdx), then the pages after them that are MDX (content/extras).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterPlan, extraHref, extraPlan } from './chapters.ts';
import type { ChapterSource } from './glossary-introduced.ts';

/** Every written page's source, numbered in reading order (extras after the eight chapters, with their own URL). */
export function bookSources(root = process.cwd()): ChapterSource[] {
  const dir = join(root, 'content/chapters');
  const chapters = readdirSync(dir).filter((f) => f.endsWith('.mdx')).flatMap((f) => {
    const plan = chapterPlan.find((c) => f === `${c.slug}.mdx` || f.endsWith(`-${c.slug}.mdx`));
    return plan ? [{ slug: plan.slug, title: plan.title, order: plan.order, text: readFileSync(join(dir, f), 'utf8') }] : [];
  });
  const extras = extraPlan.flatMap((e, i) => {
    const file = join(root, 'content/extras', `${e.slug}.mdx`);
    return existsSync(file) ? [{ slug: e.slug, title: e.title, order: chapterPlan.length + 1 + i, text: readFileSync(file, 'utf8'), page: extraHref(e.slug) }] : [];
  });
  return [...chapters, ...extras];
}
