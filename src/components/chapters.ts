// The table of contents: all eight chapters in reading order. A chapter is a link once its
// MDX file exists in content/chapters; until then it shows as "in preparation".

/** One chapter of the book, written or not. */
export type ChapterPlan = { order: number; slug: string; title: string; teaser: string };

export const chapterPlan: readonly ChapterPlan[] = [
  { order: 1, slug: 'dataset', title: 'Dataset', teaser: 'Thousands of names, and what it means to learn their patterns.' },
  { order: 2, slug: 'tokenizer', title: 'Tokenizer', teaser: 'Characters become numbers, and a special token marks the edges.' },
  { order: 3, slug: 'neuron', title: 'Neuron', teaser: 'From an adder to a small network you can tune by hand.' },
  { order: 4, slug: 'autograd', title: 'Autograd', teaser: 'How every number learns which way to move.' },
  { order: 5, slug: 'attention', title: 'Attention', teaser: 'How a position looks back at the ones before it.' },
  { order: 6, slug: 'mlp', title: 'MLP and output', teaser: 'Thinking per position, then a probability for every next token.' },
  { order: 7, slug: 'training', title: 'Training', teaser: 'A thousand steps of Adam, live in your browser.' },
  { order: 8, slug: 'inference', title: 'Inference', teaser: 'Sampling new names, one token at a time.' },
];

/** The URL of a chapter page. */
export const chapterHref = (slug: string) => `/chapters/${slug}/`;

/**
 * A page read after the chapters, not numbered, served at /<slug>/: its MDX file is
 * content/extras/<slug>.mdx, or, when `page` is set, it is a page of its own in src/pages.
 */
export type ExtraPlan = { slug: string; title: string; teaser: string; page?: true };

/** The pages after the eight chapters, in reading order (a new one is one more line here). */
export const extraPlan: readonly ExtraPlan[] = [
  { slug: 'program', title: 'The whole program', teaser: 'Every line of the engine explained and linked to the values it computes, beside its Python twin.', page: true },
  { slug: 'epilogue', title: 'Epilogue: from microgpt to frontier models', teaser: 'What stays the same and what changes when the model is a million times larger.' },
];

/** The slugs of the pages after the chapters that are pages of their own (always written). */
export const standaloneExtras: ReadonlySet<string> = new Set(extraPlan.filter((e) => e.page).map((e) => e.slug));

/** The URL of a page after the chapters. */
export const extraHref = (slug: string) => `/${slug}/`;

/** One stop of the book's reading order: a chapter or a page after them, with the text its link shows. */
export type ReadingStop = { slug: string; href: string; label: string };

/** Every page of the book in reading order: the chapters, then the extras. */
export const readingOrder: readonly ReadingStop[] = [
  ...chapterPlan.map((c) => ({ slug: c.slug, href: chapterHref(c.slug), label: `${c.order}. ${c.title}` })),
  ...extraPlan.map((e) => ({ slug: e.slug, href: extraHref(e.slug), label: e.title })),
];

/**
 * The way on from a page: the nearest written page before and after it, and, when nothing
 * written follows, the next planned one (shown as in preparation).
 */
export function pagerFor(slug: string, written: ReadonlySet<string>): { prev?: ReadingStop; next?: ReadingStop; upcoming?: ReadingStop } {
  const i = readingOrder.findIndex((s) => s.slug === slug);
  if (i < 0) throw new Error(`"${slug}" is not in the reading order`);
  const prev = readingOrder.slice(0, i).findLast((s) => written.has(s.slug));
  const next = readingOrder.slice(i + 1).find((s) => written.has(s.slug));
  return { prev, next, upcoming: next ? undefined : readingOrder[i + 1] };
}

/** How many exercises a chapter's MDX source holds (its <Exercise> elements). */
export const exerciseCount = (body: string | undefined) => (body?.match(/<Exercise\b/g) ?? []).length;
