import { expect, test, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { toValueStateDict, type ValueModel } from '../../src/engine/model.ts';
import { parseWeightsText, type Weights } from '../../src/engine/weights.ts';
import { perKeyCost, stepCost, walkCosts } from '../../src/viz/attention/kv-cost.ts';
import { traceName } from '../../src/viz/attention/name-trace.ts';
import { fixed, int } from '../../src/viz/shared/format.ts';

// The engine, on the weights the site serves, is the oracle for what the page shows.
let weights: Weights;
let model: ValueModel;
test.beforeAll(async ({ request }) => {
  const res = await request.get('/data/model.json');
  expect(res.ok()).toBe(true);
  weights = parseWeightsText(await res.text());
  model = { config: weights.config, params: toValueStateDict(weights.stateDict) };
});

openChapterForEachTest('/chapters/attention/');

const heatmaps = (page: Page) => page.locator('.head-heatmaps');
const kv = (page: Page) => page.locator('.kv-cache');

/** Every cell of every head's map says the engine's weight (3 decimals). */
async function expectMapsMatch(page: Page, name: string): Promise<void> {
  const trace = traceName(model, weights.tokenizer, name);
  const root = heatmaps(page);
  await expect(root.locator('[data-showing]')).toContainText(`“${name}”`);
  for (let h = 0; h < weights.config.nHead; h++) {
    const map = root.locator(`figure[data-head="${h}"]`);
    await expect(map.locator('[role="gridcell"]')).toHaveCount((trace.positions.length * (trace.positions.length + 1)) / 2);
    for (const [r, c] of [[0, 0], [trace.positions.length - 1, 0], [trace.positions.length - 1, trace.positions.length - 1], [2, 1]]) {
      await expect(map.locator(`[data-r="${r}"][data-c="${c}"]`)).toHaveAttribute('aria-label', new RegExp(`weight ${fixed(trace.positions[r].weights[h][c], 3)}$`));
    }
  }
}

test('the heatmaps of the default name, and of a typed one, are the engine’s weights', async ({ page }) => {
  await hydrated(page, heatmaps(page));
  await expectMapsMatch(page, 'olivia');
  const input = heatmaps(page).getByLabel('A name to run through the model');
  await input.fill('');
  await input.pressSequentially('mark');
  await expectMapsMatch(page, 'mark');
  // the tables say the same, every cell of the lower triangle
  const trace = traceName(model, weights.tokenizer, 'mark');
  await heatmaps(page).getByText('The weights as tables').click();
  const table = heatmaps(page).locator('table[data-head-table="3"]');
  await expect(table.locator('tbody tr').nth(4).locator('td')).toHaveText(trace.positions[4].weights[3].map((w) => fixed(w, 3)));
});

test('hovering or focusing a cell writes its weight out, and arrow keys move through the triangle', async ({ page }) => {
  await hydrated(page, heatmaps(page));
  const trace = traceName(model, weights.tokenizer, 'olivia');
  const map = heatmaps(page).locator('figure[data-head="1"]');
  const detail = map.locator('[data-detail]');
  await map.locator('[data-r="3"][data-c="1"]').hover();
  await expect(detail).toHaveText(`head 2: position 3 i looks at position 1 o with weight ${fixed(trace.positions[3].weights[1][1], 3)}`);

  await map.locator('[data-r="0"][data-c="0"]').focus();
  await expect(detail).toHaveText('head 2: position 0 BOS looks at position 0 BOS with weight 1.000');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(map.locator('[data-r="2"][data-c="2"]')).toBeFocused();
  await expect(detail).toContainText(`position 2 l looks at position 2 l with weight ${fixed(trace.positions[2].weights[1][2], 3)}`);
  await page.keyboard.press('ArrowUp'); // the row above is shorter: focus moves in to its last cell
  await expect(map.locator('[data-r="1"][data-c="1"]')).toBeFocused();
});

test('a name outside the vocabulary gets a message and keeps the last maps; a long one is cut to the block; both recover', async ({ page }) => {
  await hydrated(page, heatmaps(page));
  const root = heatmaps(page);
  const input = root.getByLabel('A name to run through the model');
  await input.fill('Mark!');
  await expect(root.locator('[data-message]')).toContainText('“M” and “!” are not in the vocabulary');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(root.locator('[data-showing]')).toHaveText('Still showing “olivia”, the last name the model could read.');
  await expectMapsMatch(page, 'olivia');

  await input.fill('christophorusmaximilian');
  await expect(root.locator('[data-message]')).toContainText('has 23 letters, but microgpt reads at most 16 positions');
  await expect(input).not.toHaveAttribute('aria-invalid');
  await expectMapsMatch(page, 'christophorusma');

  await input.fill('emma');
  await expect(root.locator('[data-message]')).toHaveText('');
  await expectMapsMatch(page, 'emma');
});

test('the typed name is kept across a reload', async ({ page }) => {
  await hydrated(page, heatmaps(page));
  await heatmaps(page).getByLabel('A name to run through the model').fill('ada');
  await expectMapsMatch(page, 'ada');
  await page.reload();
  await hydrated(page, heatmaps(page));
  await expect(heatmaps(page).getByLabel('A name to run through the model')).toHaveValue('ada');
  await expectMapsMatch(page, 'ada');
});

/** The KV cache view shows position `at` of `name`: its rows, and the counts of walkCosts. */
async function expectKvAt(page: Page, name: string, at: number): Promise<void> {
  const root = kv(page);
  const trace = traceName(model, weights.tokenizer, name);
  const cost = walkCosts(weights.config, trace.positions.length)[at];
  await expect(root.locator('[data-now]')).toContainText(`Position ${at} of ${trace.positions.length - 1}`);
  await expect(root.locator('[data-row^="k"]')).toHaveCount(at + 1);
  await expect(root.locator('[data-row^="v"]')).toHaveCount(at + 1);
  await expect(root.locator(`[data-row="k${at}"]`)).toHaveClass(/fresh/);
  if (at > 0) await expect(root.locator('[data-row="k0"]')).not.toHaveClass(/fresh/);
  await expect(root.locator('tr[data-row="cached"] td')).toHaveText([int(cost.cached), int(cost.cachedTotal)]);
  await expect(root.locator('tr[data-row="uncached"] td')).toHaveText([int(cost.uncached), int(cost.uncachedTotal)]);
  // the new key's numbers are the engine's
  const k = trace.positions[at].k;
  await expect(root.locator(`[data-row="k${at}"] [data-c="5"]`)).toHaveAttribute('aria-label', new RegExp(`dimension 5: ${String(Number(k[5].toPrecision(6))).replace('-', '−')}$`));
}

test('the KV cache view steps by mouse and keyboard, plays, pauses and resets, and its counts are walkCosts', async ({ page }) => {
  await hydrated(page, kv(page));
  const root = kv(page);
  await expectKvAt(page, 'olivia', 0);
  await root.getByRole('button', { name: 'Step' }).click();
  await expectKvAt(page, 'olivia', 1);
  await expect(root.locator('[aria-live="polite"]')).toContainText('Position 1, o: one new query, key and value; 1 key and 1 value reused from the cache.');

  await root.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expectKvAt(page, 'olivia', 3);

  await root.getByRole('button', { name: 'Play' }).click();
  await expect(root.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(root.locator('[data-now]')).toContainText('Position 4 of 6');
  await root.getByRole('button', { name: 'Pause' }).click();
  await expect(root.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  const paused = Number((await root.locator('[data-now]').textContent())?.match(/Position (\d+)/)?.[1]);
  expect(paused).toBeGreaterThanOrEqual(4);
  await page.waitForTimeout(1500); // paused: it stays put
  await expectKvAt(page, 'olivia', paused);

  await root.getByRole('button', { name: 'Reset' }).click();
  await expectKvAt(page, 'olivia', 0);

  // a name of the reader's: steps through it from 0; a bad one is named and the view keeps going
  const input = root.getByLabel('Name', { exact: true });
  await input.fill('ada');
  await expectKvAt(page, 'ada', 0);
  await input.fill('ada?');
  await expect(root.locator('[data-message]')).toContainText('“?” is not in the vocabulary');
  await root.getByRole('button', { name: 'Step' }).click();
  await expectKvAt(page, 'ada', 1);
});

test('Step and Reset hand the keyboard focus on when they disable themselves', async ({ page }) => {
  await hydrated(page, kv(page));
  const root = kv(page);
  await root.getByLabel('Name', { exact: true }).fill('ab');
  await root.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectKvAt(page, 'ab', 2);
  await expect(root.getByRole('button', { name: 'Step' })).toBeDisabled();
  // Play is next, and at the last position it starts the name over
  await expect(root.getByRole('button', { name: 'Play' })).toBeFocused();
  await root.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await expectKvAt(page, 'ab', 0);
  await expect(root.getByRole('button', { name: 'Reset' })).toBeDisabled();
  await expect(root.getByRole('button', { name: 'Step' })).toBeFocused();
  // Step disabled by playing to the end, with the focus still on it
  await page.keyboard.press('Enter');
  await root.getByRole('button', { name: 'Play' }).click();
  await root.getByRole('button', { name: 'Step' }).focus();
  await expectKvAt(page, 'ab', 2);
  await expect(root.getByRole('button', { name: 'Step' })).toBeDisabled();
  await expect(root.getByRole('button', { name: /^(Play|Pause)$/ })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
});

test('the line under the counts says nothing is saved at the first position, and the ratio of the totals after it', async ({ page }) => {
  await hydrated(page, kv(page));
  const root = kv(page);
  await expect(root.locator('[data-saving]')).toHaveText('At the first position nothing is saved yet: with or without the cache, it is one call of gpt().');
  await root.getByRole('button', { name: 'Step' }).click();
  const cost = walkCosts(weights.config, 7)[1];
  await expect(root.locator('[data-saving]')).toHaveText(
    `Without the cache: ${fixed(cost.uncachedTotal / cost.cachedTotal, 2)} × the work so far, because each step runs gpt() again at positions 0 to 1 to get their keys and values back.`,
  );
});

test('the prose counts each cached key part by part, and the parts add up to what one more key costs', async ({ page }) => {
  const k = perKeyCost(weights.config);
  const perHead = k.score + k.scale + k.shift + k.normalise + k.mix;
  expect(stepCost(weights.config, 1).total - stepCost(weights.config, 0).total).toBe(weights.config.nHead * perHead);
  const hd = weights.config.nEmbd / weights.config.nHead;
  await expect(page.locator('main')).toContainText(
    `${weights.config.nHead} heads × (${hd} for the score’s dot product + 1 for the division by √${hd} + 1 for softmax’s subtraction of the largest score + 1 for its division by the total + ${hd} for the value’s share of the weighted sum) = ${weights.config.nHead} × ${perHead} = ${int(weights.config.nHead * perHead)}`,
  );
  // the exercise's hint and answer use the same count
  await expect(page.locator('main')).toContainText(`${int(stepCost(weights.config, 0).total)} + ${weights.config.nHead * perHead}·t`);
  // the head that switches on BOS is grouped by the letter at the query position
  await expect(page.locator('main')).toContainText(/when the current letter is a consonant it puts \d+\.\d% of its weight on BOS, and when the current letter is a vowel, only \d+\.\d%\./);
  await expect(page.locator('main')).not.toContainText('after a vowel');
  // the slices exercise: per query–key pair across the heads
  await expect(page.locator('main')).toContainText(`each query–key pair takes ${weights.config.nEmbd} multiplications across the ${weights.config.nHead} heads (${hd} per head)`);
});

test('hovering or focusing a strip writes the number out', async ({ page }) => {
  await hydrated(page, kv(page));
  const trace = traceName(model, weights.tokenizer, 'olivia');
  const keys = kv(page).getByRole('grid', { name: 'Keys in the cache' });
  await keys.locator('[data-r="0"][data-c="6"]').hover();
  await expect(kv(page).locator('[data-detail]').nth(1)).toContainText(`key of position 0 (BOS), dimension 6 (head 2): ${String(Number(trace.positions[0].k[6].toPrecision(6))).replace('-', '−')}`);
  await keys.locator('[data-r="0"][data-c="0"]').focus();
  await page.keyboard.press('End');
  await expect(keys.locator('[data-r="0"][data-c="15"]')).toBeFocused();
});

test('sampling a name walks a name the model wrote', async ({ page }) => {
  await hydrated(page, kv(page));
  await kv(page).getByRole('button', { name: 'Sample a name' }).click();
  await expect(kv(page).locator('[aria-live="polite"]')).toContainText(/Sampled “[a-z]+” from the trained model\./);
  const sampled = await kv(page).getByLabel('Name', { exact: true }).inputValue();
  expect(sampled).toMatch(/^[a-z]+$/);
  await expectKvAt(page, sampled.slice(0, weights.config.blockSize - 1), 0);
});
