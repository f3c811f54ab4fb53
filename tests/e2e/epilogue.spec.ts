import { expect, test } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { bytes, int } from '../../src/viz/shared/format.ts';

// The epilogue's KV-cache calculator, driven as a reader drives it. Every expected size is the
// product worked out here: layers × 2 × KV heads × head size × context × batch × bytes.

openChapterForEachTest('/epilogue/');

const cache = (layers: number, kvHeads: number, headSize: number, context: number, batch: number, bytesPer: number) =>
  layers * 2 * kvHeads * headSize * context * batch * bytesPer;

test.describe('the KV-cache calculator', () => {
  test('starts on Llama 3 8B at 8,192 positions in bf16: 1 GiB with 8 KV heads against 4 GiB with 32', async ({ page }) => {
    const calc = await hydrated(page, '.kv-calculator');
    const own = calc.locator('[data-bar="gqa"]');
    const full = calc.locator('[data-bar="full"]');
    await expect(own.locator('[data-size]')).toHaveText(bytes(cache(32, 8, 128, 8192, 1, 2)));
    await expect(full.locator('[data-size]')).toHaveText(bytes(cache(32, 32, 128, 8192, 1, 2)));
    await expect(own).toHaveAttribute('data-bytes', String(cache(32, 8, 128, 8192, 1, 2)));
    await expect(own.locator('[data-product]')).toContainText(`= ${int(cache(32, 8, 128, 8192, 1, 2))} bytes`);
    await expect(calc.locator('[data-note]')).toContainText('4 times less');
    // the shorter bar is a quarter of the longer, and both are drawn against the weights in bf16
    const weights = calc.locator('[data-bar="weights"]');
    await expect(weights.locator('[data-size]')).toHaveText(bytes(8_030_261_248 * 2));
    const width = (b: typeof own) => b.locator('.fill').evaluate((el) => el.getBoundingClientRect().width);
    const [w0, w1, ww] = await Promise.all([own, full, weights].map(width));
    expect(w0 / w1).toBeCloseTo(0.25, 2);
    expect(w1 / ww).toBeCloseTo(cache(32, 32, 128, 8192, 1, 2) / (8_030_261_248 * 2), 2);
  });

  test('the bars shrink with the context and grow with the batch, on the scale of the weights', async ({ page }) => {
    const calc = await hydrated(page, '.kv-calculator');
    const fill = (id: string) => calc.locator(`[data-bar="${id}"] .fill`).evaluate((el) => el.getBoundingClientRect().width);
    const before = await fill('gqa');
    const weights = await fill('weights');
    const context = calc.getByRole('slider', { name: /^Context/ });
    await context.focus();
    await page.keyboard.press('Home'); // 128 positions: a 64th of the full context
    await expect(calc.locator('[data-bar="gqa"] [data-size]')).toHaveText(bytes(cache(32, 8, 128, 128, 1, 2)));
    expect(await fill('gqa')).toBeLessThan(before / 8);
    expect(await fill('weights')).toBeCloseTo(weights, 0);
    // a batch of 32 at the full context: 32 GiB of cache outgrows 15 GiB of weights, and the note says so
    await page.keyboard.press('End');
    const batch = calc.getByRole('slider', { name: /^Batch/ });
    await batch.focus();
    for (let i = 0; i < 31; i++) await page.keyboard.press('ArrowRight');
    await expect(calc.locator('[data-bar="gqa"] [data-size]')).toHaveText(bytes(cache(32, 8, 128, 8192, 32, 2)));
    await expect(calc.locator('[data-note]')).toContainText('larger than the model’s weights');
    expect(await fill('weights')).toBeLessThan(weights);
  });

  test('by keyboard: another model, the context slider, the batch and fp8, each announced', async ({ page }) => {
    const calc = await hydrated(page, '.kv-calculator');
    const live = calc.locator('[aria-live="polite"]');
    // the model radios: arrow keys move the choice
    const llama = calc.getByRole('radio', { name: 'Llama 3 8B' });
    await llama.focus();
    await page.keyboard.press('ArrowRight'); // → Mixtral 8x7B
    await expect(calc.getByRole('radio', { name: 'Mixtral 8x7B' })).toBeChecked();
    const own = calc.locator('[data-bar="gqa"] [data-size]');
    await expect(own).toHaveText(bytes(cache(32, 8, 128, 32_768, 1, 2)));
    await expect(live).toContainText(`Mixtral 8x7B, 32,768 positions, batch 1, 2 bytes per number: ${bytes(cache(32, 8, 128, 32_768, 1, 2))} with grouped-query attention, ${bytes(cache(32, 32, 128, 32_768, 1, 2))} without`);

    // the context slider steps by 512 for Mixtral: Home takes it to its minimum step
    const context = calc.getByRole('slider', { name: /^Context/ });
    await context.focus();
    await page.keyboard.press('Home');
    await expect(own).toHaveText(bytes(cache(32, 8, 128, 512, 1, 2)));
    await page.keyboard.press('ArrowRight');
    await expect(own).toHaveText(bytes(cache(32, 8, 128, 1024, 1, 2)));

    const batch = calc.getByRole('slider', { name: /^Batch/ });
    await batch.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(own).toHaveText(bytes(cache(32, 8, 128, 1024, 4, 2)));

    const fp8 = calc.getByRole('radio', { name: 'fp8 (1)' });
    await fp8.focus();
    await page.keyboard.press('Space');
    await expect(fp8).toBeChecked();
    await expect(own).toHaveText(bytes(cache(32, 8, 128, 1024, 4, 1)));
    await expect(calc.locator('[data-bar="gqa"] [data-product]')).toContainText('× 1,024 positions × 4 sequences × 1 byte =');
    await expect(live).toContainText(`Mixtral 8x7B, 1,024 positions, batch 4, 1 byte per number: ${bytes(cache(32, 8, 128, 1024, 4, 1))}`);
  });

  test('by mouse: microgpt in float64 has no grouped-query attention, so both bars agree', async ({ page }) => {
    const calc = await hydrated(page, '.kv-calculator');
    await calc.getByText('microgpt', { exact: true }).click();
    await expect(calc.getByRole('radio', { name: 'microgpt' })).toBeChecked();
    // the format is the reader's: still bf16 after the change of model, until float64 is picked
    await expect(calc.getByRole('radio', { name: 'bf16 (2)' })).toBeChecked();
    await expect(calc.locator('[data-bar="gqa"] [data-product]')).toHaveText('1 layer × 2 (K and V) × 4 KV heads × 4 numbers per head × 16 positions × 1 sequence × 2 bytes = 1,024 bytes');
    await calc.getByText('float64 (8)', { exact: true }).click();
    await expect(calc.getByRole('radio', { name: 'float64 (8)' })).toBeChecked();
    const expected = bytes(cache(1, 4, 4, 16, 1, 8));
    await expect(calc.locator('[data-bar="gqa"] [data-size]')).toHaveText(expected);
    await expect(calc.locator('[data-bar="full"] [data-size]')).toHaveText(expected);
    await expect(calc.locator('[data-note]')).toContainText('the two cache bars are the same');
    // GPT-2 small in fp32, by a click on its label and on the format's
    await calc.getByText('GPT-2 small', { exact: true }).click();
    await calc.getByText('fp32 (4)', { exact: true }).click();
    await expect(calc.locator('[data-bar="gqa"] [data-size]')).toHaveText(bytes(cache(12, 12, 64, 1024, 1, 4)));
  });

  test('before hydration the still picture already shows the sizes', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/epilogue/');
    await expect(page.locator('.kv-calculator [data-bar="gqa"] [data-size]')).toHaveText(bytes(cache(32, 8, 128, 8192, 1, 2)));
    await context.close();
  });
});

test.describe('the epilogue page', () => {
  test('follows the whole program, and its sizes table gives the calculator\'s counts with their sources', async ({ page }) => {
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/program/');
    const table = page.locator('table.sizes');
    await expect(table).toContainText('124,439,808');
    await expect(table).toContainText('8,030,261,248');
    await expect(table).toContainText('46,702,792,704');
    await expect(page.locator('[data-size-notes]').getByRole('link', { name: /Mixtral of Experts/ })).toHaveAttribute('href', 'https://arxiv.org/abs/2401.04088');
    // the count by hand gives the same totals
    const count = page.locator('table.count');
    await expect(count).toContainText('= 8,030,261,248');
    await expect(count).toContainText('= 46,702,792,704');
    // grouped-query attention at microgpt's own sizes: 2 KV heads, so 8-row W_k and W_v and pairs of query heads
    await expect(page.locator('main')).toContainText('For microgpt with 2 key/value heads that is 8 rows instead of 16, and Math.floor(h / 2)');
    await expect(page.locator('.exercise')).toHaveCount(5);
    await page.goto('/chapters/inference/');
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', '/program/');
  });
});
