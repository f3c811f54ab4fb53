// The palette in src/styles/tokens.css: documented in its table, defined for both themes,
// readable on every background, and its data roles distinct from each other.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contrast, distance } from './colour.ts';
import { paletteThemes } from './palette.ts';

const css = readFileSync('src/styles/tokens.css', 'utf8');
const themes = paletteThemes();

/** The documentation table: ` * --name  text|graphic  meaning …`. */
const table = [...css.matchAll(/^ \* (--[\w-]+)\s+(text|graphic)\s+(.+)$/gm)].map((m) => ({ name: m[1], use: m[2] as 'text' | 'graphic', means: m[3] }));
const roles = ['--token', '--bos', '--position', '--query', '--key', '--value', '--positive', '--negative', '--current', '--accent'];
const backgrounds = ['--bg', '--bg-raised', '--bg-sunken'];

test('the table documents every data role', () => {
  expect(table.map((r) => r.name)).toEqual(expect.arrayContaining(roles));
});

describe.each(Object.entries(themes))('the %s theme', (_, theme) => {
  test.each(table)('$name is a colour of this theme', ({ name }) => {
    expect(theme.get(name)).toMatch(/^#[0-9a-f]{6}$/i);
  });

  test.each(table.flatMap((r) => backgrounds.map((bg) => ({ ...r, bg }))))(
    '$name ($use) is readable on $bg',
    ({ name, use, bg }) => {
      expect(contrast(theme.get(name)!, theme.get(bg)!)).toBeGreaterThanOrEqual(use === 'text' ? 4.5 : 3);
    },
  );

  test('body text is readable on every background', () => {
    for (const bg of backgrounds) expect(contrast(theme.get('--fg')!, theme.get(bg)!)).toBeGreaterThanOrEqual(7);
  });

  test('a primary button’s label is readable on the accent', () => {
    expect(contrast(theme.get('--accent-fg')!, theme.get('--accent')!)).toBeGreaterThanOrEqual(4.5);
  });

  test('no two data roles look alike', () => {
    const close = roles.flatMap((a, i) => roles.slice(i + 1).map((b) => ({ pair: `${a} ${b}`, d: distance(theme.get(a)!, theme.get(b)!) })));
    expect(close.filter((c) => c.d < 0.085)).toEqual([]);
  });
});
