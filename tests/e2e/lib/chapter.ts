// Shared by the chapter specs: open the chapter before each test, fail a test on any
// console error, warning or uncaught exception, and wait for islands to hydrate.

import { expect, test, type Locator, type Page } from '@playwright/test';

/** Every test in this file starts on `path` and must leave the console clean. */
export function openChapterForEachTest(path: string): void {
  const problems: string[] = [];
  test.beforeEach(async ({ page }) => {
    problems.length = 0;
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(path);
  });
  test.afterEach(() => expect(problems).toEqual([]));
}

/** Scroll the island holding `target` into view (islands hydrate when visible) and wait until it has hydrated. */
export async function hydrated(page: Page, target: string | Locator): Promise<Locator> {
  const root = typeof target === 'string' ? page.locator(target) : target;
  // blocks above it are laid out only when near the screen (content-visibility), so one
  // scroll can land short once they take their real size: scroll until it is on screen
  for (let i = 0; i < 10; i++) {
    await root.first().scrollIntoViewIfNeeded();
    const inView = await root.first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    if (inView) break;
  }
  // the island holding this very element (a widget may appear more than once on a page)
  // (blocks coming on screen may still push it off again: keep it in view, as a reader would)
  await expect.poll(async () => {
    const still = await root.first().evaluate((el) => el.closest('astro-island')?.hasAttribute('ssr') ?? false);
    if (still) await root.first().scrollIntoViewIfNeeded();
    return still;
  }).toBe(false);
  return root;
}

/**
 * Scroll so that scrollytelling step i's text sits at 40 % of the viewport height, as a reader
 * reading it would. Blocks coming on screen take their real size a frame later and can move
 * the text, so scroll again until it stays there.
 */
export async function readScrollyStep(page: Page, i: number): Promise<void> {
  for (let tries = 0; tries < 10; tries++) {
    const off = await page.evaluate(async (i) => {
      const text = document.querySelectorAll('[data-scrolly-text]')[i];
      const delta = text.getBoundingClientRect().top - innerHeight * 0.4;
      if (Math.abs(delta) >= 2) window.scrollBy(0, delta);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return Math.abs(text.getBoundingClientRect().top - innerHeight * 0.4);
    }, i);
    if (off < 2) return;
  }
}
