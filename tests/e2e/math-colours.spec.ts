// Math speaks the figures' colours: every role macro in a chapter's source (\token, \negative,
// …) arrives in the built page as a coloured KaTeX span (computed math may add more), and its colour is exactly the colour
// of the role's CSS variable, in the light theme and in the dark theme.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chapterHref } from '../../src/components/chapters.ts';
import { roleMacros } from '../../src/styles/math-macros.ts';
import { builtChapterSlugs } from '../../scripts/site/site-pages.ts';

const dir = 'content/chapters';
const source = (slug: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(`-${slug}.mdx`))!), 'utf8');
/** The CSS variable each math class takes its colour from, as math.css says. */
const mathCss = readFileSync('src/styles/math.css', 'utf8');
const variableOf = (cls: string) => new RegExp(`\\.${cls} \\{ color: var\\((--[\\w-]+)\\)`).exec(mathCss)![1];

for (const slug of builtChapterSlugs()) {
  const uses = Object.entries(roleMacros)
    .map(([macro, cls]) => ({ cls, variable: variableOf(cls), count: source(slug).split(`${macro}{`).length - 1 }))
    .filter((u) => u.count > 0);
  if (uses.length === 0) continue;

  test(`chapter ${slug}: ${uses.map((u) => `${u.count} × ${u.cls}`).join(', ')}, each in its role’s colour in both themes`, async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(chapterHref(slug));
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const u of uses) {
        const spans = page.locator(`main .katex-html .${u.cls}`);
        // computed math (<Tex> from facts) may add more spans of a role than the source spells out
        await expect(spans.nth(u.count - 1)).toBeAttached();
        const { want, got } = await spans.evaluateAll((els, variable) => {
          const probe = document.createElement('span');
          probe.style.color = `var(${variable})`;
          document.body.append(probe);
          const want = getComputedStyle(probe).color;
          probe.remove();
          return { want, got: [...new Set(els.map((el) => getComputedStyle(el).color))] };
        }, u.variable);
        expect(got, `${u.cls} in the ${theme} theme`).toEqual([want]);
      }
    }
  });
}
