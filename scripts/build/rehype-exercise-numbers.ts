// Rehype plugin for the chapters: every <Exercise> gets its number and the section it sits in,
// computed from the page's own MDX when the site is built, so a chapter and the teacher's page
// show the same "Exercise 3.2" and the teacher's page can link back to where it stands. The
// number is the chapter's order and the exercise's place in it ("3.2" = chapter 3, second
// exercise); a page after the chapters, with no order, uses the initial of its title ("E.2").
// The section is the nearest h2 or h3 above the exercise (in this book, "Exercises"). An
// exercise that leans on one part of the chapter names that heading's id in `about`; it must be
// a heading of the same page, or the build fails. Runs after rehypeHeadingIds (the ids) and
// before rehypeHeadingAnchors (which adds a link to every heading).

import type { Root } from 'hast';
import { chapterHref, chapterPlan, extraHref, extraPlan } from '../../src/components/chapters.ts';
import { headingText } from './rehype-heading-anchors.ts';

type Node = { type: string; tagName?: string; name?: string | null; properties?: Record<string, unknown>; attributes?: unknown[]; children?: Node[] };

/** Where an MDX file is published and how an exercise names it. */
export type ExercisePage = { href: string; prefix: string; label: string };

/** The page of a chapter (content/chapters/NN-slug.mdx) or of a page after them (content/extras/slug.mdx); undefined otherwise. */
export function exercisePage(path: string): ExercisePage | undefined {
  const chapter = /content\/chapters\/\d+-([a-z0-9-]+)\.mdx$/.exec(path);
  if (chapter) {
    const plan = chapterPlan.find((c) => c.slug === chapter[1]);
    if (!plan) throw new Error(`${path}: "${chapter[1]}" is not a chapter of the plan`);
    return { href: chapterHref(plan.slug), prefix: String(plan.order), label: `chapter ${plan.order}` };
  }
  const extra = /content\/extras\/([a-z0-9-]+)\.mdx$/.exec(path);
  if (extra) {
    const plan = extraPlan.find((e) => e.slug === extra[1]);
    if (!plan) throw new Error(`${path}: "${extra[1]}" is not a page of extraPlan`);
    const name = plan.title.split(':')[0].trim();
    return { href: extraHref(plan.slug), prefix: name[0].toUpperCase(), label: `the ${name.toLowerCase()}` };
  }
  return undefined;
}

const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute', name, value });
type Attribute = { type: string; name?: string; value?: unknown };

export function rehypeExerciseNumbers() {
  return (tree: Root, file: { path?: string }): void => {
    const page = exercisePage(file.path ?? '');
    if (!page) return;
    let count = 0;
    let section: { id: string; title: string } | undefined;
    const headings = new Map<string, string>();
    const exercises: { node: Node; about?: string }[] = [];
    const walk = (node: Node) => {
      if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
        const id = node.properties?.id;
        const title = headingText(node as Parameters<typeof headingText>[0]).replace(/\s+/g, ' ').trim();
        if (typeof id !== 'string' || !id) throw new Error(`the heading "${title}" has no id: rehypeHeadingIds must run before rehypeExerciseNumbers`);
        section = { id, title };
        headings.set(id, title);
        return;
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'Exercise') {
        count += 1;
        const own = (node.attributes ?? []) as Attribute[];
        const about = own.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'about')?.value;
        if (about !== undefined && typeof about !== 'string') throw new Error(`${file.path}: exercise ${page.prefix}.${count}: about must be a heading id written as a string`);
        node.attributes = [
          ...own.filter((a) => a.name !== 'about'),
          attribute('number', `${page.prefix}.${count}`),
          attribute('pageHref', page.href),
          attribute('pageLabel', page.label),
          ...(section ? [attribute('sectionId', section.id), attribute('sectionTitle', section.title)] : []),
        ];
        exercises.push({ node, about });
        return; // an exercise's own headings (none today) are not sections
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree as unknown as Node);
    // `about` may name a heading further down the page, so it is resolved once all are known
    for (const { node, about } of exercises) {
      if (about === undefined) continue;
      const title = headings.get(about);
      if (title === undefined) throw new Error(`${file.path}: an exercise's about="${about}" is not a heading of this page (headings: ${[...headings.keys()].join(', ')})`);
      node.attributes = [...(node.attributes ?? []), attribute('aboutId', about), attribute('aboutTitle', title)];
    }
  };
}
