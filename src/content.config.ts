// The chapters collection: one MDX file per chapter in content/chapters/NN-slug.mdx; and the
// extras, pages read after the chapters (content/extras/<slug>.mdx, served at /<slug>/).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterPlan, extraPlan } from './components/chapters.ts';

const slugs = chapterPlan.map((c) => c.slug) as [string, ...string[]];

const chapters = defineCollection({
  // the id is the slug: "01-dataset.mdx" → "dataset"
  loader: glob({ pattern: '*.mdx', base: './content/chapters', generateId: ({ entry }) => entry.replace(/^\d+-/, '').replace(/\.mdx$/, '') }),
  schema: z.object({
    /** Shown as the page heading and in the table of contents. */
    title: z.string().min(3),
    /** Position in reading order, 1–8; must agree with the table of contents. */
    order: z.number().int().min(1).max(8),
    /** One sentence for the description meta tag and the chapter list. */
    description: z.string().min(20).max(200),
    /** "What you will learn": three to six outcomes, each a short sentence. */
    goals: z.array(z.string().min(5)).min(3).max(6),
    /** The summary at the end: the chapter's ideas in a few bullet points. */
    summary: z.array(z.string().min(5)).min(3).max(8),
  }).refine((c) => slugs[c.order - 1] !== undefined, { message: 'order must match a chapter of the plan' }),
});

const extraSlugs = extraPlan.map((e) => e.slug);

const extras = defineCollection({
  // the id is the file's name, which must be a slug of extraPlan
  loader: glob({
    pattern: '*.mdx',
    base: './content/extras',
    generateId: ({ entry }) => {
      const id = entry.replace(/\.mdx$/, '');
      if (!extraSlugs.includes(id)) throw new Error(`content/extras/${entry} is not in extraPlan (src/components/chapters.ts): add it there`);
      return id;
    },
  }),
  schema: z.object({
    /** Shown as the page heading and in the table of contents. */
    title: z.string().min(3),
    /** One sentence for the description meta tag and the contents. */
    description: z.string().min(20).max(200),
    /** "What you will learn": three to six outcomes. */
    goals: z.array(z.string().min(5)).min(3).max(6),
    /** The summary at the end. */
    summary: z.array(z.string().min(5)).min(3).max(8),
  }),
});

export const collections = { chapters, extras };
