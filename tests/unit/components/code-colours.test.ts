// Every token colour of the code blocks reads (WCAG AA, 4.5:1) on every background of its theme.

import darkTheme from '@shikijs/themes/github-dark-default';
import lightTheme from '@shikijs/themes/github-light-default';
import { expect, test } from 'vitest';
import { codeThemes } from '../../../src/components/code-highlight.ts';
import { lightColourFixes, readableCodeColours } from '../../../src/components/code-colours.ts';
import { contrast } from '../styles/colour.ts';
import { paletteThemes } from '../styles/palette.ts';

type Theme = { name: string; colors?: Record<string, string>; tokenColors?: { scope?: string | string[]; settings?: { foreground?: string; background?: string } }[] };

/** The foreground colours a theme gives to code tokens drawn on the block's background (rules with a background of their own, and diff markup, left out). */
function tokenForegrounds(theme: Theme): string[] {
  const colours = new Set<string>([theme.colors!['editor.foreground']]);
  for (const rule of theme.tokenColors ?? []) {
    const scopes = [rule.scope ?? []].flat().join(' ');
    const f = rule.settings?.foreground;
    if (f && !rule.settings?.background && !/markup\.(inserted|deleted|changed|ignored|untracked)|meta\.diff|punctuation\.definition\.(changed|deleted|inserted)/.test(scopes)) colours.add(f.slice(0, 7).toUpperCase());
  }
  return [...colours];
}

const palette = paletteThemes();
const cases = [
  { theme: lightTheme as Theme, bgs: palette.light, fix: (c: string) => lightColourFixes[c.toUpperCase()] ?? c },
  { theme: darkTheme as Theme, bgs: palette.dark, fix: (c: string) => c },
];

test('the themes checked are the ones the site highlights with', () => {
  expect([lightTheme.name, darkTheme.name]).toEqual([codeThemes.light, codeThemes.dark]);
});

test.each(cases.flatMap(({ theme, bgs, fix }) =>
  tokenForegrounds(theme).flatMap((c) => ['--bg', '--bg-raised', '--bg-sunken'].map((bg) => ({ name: theme.name, colour: fix(c), bg, hex: bgs.get(bg)! }))),
))('$name: $colour reads on $bg', ({ colour, hex }) => {
  expect(contrast(colour, hex)).toBeGreaterThanOrEqual(4.5);
});

test('the transformer darkens the light colour of a span and leaves its dark colour alone', () => {
  const node = { type: 'element', tagName: 'span', properties: { style: 'color:#8250DF;--shiki-dark:#D2A8FF' }, children: [] };
  (readableCodeColours.span as unknown as (n: typeof node) => void).call({}, node);
  expect(node.properties.style).toBe(`color:${lightColourFixes['#8250DF']};--shiki-dark:#D2A8FF`);
});
