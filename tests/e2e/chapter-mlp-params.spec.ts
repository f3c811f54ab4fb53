import { expect, test } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { int } from '../../src/viz/shared/format.ts';

// The parameter calculator, driven as a reader drives it. The expected counts are worked by
// hand here: V·d + T·d + V·d + L·(4d² + 8d²).

openChapterForEachTest('/chapters/mlp/');

const byHand = (V: number, d: number, L: number, T: number) => 2 * V * d + T * d + L * 12 * d * d;

test.describe('the parameter calculator', () => {
  test('starts at 4,192, follows typed sizes, and explains sizes that cannot work', async ({ page }) => {
    const calc = await hydrated(page, '.parameter-calculator');
    const total = calc.locator('[data-total]');
    await expect(total).toHaveText(`Total: ${int(byHand(27, 16, 1, 16))} parameters`);
    await expect(total).toContainText('4,192');

    const nEmbd = calc.getByLabel('n_embd', { exact: true });
    await nEmbd.fill('32');
    await expect(total).toContainText(int(byHand(27, 32, 1, 16)));
    await expect(total).toContainText('14,528');

    await calc.getByLabel('n_layer', { exact: true }).fill('3');
    await expect(total).toContainText(int(byHand(27, 32, 3, 16)));
    await expect(calc.locator('[data-matrices]')).toContainText('128 × 32 × 3 layers');

    await calc.getByLabel('n_head', { exact: true }).fill('5');
    await expect(calc.locator('[data-problem]')).toHaveText('n_embd (32) must be divisible by n_head (5).');
    await expect(total).toHaveCount(0);
    await calc.getByLabel('n_head', { exact: true }).fill('4');
    await expect(total).toContainText(int(byHand(27, 32, 3, 16)));

    // an empty field is not a size yet: the last good one stays in use, the typing is kept
    await nEmbd.fill('');
    await expect(calc.getByText(/Type a whole number from 1 to 100,000 for n_embd\. Still using 32\./)).toBeVisible();
    await expect(total).toContainText(int(byHand(27, 32, 3, 16)));
    await nEmbd.fill('0');
    await expect(calc.getByText(/Type a whole number from 1 to 100,000 for n_embd\. Still using 32\./)).toBeVisible();
    await expect(total).toContainText(int(byHand(27, 32, 3, 16)));
  });

  test('presets by keyboard, GPT-2 small with its own count, and the sizes kept across a reload', async ({ page }) => {
    const calc = await hydrated(page, '.parameter-calculator');
    const gpt2 = calc.getByRole('button', { name: 'GPT-2 small' });
    await gpt2.focus();
    await page.keyboard.press('Enter');
    await expect(gpt2).toHaveAttribute('aria-pressed', 'true');
    await expect(calc.locator('[data-total]')).toContainText(int(byHand(50257, 768, 12, 1024)));
    // GPT-2's own count: the tied head taken away, biases and LayerNorm gains and biases added
    const biases = 12 * (3 * 768 + 768 + 4 * 768 + 768);
    const norms = 25 * 2 * 768;
    await expect(calc.locator('[data-gpt2]')).toContainText(int(byHand(50257, 768, 12, 1024) - 50257 * 768 + biases + norms));
    await expect(calc.locator('[data-gpt2]')).toContainText('124,439,808');
    await expect(calc.getByLabel('n_embd', { exact: true })).toHaveValue('768');

    await page.reload();
    const again = await hydrated(page, '.parameter-calculator');
    await expect(again.getByLabel('n_embd', { exact: true })).toHaveValue('768');
    await expect(again.locator('[data-total]')).toContainText(int(byHand(50257, 768, 12, 1024)));
    await again.getByRole('button', { name: 'microgpt' }).click();
    await expect(again.locator('[data-total]')).toContainText('4,192');
  });
});

test('a change in a second tab is followed in the first, so neither writes back a stale copy', async ({ page, context }) => {
  const calc = await hydrated(page, '.parameter-calculator');
  const other = await context.newPage();
  await other.goto('/chapters/mlp/');
  const calc2 = await hydrated(other, '.parameter-calculator');
  await calc2.getByLabel('n_layer', { exact: true }).fill('7');
  await expect(calc.getByLabel('n_layer', { exact: true })).toHaveValue('7');
  await calc.getByLabel('n_embd', { exact: true }).fill('64');
  await expect(calc2.getByLabel('n_embd', { exact: true })).toHaveValue('64');
  await expect(calc2.getByLabel('n_layer', { exact: true })).toHaveValue('7');
  await other.close();
  await page.reload();
  const again = await hydrated(page, '.parameter-calculator');
  await expect(again.getByLabel('n_embd', { exact: true })).toHaveValue('64');
  await expect(again.getByLabel('n_layer', { exact: true })).toHaveValue('7');
});
