// Rehype plugin for the chapters: a visible, focusable "#" link at the end of every h2 and h3,
// pointing at the heading's own id and named "Link to section: <heading>" for screen readers.
// The link has no text of its own (the "#" is drawn by CSS), so the headings Astro collects
// for the "on this page" list keep their plain text. Runs after rehypeHeadingIds gave the ids.

import type { Element, Root, RootContent } from 'hast';

// hast nodes, plus the MDX ones (mdxTextExpression, mdxJsxTextElement) that hast's types leave out
type Node = Root | RootContent | { type: string; value?: string; children?: Node[] };

/** The text a heading shows; an MDX expression in it cannot be read here, so it fails the build. */
export function headingText(node: Node): string {
  if (node.type === 'text' && 'value' in node) return String(node.value);
  if (node.type === 'mdxTextExpression') throw new Error(`a chapter heading holds an expression; write heading text literally, its anchor link is named after it`);
  return 'children' in node && node.children ? (node.children as Node[]).map(headingText).join('') : '';
}

function headings(node: Node, found: Element[] = []): Element[] {
  if (node.type === 'element' && 'tagName' in node && (node.tagName === 'h2' || node.tagName === 'h3')) found.push(node);
  else if ('children' in node && node.children) for (const child of node.children as Node[]) headings(child, found);
  return found;
}

export function rehypeHeadingAnchors() {
  return (tree: Root): void => {
    for (const h of headings(tree)) {
      const text = headingText(h).replace(/\s+/g, ' ').trim();
      const id = h.properties.id;
      if (typeof id !== 'string' || !id) throw new Error(`the heading "${text}" has no id: rehypeHeadingIds must run before rehypeHeadingAnchors`);
      h.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${text}` },
        children: [],
      });
    }
  };
}
