// Code blocks wrap long lines instead of running out of their box (styled in global.css).
// A wrapped line continues two columns in from where its own code starts, so a reader can
// tell a continuation from a new line. Shiki calls this once per block, at build time.

import type { ShikiTransformer } from 'shiki';

export const hangingIndent: ShikiTransformer = {
  name: 'hanging-indent',
  line(node, line) {
    const indent = /^[ \t]*/.exec(this.source.split('\n')[line - 1] ?? '')![0].replace(/\t/g, '  ').length;
    if (indent > 0) node.properties.style = `--indent: ${indent}ch`;
  },
  pre(node) {
    // a block that wraps never scrolls, so it is no stop for the Tab key
    delete node.properties.tabindex;
  },
};
