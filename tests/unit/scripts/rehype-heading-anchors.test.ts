import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../../scripts/build/rehype-heading-anchors.ts';

const heading = (tagName: string, id: string | undefined, ...children: Element['children']): Element => ({
  type: 'element', tagName, properties: id ? { id } : {}, children,
});
const text = (value: string) => ({ type: 'text' as const, value });
const run = (tree: Root) => rehypeHeadingAnchors()(tree);

describe('rehypeHeadingAnchors', () => {
  it('ends every h2 and h3 with a text-less link to its own id, named after the heading', () => {
    const tree: Root = { type: 'root', children: [
      heading('h2', 'tokens', text('Tokens')),
      heading('h3', 'the-trade', text('The '), heading('em', undefined, text('trade'))),
      heading('h4', 'small', text('Small')),
    ] };
    run(tree);
    const [h2, h3, h4] = tree.children as Element[];
    expect(h2.children.at(-1)).toEqual({ type: 'element', tagName: 'a', properties: { className: ['heading-anchor'], href: '#tokens', ariaLabel: 'Link to section: Tokens' }, children: [] });
    expect((h3.children.at(-1) as Element).properties.ariaLabel).toBe('Link to section: The trade');
    expect(h4.children).toHaveLength(1);
  });

  it('fails for a heading without an id, naming it', () => {
    expect(() => run({ type: 'root', children: [heading('h2', undefined, text('Lost'))] })).toThrow(/"Lost" has no id/);
  });
});
