import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { exercisePage, rehypeExerciseNumbers } from '../../../scripts/build/rehype-exercise-numbers.ts';

type Attr = { type: string; name: string; value: string };
const h = (tagName: string, id: string, text: string) => ({ type: 'element', tagName, properties: { id }, children: [{ type: 'text', value: text }] });
const exercise = (id: string, about?: string) => ({
  type: 'mdxJsxFlowElement', name: 'Exercise', children: [],
  attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }, ...(about ? [{ type: 'mdxJsxAttribute', name: 'about', value: about }] : [])],
});
// headings sit inside <ChapterOnly> wrappers, exercises at the top level (remarkChapterOnly)
const wrap = (...children: object[]) => ({ type: 'mdxJsxFlowElement', name: 'ChapterOnly', attributes: [], children });
const run = (path: string, ...children: object[]) => {
  const tree = { type: 'root', children } as unknown as Root;
  rehypeExerciseNumbers()(tree, { path });
  return tree.children as unknown as { attributes: Attr[] }[];
};
const attrs = (node: { attributes: Attr[] }) => Object.fromEntries(node.attributes.map((a) => [a.name, a.value]));

describe('exercisePage', () => {
  it('names a chapter by its order and a page after the chapters by its title', () => {
    expect(exercisePage('/x/content/chapters/03-neuron.mdx')).toEqual({ href: '/chapters/neuron/', prefix: '3', label: 'chapter 3' });
    expect(exercisePage('/x/content/extras/epilogue.mdx')).toEqual({ href: '/epilogue/', prefix: 'E', label: 'the epilogue' });
    expect(exercisePage('/x/src/pages/other.mdx')).toBeUndefined();
  });
});

describe('rehypeExerciseNumbers', () => {
  it('numbers the exercises in page order and gives each the nearest heading above it', () => {
    const out = run('/c/content/chapters/02-tokenizer.mdx',
      wrap(h('h2', 'one', 'One'), h('h3', 'two', 'Two')), exercise('a'), exercise('b'), wrap(h('h2', 'exercises', 'Exercises')), exercise('c'));
    expect(attrs(out[1])).toEqual({ id: 'a', number: '2.1', pageHref: '/chapters/tokenizer/', pageLabel: 'chapter 2', sectionId: 'two', sectionTitle: 'Two' });
    expect(attrs(out[2]).number).toBe('2.2');
    expect(attrs(out[4])).toMatchObject({ number: '2.3', sectionId: 'exercises', sectionTitle: 'Exercises' });
  });

  it('resolves about to a heading of the page, even one further down, and drops the attribute', () => {
    const out = run('/c/content/chapters/03-neuron.mdx', exercise('a', 'later'), wrap(h('h2', 'later', 'Later on')));
    expect(attrs(out[0])).toEqual({ id: 'a', number: '3.1', pageHref: '/chapters/neuron/', pageLabel: 'chapter 3', aboutId: 'later', aboutTitle: 'Later on' });
  });

  it('fails the build for an about that is not a heading of the page', () => {
    expect(() => run('/c/content/chapters/03-neuron.mdx', wrap(h('h2', 'here', 'Here')), exercise('a', 'elsewhere'))).toThrow(/about="elsewhere" is not a heading of this page \(headings: here\)/);
  });

  it('leaves files outside the chapters and extras alone', () => {
    const out = run('/c/src/pages/x.mdx', exercise('a'));
    expect(attrs(out[0])).toEqual({ id: 'a' });
  });
});
