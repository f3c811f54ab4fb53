// Code blocks wrap long lines instead of running out of their box (styled in global.css).
// Each line is split in two: its leading whitespace, kept as text (so copying and Python's
// indentation stay exact), and its code, one inline block that wraps inside itself. A wrapped
// line therefore never breaks after its indentation (which would show an empty row and then
// the code too deep), and its continuation rows hang two columns in from where its own code
// starts, behind a thin bar that marks them as one line. Shiki calls this once per block, at
// build time.

import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';

/** Take the first `n` characters off the text under `nodes` (Shiki's token spans); empty spans are dropped. */
export function peelText(nodes: readonly ElementContent[], n: number): ElementContent[] {
  const out: ElementContent[] = [];
  let left = n;
  for (const node of nodes) {
    if (left === 0) {
      out.push(node);
    } else if (node.type === 'text') {
      const cut = Math.min(left, node.value.length);
      left -= cut;
      if (node.value.length > cut) out.push({ ...node, value: node.value.slice(cut) });
    } else if (node.type === 'element') {
      const length = textLength(node.children);
      const cut = Math.min(left, length);
      left -= cut;
      if (length > cut) out.push({ ...node, children: peelText(node.children, cut) });
    }
  }
  return out;
}

function textLength(nodes: readonly ElementContent[]): number {
  let n = 0;
  for (const node of nodes) n += node.type === 'text' ? node.value.length : node.type === 'element' ? textLength(node.children) : 0;
  return n;
}

/** The leading whitespace of a source line, and its width in columns (a tab counts two). */
export function leadingIndent(source: string): { text: string; columns: number } {
  const text = /^[ \t]*/.exec(source)![0];
  return { text, columns: text.replace(/\t/g, '  ').length };
}

export const hangingIndent: ShikiTransformer = {
  name: 'hanging-indent',
  line(node, line) {
    const source = this.source.split('\n')[line - 1] ?? '';
    if (source.trim() === '') return;
    const { text, columns } = leadingIndent(source);
    const code: Element = { type: 'element', tagName: 'span', properties: { className: ['code-rest'] }, children: peelText(node.children, text.length) };
    node.children = text ? [{ type: 'element', tagName: 'span', properties: { className: ['code-indent'] }, children: [{ type: 'text', value: text }] }, code] : [code];
    if (columns > 0) node.properties.style = `--indent: ${columns}ch`;
  },
  pre(node) {
    // a block that wraps never scrolls, so it is no stop for the Tab key
    delete node.properties.tabindex;
  },
};
