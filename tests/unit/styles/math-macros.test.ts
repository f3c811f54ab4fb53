// The KaTeX role macros: each colours its argument with its role's class, math.css gives
// that class the role's colour from tokens.css, and KaTeX is trusted with \htmlClass only.

import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { katexOptions, roleMacros } from '../../../src/styles/math-macros.ts';

const render = (tex: string) => katex.renderToString(tex, { ...katexOptions, throwOnError: false });
const mathCss = readFileSync('src/styles/math.css', 'utf8');
const tokensCss = readFileSync('src/styles/tokens.css', 'utf8');

describe.each(Object.entries(roleMacros))('%s', (macro, cls) => {
  test('wraps its argument in its class', () => {
    const html = render(`${macro}{q}_t`);
    expect(html).toContain(`class="enclosing ${cls}"`);
    expect(html).not.toContain('katex-error');
  });

  test('takes the colour of a role documented in tokens.css', () => {
    const rule = new RegExp(`\\.katex \\.${cls} \\{ color: var\\((--[\\w-]+)\\); \\}`).exec(mathCss);
    expect(rule, `a rule for .${cls} in math.css`).not.toBeNull();
    expect(tokensCss).toMatch(new RegExp(`^ \\* ${rule![1]}\\s+text\\s`, 'm'));
  });
});

test('\\grad{L}{x} is the partial derivative ∂L/∂x', () => {
  const typeset = (tex: string) => render(tex).replace(/<annotation[^>]*>.*?<\/annotation>/, '');
  expect(typeset('\\grad{L}{x}')).toBe(typeset('\\frac{\\partial L}{\\partial x}'));
});

test('a sign macro colours a whole gradient', () => {
  expect(render('\\negative{\\grad{L}{w}}')).toMatch(/class="enclosing math-negative">.*∂/);
});

test('KaTeX is trusted with \\htmlClass and no other HTML command', () => {
  for (const tex of ['\\href{https://example.com}{x}', '\\htmlId{x}{y}', '\\htmlStyle{color:red}{x}', '\\includegraphics{x.png}']) {
    expect(render(tex), tex).not.toMatch(/href=|id="x"|style="color:red|<img/);
  }
});
