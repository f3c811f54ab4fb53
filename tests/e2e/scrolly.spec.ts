import { expect, test, type Page } from '@playwright/test';
import { readScrollyStep } from './lib/chapter.ts';

// The dataset chapter's scrolly: four steps, each with its figure.
const path = '/chapters/dataset/';

/** Which figures a sighted reader can see: not clipped to nothing, with room on screen. */
async function visibleFigures(page: Page): Promise<boolean[]> {
  return page.locator('[data-scrolly-figure]').evaluateAll((figs) =>
    figs.map((f) => {
      const r = f.getBoundingClientRect();
      return r.width > 50 && r.height > 20 && getComputedStyle(f).clipPath === 'none';
    }),
  );
}

test('at 1280 px one sticky figure follows the step being read, marks it and announces the change', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path);
  const steps = page.locator('[data-scrolly-step]');
  const status = page.locator('[data-scrolly-status]');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  const count = await steps.count();
  expect(count).toBe(4);
  await readScrollyStep(page, 0);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  let stickyTop: number | null = null;
  for (let i = 1; i < count; i++) {
    await readScrollyStep(page, i);
    await expect(steps.nth(i)).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('[data-scrolly-step][aria-current]')).toHaveCount(1);
    await expect(status).toContainText(`step ${i + 1} of ${count}`);
    await expect(status).toContainText((await steps.nth(i).locator('[role="figure"]').getAttribute('aria-label'))!);
    expect(await visibleFigures(page)).toEqual([...Array(count)].map((_, k) => k === i));
    // the shown figure sits at the same place on screen at every step: it is sticky
    const figure = steps.nth(i).locator('[data-scrolly-figure]');
    expect(await figure.evaluate((f) => getComputedStyle(f).position)).toBe('sticky');
    const top = (await figure.boundingBox())!.y;
    stickyTop ??= top;
    expect(Math.abs(top - stickyTop)).toBeLessThan(2);
    // the marked step's text alone carries the bar (once its short transition has run)
    const barred = () => page.locator('[data-scrolly-text]').evaluateAll((ts) => ts.map((t) => getComputedStyle(t).boxShadow !== 'none'));
    await expect.poll(barred).toEqual([...Array(count)].map((_, k) => k === i));
  }
  // scrolling back up brings the earlier figure back
  await readScrollyStep(page, 0);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(status).toContainText(`step 1 of ${count}`);
});

test("at 1280 px keyboard focus in a step's text marks that step and shows its figure", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path);
  const steps = page.locator('[data-scrolly-step]');
  await readScrollyStep(page, 0);
  const link = steps.nth(2).locator('[data-scrolly-text] a').first();
  await link.focus();
  await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
  expect(await visibleFigures(page)).toEqual([false, false, true, false]);
  await expect(page.locator('[data-scrolly-status]')).toContainText('step 3 of 4');
});

test('at 1280 px every figure stays in the accessibility tree, in reading order', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(path);
  const figures = page.locator('[data-scrolly-step] [role="figure"]');
  await expect(figures).toHaveCount(4);
  const snapshot = await page.locator('[data-scrolly]').ariaSnapshot();
  for (const label of await figures.evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label')!))) {
    expect(snapshot).toContain(label.slice(0, 40));
  }
});

for (const [name, setup] of [
  ['at 375 px', { viewport: { width: 375, height: 740 } }],
  ['with reduced motion', { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' }],
  ['without JavaScript', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }],
] as const) {
  test(`${name} the scrolly is a plain sequence of figure and text, every figure visible`, async ({ browser }) => {
    const context = await browser.newContext(setup);
    const page = await context.newPage();
    await page.goto(path);
    await page.locator('[data-scrolly]').scrollIntoViewIfNeeded();
    const figures = page.locator('[data-scrolly-figure]');
    await expect(figures).toHaveCount(4);
    for (let i = 0; i < 4; i++) {
      const f = figures.nth(i);
      await f.scrollIntoViewIfNeeded();
      await expect(f).toBeVisible();
      expect(await f.evaluate((el) => getComputedStyle(el).position)).toBe('static');
      // each figure comes before its own text and after the previous step's text
      const fig = (await f.boundingBox())!;
      const text = (await page.locator('[data-scrolly-text]').nth(i).boundingBox())!;
      expect(text.y).toBeGreaterThanOrEqual(fig.y + fig.height - 1);
    }
    expect(await visibleFigures(page)).toEqual([true, true, true, true]);
    await expect(page.locator('[data-scrolly-step][aria-current]')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(setup.viewport.width);
    await context.close();
  });
}
