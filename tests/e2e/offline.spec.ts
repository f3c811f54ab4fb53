// Offline before an island has hydrated (issue 12): the connection drops after the HTML arrived,
// before the reader scrolls to a figure, so its script cannot load. The figure must say so, offer
// a Retry that works by keyboard once the connection is back, and nothing the reader did before
// may submit a form, navigate away or lose typed text. With the connection fine none of this shows.

import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hydrated } from './lib/chapter.ts';

/** Errors our own code must not add: uncaught exceptions, and console errors other than the failed loads themselves. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  const expected = /\[astro-island\] Error hydrating|Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/;
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !expected.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Load `path`, and drop the connection as soon as the HTML has been parsed. */
async function openThenGoOffline(page: Page, context: BrowserContext, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await context.setOffline(true);
}

/** Scroll the widget `selector` into view, as a reader would (blocks above it settle as they come near). */
async function scrollTo(page: Page, selector: string): Promise<Locator> {
  const w = page.locator(selector).first();
  for (let i = 0; i < 10; i++) {
    await w.scrollIntoViewIfNeeded();
    const inView = await w.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    if (inView) break;
  }
  return w;
}

/** The message said above the island holding `selector`. */
const messageFor = (page: Page, selector: string) => page.locator(`.island-failed:has(+ astro-island ${selector})`);

/**
 * See the message above the figure, reach Retry with Tab, press it still offline (it says so and
 * keeps the keyboard there), come back online, press it again: the page reloads with the figure
 * at the same place on the screen, and the island hydrates.
 */
async function failThenRetry(page: Page, context: BrowserContext, selector: string): Promise<Locator> {
  const w = await scrollTo(page, selector);
  const box = messageFor(page, selector);
  await expect(box).toBeVisible({ timeout: 15_000 });
  const alert = box.getByRole('alert');
  await expect(alert).toHaveText(/^This figure could not load its script \(are you offline\?\)\./);
  await expect(w.locator('xpath=ancestor::astro-island[1]')).toHaveAttribute('ssr', '');
  // accessible in both themes (contrast of its text, border and button)
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    const { violations } = await new AxeBuilder({ page }).include('.island-failed').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${theme}: ${v.id}`)).toEqual([]);
  }
  // the message sits above the figure, in the flow, not over it
  const [m, f] = await Promise.all([box.boundingBox(), w.boundingBox()]);
  expect(m!.y + m!.height).toBeLessThanOrEqual(f!.y + 1);
  // by keyboard: from the last control before the message, Tab reaches Retry
  await box.evaluate((b) => {
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button:not(:disabled), input:not(:disabled), select, textarea, [tabindex]:not([tabindex="-1"])')];
    const before = all.filter((el) => el.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING && el.checkVisibility());
    before.at(-1)!.focus();
  });
  await page.keyboard.press('Tab');
  const retry = box.getByRole('button', { name: 'Retry' });
  await expect(retry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(alert).toHaveText('Still no connection to the site. Reconnect, then press Retry.');
  await expect(retry).toBeFocused();
  expect(new URL(page.url()).pathname).not.toContain('chrome-error');
  const top = (await box.boundingBox())!.y; // the figure comes back where its message was
  await context.setOffline(false);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  // the same figure, at the same place on the screen, hydrated
  const again = page.locator(selector).first();
  await expect.poll(async () => Math.abs((await again.boundingBox())!.y - top)).toBeLessThan(40);
  await expect(again.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', { timeout: 15_000 });
  await expect(messageFor(page, selector)).toHaveCount(0);
  return again;
}

test('home: offline before hydration, the generator says so; a submit does nothing and typed text stays; Retry online makes it generate', async ({ page, context }) => {
  const problems = watchConsole(page);
  await openThenGoOffline(page, context, '/');
  const w = await scrollTo(page, '.name-generator');
  await expect(messageFor(page, '.name-generator')).toBeVisible({ timeout: 15_000 });
  // the reader types and presses Enter, and a script submits the form: nothing leaves the page
  const prefix = w.getByLabel('Starts with');
  await prefix.fill('ma');
  await prefix.press('Enter');
  await w.locator('form').evaluate((f: HTMLFormElement) => f.requestSubmit());
  await page.waitForTimeout(300); // a navigation, if any, would have started by now
  expect(new URL(page.url()).search).toBe('');
  await expect(prefix).toHaveValue('ma');
  await failThenRetry(page, context, '.name-generator');
  await expect(w.getByLabel('Starts with')).toHaveValue('ma'); // the reload and the hydration kept what was typed
  const generate = w.getByRole('button', { name: 'Generate' });
  await expect(generate).toBeEnabled();
  const before = await w.locator('.names li').allTextContents();
  await generate.click();
  await expect.poll(() => w.locator('.names li').allTextContents()).not.toEqual(before);
  for (const name of await w.locator('.names li').allTextContents()) expect(name).toMatch(/^ma/);
  expect(problems).toEqual([]);
});

test('training: offline before hydration, the live trainer says so instead of a dead Start; Retry online makes it train', async ({ page, context }) => {
  const problems = watchConsole(page);
  await openThenGoOffline(page, context, '/chapters/training/');
  const w = await failThenRetry(page, context, '.live-trainer');
  const start = w.getByRole('button', { name: 'Start' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect.poll(async () => Number((await w.locator('[data-step-count]').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('inference: offline before hydration, the full generator says so; Retry still offline says so; online it generates', async ({ page, context }) => {
  const problems = watchConsole(page);
  await openThenGoOffline(page, context, '/chapters/inference/');
  const sel = '.name-generator-full';
  const w = await failThenRetry(page, context, sel);
  const generate = w.getByRole('button', { name: 'Generate' });
  await expect(generate).toBeEnabled();
  await generate.click();
  await expect(w.locator('tbody tr')).toHaveCount(10);
  expect(problems).toEqual([]);
});

for (const path of ['/', '/chapters/training/', '/chapters/inference/']) {
  test(`${path}: with the connection fine, every island hydrates and no failure message shows`, async ({ page }) => {
    const problems = watchConsole(page);
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); }); // online, none at all
    await page.goto(path);
    const islands = page.locator('astro-island');
    const n = await islands.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await hydrated(page, islands.nth(i).locator('> :not(template, astro-slot)').first());
    await expect(page.locator('.island-failed')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}
