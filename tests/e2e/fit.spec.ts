// Nothing is cut off, on every built page at a desktop, a phone and a small phone width:
// code blocks and tables fit their boxes (or scroll sideways with a visible cue and keyboard focus),
// display equations fit their boxes, inline math stays inside its line, and the page itself
// never scrolls sideways.

import { expect, test } from '@playwright/test';
import { visit } from '../../scripts/site/browse.ts';
import { sitePages } from '../../scripts/site/site-pages.ts';

const widths = [1280, 375, 320];

for (const sp of sitePages()) {
  for (const width of widths) {
    test(`${sp.path} at ${width} px: no code or equation is cut and the page does not scroll sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const log = await visit(page, sp.path);
      expect.soft(log.problems, 'console errors and warnings').toEqual([]);
      const found = await page.evaluate(() => {
        const where = (el: Element) => {
          const heading = [...document.querySelectorAll('main h2, main h3')].filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
          return `after “${heading?.textContent?.trim() ?? 'the top'}”`;
        };
        const tex = (el: Element) => (el.querySelector('annotation')?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 70);
        const overflows = (el: Element) => el.scrollWidth > el.clientWidth + 1;
        // a sideways-scrolling box is allowed only when a keyboard can scroll it and the eye sees that it scrolls
        // (the cue: global.css's edge shadows on .scroll-cue and .table-scroll)
        const scrollable = (el: HTMLElement) => {
          const cue = el.closest('.scroll-cue, .table-scroll');
          const named = !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
          return el.tabIndex === 0 && named && !!cue && getComputedStyle(cue).backgroundImage.includes('gradient');
        };
        const code = [...document.querySelectorAll<HTMLElement>('main pre, main .astro-code')]
          .filter((el) => el.checkVisibility() && overflows(el) && !scrollable(el))
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} ${where(el)}: ${el.scrollWidth} px of code in a ${el.clientWidth} px box, “${(el.textContent ?? '').trim().slice(0, 50)}…”`);
        // the box a table sits in: its parent, past wrappers that draw no box of their own (display: contents,
        // such as a widget's fieldset)
        const boxOf = (el: HTMLElement) => {
          let box = el.parentElement!;
          while (getComputedStyle(box).display === 'contents') box = box.parentElement!;
          return box;
        };
        const tables = [...document.querySelectorAll<HTMLElement>('main table')]
          // the table's own width against its box: the box may be wider for other reasons (a scrolly breaking out of the column)
          .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > boxOf(el).clientWidth + 1 && !scrollable(boxOf(el)))
          .map((el) => `table ${where(el)}: ${Math.round(el.getBoundingClientRect().width)} px in a ${boxOf(el).clientWidth} px box that a keyboard cannot scroll, “${(el.textContent ?? '').trim().slice(0, 40)}…”`);
        const displays = [...document.querySelectorAll<HTMLElement>('main .katex-display')]
          .filter((el) => el.checkVisibility() && overflows(el))
          .map((el) => `${where(el)}: ${el.scrollWidth} px of math in a ${el.clientWidth} px box, ${tex(el)}`);
        const inline = [...document.querySelectorAll<HTMLElement>('main .katex')]
          .filter((el) => !el.closest('.katex-display') && el.checkVisibility())
          .filter((el) => {
            let box = el.parentElement!;
            while (getComputedStyle(box).display.startsWith('inline')) box = box.parentElement!;
            const r = box.getBoundingClientRect();
            const style = getComputedStyle(box);
            const right = r.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
            return [...el.getClientRects()].some((c) => c.right > right + 1);
          })
          .map((el) => `${where(el)}: ${tex(el)}`);
        // what sticks out past the window, outside any box that scrolls or clips it
        const limit = document.documentElement.clientWidth;
        const contained = (el: Element) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
          return false;
        };
        const wide = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && !contained(el))
          .slice(0, 6)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${where(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
        return { code, tables, displays, inline, wide, page: document.documentElement.scrollWidth, viewport: limit };
      });
      expect.soft(found.code, 'code blocks wider than their box').toEqual([]);
      expect.soft(found.tables, 'tables wider than their box, in a box a keyboard cannot scroll').toEqual([]);
      expect.soft(found.displays, 'display equations wider than their box').toEqual([]);
      expect.soft(found.inline, 'inline math running out of its line').toEqual([]);
      expect.soft(found.page, `the page scrolls sideways; too wide:\n  ${found.wide.join('\n  ')}\n`).toBeLessThanOrEqual(found.viewport);
    });
  }
}
