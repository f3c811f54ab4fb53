// Chapter 7's optimiser landscape, driven as a reader drives it: Step, Play/Pause and Reset by
// mouse and keyboard, the learning-rate slider, the start placed by click and by arrow keys.
// Every number shown is checked against the same run computed here from the landscape module.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { fixed, short } from '../../src/viz/shared/format.ts';
import {
  current, decayedRate, fromPixel, landscape, landscapeLoss, landscapeRun, landscapeStart, nudgeStart, pathD, type LandscapeRun,
} from '../../src/viz/training/landscape.ts';

openChapterForEachTest('/chapters/training/');

const widgetOf = (page: Page) => page.locator('.optimizer-landscape');

/** The widget shows this run: step, both rows (x, y, loss) and both paths. */
async function expectShows(widget: Locator, run: LandscapeRun) {
  await expect(widget.locator('[data-k="step"]')).toHaveText(String(run.step));
  await expect(widget.locator('[data-k="rate"]')).toHaveText(fixed(decayedRate(run.lr, run.step), 3));
  for (const name of ['sgd', 'adam'] as const) {
    const p = current(run[name]);
    const row = widget.locator(`tr[data-row="${name}"]`);
    await expect(row.locator('[data-k="x"]')).toHaveText(fixed(p.x, 3));
    await expect(row.locator('[data-k="y"]')).toHaveText(fixed(p.y, 3));
    await expect(row.locator('[data-k="loss"]')).toHaveText(short(landscapeLoss(p)));
    await expect(widget.locator(`path.path.${name}`)).toHaveAttribute('d', pathD(run[name]));
  }
}

const fresh = (lr: number = landscape.lr.initial, start = landscape.start) => landscapeStart(start, lr);

test('the still page already shows both optimisers at the start', async ({ page }) => {
  const widget = widgetOf(page);
  await expectShows(widget, fresh());
  await expect(widget.getByRole('button', { name: 'Step' })).toBeVisible();
});

test('Step moves both optimisers by one update, by mouse and by keyboard', async ({ page }) => {
  const widget = await hydrated(page, widgetOf(page));
  const stepButton = widget.getByRole('button', { name: 'Step', exact: true });
  await stepButton.click();
  await expectShows(widget, landscapeRun(fresh(), 1));
  await stepButton.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  const three = landscapeRun(fresh(), 3);
  await expectShows(widget, three);
  // both have left the start, and differently
  expect(current(three.sgd)).not.toEqual(landscape.start);
  expect(current(three.adam)).not.toEqual(current(three.sgd));
  await expect(widget.locator('[role="status"], [aria-live]').first()).toContainText(`Step 3 of ${landscape.steps}`);
});

test('Play runs, Pause stops where it is, and Reset goes back to the start', async ({ page }) => {
  const widget = await hydrated(page, widgetOf(page));
  const play = widget.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(widget.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await widget.locator('[data-k="step"]').textContent())).toBeGreaterThan(3);
  await widget.getByRole('button', { name: 'Pause' }).click();
  const paused = Number(await widget.locator('[data-k="step"]').textContent());
  expect(paused).toBeLessThan(landscape.steps);
  await page.waitForTimeout(300);
  await expectShows(widget, landscapeRun(fresh(), paused)); // still at the same step, with that step's numbers

  // from the keyboard: Play to the end, where the focus lands on Reset
  await widget.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('Enter');
  const reset = widget.getByRole('button', { name: 'Reset' });
  await expect(reset).toBeFocused({ timeout: 15_000 });
  await expectShows(widget, landscapeRun(fresh(), landscape.steps));
  await expect(widget.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expectShows(widget, fresh());
  await expect(widget.getByRole('button', { name: 'Step', exact: true })).toBeFocused();
});

test('with reduced motion, Play finishes the run at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await hydrated(page, widgetOf(page));
  await widget.getByRole('button', { name: 'Play' }).click();
  await expectShows(widget, landscapeRun(fresh(), landscape.steps));
});

test('the learning-rate slider restarts both runs at the new rate', async ({ page }) => {
  const widget = await hydrated(page, widgetOf(page));
  const slider = widget.getByLabel('Learning rate');
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveValue(String(landscape.lr.max));
  await expectShows(widget, fresh(landscape.lr.max));
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expectShows(widget, landscapeRun(fresh(landscape.lr.max), 2));
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue(String(landscape.lr.min));
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expectShows(widget, landscapeRun(fresh(landscape.lr.min), 1));
});

test('a click or tap on the plot places the start, and arrow keys move it', async ({ page }) => {
  const widget = await hydrated(page, widgetOf(page));
  const hit = widget.locator('[data-plot-hit]');
  const box = (await hit.boundingBox())!;
  await hit.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
  const placed = fromPixel(0.25 * 320, 0.75 * 320);
  expect(placed).toEqual({ x: -2.5, y: -2.5 });
  await expectShows(widget, fresh(landscape.lr.initial, placed));
  const picker = widget.locator('[data-start-picker]');
  await expect(picker).toHaveAttribute('aria-label', /Start point \(−2\.50, −2\.50\)/);

  await picker.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const moved = nudgeStart(nudgeStart(nudgeStart(placed, 1, 0), 1, 0), 0, 1);
  expect(moved).toEqual({ x: -2, y: -2.25 });
  await expectShows(widget, fresh(landscape.lr.initial, moved));
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expectShows(widget, landscapeRun(fresh(landscape.lr.initial, moved), 1));
});

test('Adam’s schedule is drawn at build time: three curves over the run’s steps', async ({ page }) => {
  const chart = page.locator('svg.schedule');
  await expect(chart.locator('path.line')).toHaveCount(3);
  await expect(chart).toHaveAttribute('aria-label', /^Over 1,000 steps/);
  await expect(chart.locator('text.label')).toHaveText(['ηₜ / η', '1 − β₁ᵗ', '1 − β₂ᵗ']);
});

test.describe('at 375 px, dark', () => {
  test.use({ viewport: { width: 375, height: 800 }, colorScheme: 'dark' });
  test('Step advances even when clicked as the widget scrolls in (before it has hydrated)', async ({ page }) => {
    // as a reader (and the review) did: scroll to Play, wait, click Step. The blocks above take their
    // real size on the way and can push the widget off screen again, so it hydrates when the page is
    // idle (not when seen), and its buttons wait for hydration
    const widget = widgetOf(page);
    await widget.getByRole('button', { name: 'Play' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await widget.getByRole('button', { name: 'Step', exact: true }).click();
    await expectShows(widget, landscapeRun(fresh(), 1));
  });
});
