// KaTeX macros that give a symbol in the math the colour the figures give it, so prose,
// math and figures speak one language (the table in tokens.css). Each wraps its argument in
// \htmlClass, styled in math.css; the math is rendered at build time, so no KaTeX runs in the
// browser and the colours follow the theme through the CSS variables.

import type { KatexOptions } from 'katex';

/** Macro name → the class its argument gets. */
export const roleMacros = {
  '\\token': 'math-token',
  '\\bos': 'math-bos',
  '\\position': 'math-position',
  '\\query': 'math-query',
  '\\key': 'math-key',
  '\\val': 'math-value',
  '\\positive': 'math-positive',
  '\\negative': 'math-negative',
} as const;

/** Options for rehype-katex: the role macros, \grad{L}{x} for ∂L/∂x, and \htmlClass trusted (nothing else). */
export const katexOptions: KatexOptions = {
  macros: {
    ...Object.fromEntries(Object.entries(roleMacros).map(([name, cls]) => [name, `\\htmlClass{${cls}}{#1}`])),
    '\\grad': '\\frac{\\partial #1}{\\partial #2}',
  },
  trust: (context) => context.command === '\\htmlClass',
  // \htmlClass is an HTML extension, which strict mode would report on every use
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};
