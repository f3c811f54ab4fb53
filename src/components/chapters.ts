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

/** How many exercises a chapter's MDX source holds (its <Exercise> elements). */
export const exerciseCount = (body: string | undefined) => (body?.match(/<Exercise\b/g) ?? []).length;
