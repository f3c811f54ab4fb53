import { expect, test, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { fixed, signed } from '../../src/viz/shared/format.ts';
import { toyStep, type ToyPick } from '../../src/viz/toy/walkthrough.ts';
import { embeddingLines, normLines, stepLines, vec } from '../../src/viz/toy/step-equations.ts';
import { attentionSteps } from '../../src/viz/toy/step-sequence.ts';
import { compareCaches } from '../../src/viz/toy/cache-compare.ts';

// Chapter 5's toy walkthrough, driven as a reader drives it. The engine (toyStep) is the
// oracle: every number checked is recomputed here for the pick the page shows.

openChapterForEachTest('/chapters/attention/');

const cPick: ToyPick = { token: 3, pos: 3, cache: 'computed' };
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** Pick c at position 3 with the computed cache on the page's first token picker, with the mouse. */
async function pickC3Computed(page: Page): Promise<void> {
  const picker = await hydrated(page, page.locator('.token-picker').first());
  await picker.getByRole('radio', { name: 'c', exact: true }).click();
  await picker.getByRole('radio', { name: '3', exact: true }).click();
  await picker.getByRole('radio', { name: 'computed' }).click();
  await expect(picker.locator('[data-summary]')).toContainText('c at position 3');
}

/** Scroll so that step i's text sits at 40 % of the viewport height, as a reader reading it would. */
async function readStep(page: Page, i: number): Promise<void> {
  await page.evaluate((i) => {
    const text = document.querySelectorAll('[data-scrolly-text]')[i];
    window.scrollBy(0, text.getBoundingClientRect().top - innerHeight * 0.4);
  }, i);
}

/** Wait until a smooth scroll the page started has come to rest. */
async function scrollSettled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => {
    const before = scrollY;
    await new Promise((r) => setTimeout(r, 250));
    return scrollY === before;
  })).toBe(true);
}

const stepItem = (page: Page, i: number) => page.locator('[data-scrolly-step]').nth(i);
const stepFigure = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

test('the token picker updates every view: c at 3 with the computed cache shows the engine\'s numbers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const s of ['.toy-weights', '.embedding-view', '.cache-comparison', '.residual-view']) await hydrated(page, s);
  await pickC3Computed(page);
  const s = toyStep(cPick);

  // the weights: c's row of wte and position 3's row of wpe are marked, and no others
  const weights = page.locator('.toy-weights');
  await expect(weights.locator('[data-reads]')).toHaveText('c at position 3 reads row c of wte and row pos 3 of wpe.');
  await expect(weights.locator('[data-matrix^="wte"] tr.highlight th')).toHaveText('c');
  await expect(weights.locator('[data-matrix^="wpe"] tr.highlight th')).toHaveText('pos 3');
  await expect(weights.locator('tr.highlight')).toHaveCount(2);

  // the embedding: c (0.10, 0.20) + pos 3 (0.15, 0.00) = (0.25, 0.20), then both norms
  const emb = page.locator('.embedding-view [data-equations] p:not(.head)');
  await expect(emb).toHaveText([...embeddingLines(s), ...normLines(s.norms.emb), ...normLines(s.norms.attn, 5, 'x̂')]);
  await expect(emb.nth(2)).toContainText('= (0.25, 0.20)');
  await expect(page.locator('.embedding-view svg')).toHaveAttribute('aria-label', new RegExp(`normalised vector \\(${fixed(s.trace.embNorm[0], 3)}`));

  // every step of the scrolly, with four cache rows: three computed, the current one
  for (const step of attentionSteps) {
    const fig = stepFigure(page, step.id);
    await expect(fig.locator('[data-equations] p')).toHaveText(stepLines(step.id, s));
    if (step.columns.length) {
      const sources = await fig.locator('[data-cache] tbody tr[data-source]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
      expect(sources).toEqual(step.appended ? ['computed', 'computed', 'computed', 'current'] : ['computed', 'computed', 'computed']);
    }
  }
  await expect(stepFigure(page, 'softmax').locator('[data-cache] td.weight')).toHaveText(s.trace.layers[0].heads[0].weights.map((w) => fixed(w, 3)));

  // the cache comparison: both ways for c at 3, the change computed − given
  const cmp = compareCaches(3, 3);
  const cache = page.locator('.cache-comparison');
  await expect(cache.locator('[data-who]')).toContainText('c at position 3');
  for (const title of ['scores', 'weights']) {
    for (const r of cmp.groups.find((g) => g.title === title)!.rows) {
      await expect(cache.locator(`tr[data-row="${r.label}"] td`)).toHaveText([fixed(r.pinned, 3), fixed(r.computed, 3), signed(r.diff, 3)]);
    }
  }
  const x = cmp.groups.at(-1)!.rows;
  await expect(cache.locator('tr[data-row="x[0]"] td').nth(1)).toHaveText(fixed(x[0].computed, 3));
  expect(x[0].computed).toBeCloseTo(s.trace.layers[0].afterAttn[0], 12); // the computed column is this pick's stream

  // the residual: the stream in, what attention adds, the stream out
  const l = s.trace.layers[0];
  await expect(page.locator('.residual-view [data-in]')).toHaveText(vec(l.input));
  await expect(page.locator('.residual-view [data-add]')).toHaveText(`+ ${vec(l.attnOut)}`);
  await expect(page.locator('.residual-view [data-out]')).toHaveText(`= ${vec(l.afterAttn)}`);
});

test('with the given cache at position 0 the comparison says there is nothing to compare, and ToyWeights follows the keyboard', async ({ page }) => {
  const picker = await hydrated(page, page.locator('.token-picker').first());
  await hydrated(page, '.toy-weights');
  await hydrated(page, '.cache-comparison');
  // keyboard: arrows move within a radio group
  const bos = picker.getByRole('radio', { name: 'BOS' });
  await bos.focus();
  await page.keyboard.press('ArrowRight'); // a
  const zero = picker.getByRole('radio', { name: '0', exact: true });
  await picker.getByRole('radio', { name: '1', exact: true }).focus();
  await page.keyboard.press('ArrowLeft'); // 0
  await expect(zero).toBeChecked();
  await expect(page.locator('.toy-weights [data-matrix^="wte"] tr.highlight th')).toHaveText('a');
  await expect(page.locator('.toy-weights [data-matrix^="wpe"] tr.highlight th')).toHaveText('pos 0');
  await expect(page.locator('.cache-comparison [data-same]')).toBeVisible();
});

test.describe('the step-by-step scrolly at 1280 px', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const step of attentionSteps) await expect(page.locator('astro-island', { has: stepFigure(page, step.id) }).last()).not.toHaveAttribute('ssr', /.*/);
  });

  test('scrolling to a step shows its figure and marks its text', async ({ page }) => {
    for (const i of [0, 2, 5, 6, 1]) {
      await readStep(page, i);
      await expect(stepItem(page, i)).toHaveAttribute('aria-current', 'step');
      await expect(stepFigure(page, attentionSteps[i].id)).toBeInViewport();
    }
  });

  test('Step and Back with the mouse move the reader to the next and previous step', async ({ page }) => {
    await readStep(page, 1);
    await expect(stepItem(page, 1)).toHaveAttribute('aria-current', 'step');
    await stepFigure(page, 'append').getByRole('button', { name: 'Step ▶' }).click();
    await expect(stepItem(page, 2)).toHaveAttribute('aria-current', 'step');
    await expect(stepItem(page, 2).locator('[data-scrolly-text]')).toBeInViewport();
    await stepFigure(page, 'score').getByRole('button', { name: '◀ Back' }).click();
    await expect(stepItem(page, 1)).toHaveAttribute('aria-current', 'step');
    // the click left no focus behind, so scrolling still moves the figure
    await scrollSettled(page);
    await readStep(page, 4);
    await expect(stepItem(page, 4)).toHaveAttribute('aria-current', 'step');
  });

  test('Step from the keyboard moves the focus along to the next figure\'s Step, and says where it is', async ({ page }) => {
    await readStep(page, 0);
    const first = stepFigure(page, 'qkv').getByRole('button', { name: 'Step ▶' });
    await first.focus();
    await page.keyboard.press('Enter');
    const second = stepFigure(page, 'append').getByRole('button', { name: 'Step ▶' });
    await expect(second).toBeFocused();
    await expect(stepItem(page, 1)).toHaveAttribute('aria-current', 'step');
    await expect(stepFigure(page, 'append').locator('[aria-live]')).toHaveText('Step 2 of 7: Append k and v to the cache.');
    await page.keyboard.press('Space');
    await expect(stepFigure(page, 'score').getByRole('button', { name: 'Step ▶' })).toBeFocused();
    await expect(stepItem(page, 2)).toHaveAttribute('aria-current', 'step');
  });

  test('Play advances on its own and Pause stops it', async ({ page }) => {
    await readStep(page, 4);
    await expect(stepItem(page, 4)).toHaveAttribute('aria-current', 'step');
    await stepFigure(page, 'mix').getByRole('button', { name: '▶ Play' }).click();
    await expect(stepFigure(page, 'mix').getByRole('button', { name: '❚❚ Pause' })).toBeVisible();
    await expect(stepItem(page, 5)).toHaveAttribute('aria-current', 'step', { timeout: 8000 });
    await stepFigure(page, 'project').getByRole('button', { name: '❚❚ Pause' }).click();
    await expect(stepFigure(page, 'project').getByRole('button', { name: '▶ Play' })).toBeVisible();
    await page.waitForTimeout(4500);
    await expect(stepItem(page, 5)).toHaveAttribute('aria-current', 'step');
  });

  test('Play from the keyboard keeps the focus on Pause as it moves, and stops at the last step', async ({ page }) => {
    await readStep(page, 5);
    await stepFigure(page, 'project').getByRole('button', { name: '▶ Play' }).focus();
    await page.keyboard.press('Enter');
    const last = stepFigure(page, 'residual');
    await expect(last.getByRole('button', { name: '▶ Play' })).toBeFocused({ timeout: 8000 });
    await expect(stepItem(page, 6)).toHaveAttribute('aria-current', 'step');
    await expect(last.getByRole('button', { name: 'Step ▶' })).toBeDisabled();
  });
});

test('with reduced motion the steps are a plain sequence: Play is off, Step still moves to the next figure', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/chapters/attention/');
  const fig = await hydrated(page, stepFigure(page, 'score'));
  await expect(fig.getByRole('button', { name: '▶ Play' })).toBeDisabled();
  await expect(fig.locator('.note')).toContainText('reduced motion');
  await fig.getByRole('button', { name: 'Step ▶' }).click();
  const next = stepFigure(page, 'softmax');
  await expect(next).toBeInViewport();
  expect((await next.boundingBox())!.y).toBeLessThan(200);
  await expect(page.locator('[data-scrolly-step][aria-current]')).toHaveCount(0);
  await context.close();
});

test('at 375 px Step scrolls the plain sequence to the next figure', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const fig = await hydrated(page, stepFigure(page, 'qkv'));
  await fig.getByRole('button', { name: 'Step ▶' }).click();
  await expect.poll(async () => (await stepFigure(page, 'append').boundingBox())!.y).toBeLessThan(120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
