import { expect, test } from '@playwright/test';
import { sitePages } from '../../scripts/site/site-pages.ts';

// Sticky and fixed parts (widgets' readouts, the scrolly's figure, code beside its example)
// must never cover the control the keyboard reader is on.
const chapters = sitePages().map((p) => p.path).filter((p) => p.startsWith('/chapters/'));

/** What covers the focused element: sticky or fixed boxes (other than its own) that overlap it. */
function coverOfFocus(): { focused: string; covers: string[] } | null {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const describe = (e: Element) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}> "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}"`;
  const box = el.getBoundingClientRect();
  const covers = [...document.querySelectorAll('body *')]
    .filter((s) => s !== el && !s.contains(el) && !el.contains(s))
    .filter((s) => ['sticky', 'fixed'].includes(getComputedStyle(s).position) && s.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true }))
    .filter((s) => {
      const r = s.getBoundingClientRect();
      const x = Math.min(r.right, box.right) - Math.max(r.left, box.left);
      const y = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
      return x > 1 && y > 1;
    })
    .map(describe);
  return { focused: describe(el), covers };
}

for (const width of [1280, 375]) {
  for (const path of chapters) {
    test(`${path} at ${width} px: no sticky part covers the focused element at any Tab stop`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: width > 600 ? 800 : 740 });
      await page.goto(path);
      const covered: string[] = [];
      const seen = new Set<string>();
      let stops = 0;
      for (let i = 0; i < 600; i++) {
        await page.keyboard.press('Tab');
        // two frames: a popup placed from the word's box is placed again on the frame after the focus scrolls the page
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const result = await page.evaluate(coverOfFocus);
        if (!result) continue; // past the last control, before Tab wraps to the first
        stops++;
        if (result.covers.length) covered.push(`${result.focused} under ${result.covers.join(', ')}`);
        const key = await page.evaluate(() => {
          const el = document.activeElement!;
          return `${el.tagName}#${el.id}@${[...document.querySelectorAll('*')].indexOf(el)}`;
        });
        if (seen.has(key) && i > 5) break; // wrapped around to the start
        seen.add(key);
      }
      expect(stops).toBeGreaterThan(10);
      expect(covered).toEqual([]);
    });
  }
}
