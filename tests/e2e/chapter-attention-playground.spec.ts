import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { fixed, parseDisplayNumber, signed } from '../../src/viz/shared/format.ts';
import { runningExample, toyStep } from '../../src/viz/toy/walkthrough.ts';
import { spreadAt, spreadPairs } from '../../src/viz/attention/score-spread.ts';

// The playground read as a reader reads it: the keys drawn, the query on the sliders, the
// weights and the output in the table and the equation. Every number shown is checked
// against a plain computation here (q·k/√2, softmax, weighted sum) from what the page draws,
// and the keys and values against the engine's run of the pick.

openChapterForEachTest('/chapters/attention/');

const parse = (s: string | null) => parseDisplayNumber(s ?? '');

/** The plain head: scores, softmax weights and output. */
function plainHead(q: number[], keys: number[][], vals: number[][]) {
  const scores = keys.map((k) => (k[0] * q[0] + k[1] * q[1]) / Math.SQRT2);
  const exps = scores.map((s) => Math.exp(s));
  const total = exps.reduce((a, b) => a + b, 0);
  const weights = exps.map((e) => e / total);
  return { scores, weights, output: [0, 1].map((j) => vals.reduce((s, v, t) => s + weights[t] * v[j], 0)) };
}

async function playground(page: Page): Promise<Locator> {
  return hydrated(page, '.attention-playground');
}

const query = async (w: Locator) => Promise.all([/^q₁/, /^q₂/].map(async (n) => Number(await w.getByRole('slider', { name: n }).inputValue())));
const drawnKeys = async (w: Locator) => (await w.locator('[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-at')!))).map((s) => s.split(',').map(Number));

/** The weights and the output the page shows agree with the plain head for the query on the sliders and the values of the pick. */
async function expectHead(w: Locator, vals: number[][], q?: number[]) {
  const keys = await drawnKeys(w);
  const p = plainHead(q ?? (await query(w)), keys, vals);
  await expect(w.locator('[data-weight]')).toHaveText(p.weights.map((x) => fixed(x, 3)));
  await expect(w.locator('[data-score]')).toHaveText(p.scores.map((x) => signed(x, 3)));
  await expect(w.locator('[data-mix]')).toContainText(`= (${p.output.map((x) => fixed(x)).join(', ')})`);
  return p;
}

const running = toyStep(runningExample);
const runningValues = running.cache.map((r) => r.value);

test('it starts on the running example: its keys, its real query, and the engine’s weights', async ({ page }) => {
  const w = await playground(page);
  expect(await drawnKeys(w)).toEqual(running.cache.map((r) => r.key));
  const q = running.trace.layers[0].q;
  await expect(w.locator('[data-query]')).toHaveText(`q = (${q.map((x) => fixed(x)).join(', ')})`);
  const p = await expectHead(w, runningValues, q);
  running.trace.layers[0].heads[0].weights.forEach((x, t) => expect(x).toBeCloseTo(p.weights[t], 12));
});

test('dragging the query point with the mouse moves the query to where it is dropped', async ({ page }) => {
  const w = await playground(page);
  const handle = w.locator('circle.handle');
  const svg = w.locator('svg.keys-plane');
  const h = (await handle.boundingBox())!;
  const box = (await svg.boundingBox())!;
  // the plane runs from −2 to 2 between user units 26 and 207 of 220, across and (upwards) down
  const unit = box.width / 220;
  const to = { x: box.x + (116.5 + 45.25 * 1.2) * unit, y: box.y + (103.5 - 45.25 * 0.6) * unit };
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
  const [q1, q2] = await query(w);
  expect(Math.abs(q1 - 1.2)).toBeLessThan(0.03);
  expect(Math.abs(q2 - 0.6)).toBeLessThan(0.03);
  await expect(w.locator('[data-query]')).toHaveText(`q = (${fixed(q1)}, ${fixed(q2)})`);
  await expectHead(w, runningValues);
});

test('the arrow keys move the focused query point by 0.05, and by 0.25 with Shift', async ({ page }) => {
  const w = await playground(page);
  const handle = w.getByRole('slider', { name: /Query point/ });
  await handle.focus();
  const real = running.trace.layers[0].q;
  const grid = (v: number) => Math.round(v * 100) / 100;
  await page.keyboard.press('ArrowRight');
  expect(await query(w)).toEqual([grid(real[0] + 0.05), grid(real[1])]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await query(w)).toEqual([grid(real[0] + 0.05), grid(grid(real[1]) + 0.3)]);
  const [q1, q2] = await query(w);
  await expect(handle).toHaveAttribute('aria-valuetext', `q₁ ${fixed(q1)}, q₂ ${fixed(q2)}`);
  const p = await expectHead(w, runningValues);
  // once the keys rest, the live region says the new weights and output
  await expect(w.locator('[aria-live="polite"]')).toHaveText(
    `Weights BOS ${fixed(p.weights[0])}, a ${fixed(p.weights[1])}, b ${fixed(p.weights[2])}; output (${p.output.map((x) => fixed(x)).join(', ')}).`,
  );
});

test('the sliders move the query, and Reset brings back the model’s own query', async ({ page }) => {
  const w = await playground(page);
  const q1 = w.getByRole('slider', { name: /^q₁/ });
  const q2 = w.getByRole('slider', { name: /^q₂/ });
  await q1.focus();
  await page.keyboard.press('End');
  await q2.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
  expect(await query(w)).toEqual([2, -1.5]);
  const p = await expectHead(w, runningValues);
  // pointing right and down, the query agrees best with k₀ = (0.3, 0.1)
  expect(p.weights[0]).toBeGreaterThan(Math.max(p.weights[1], p.weights[2]));
  await w.getByRole('button', { name: 'Reset query' }).click();
  const real = running.trace.layers[0].q;
  await expect(w.locator('[data-query]')).toHaveText(`q = (${real.map((x) => fixed(x)).join(', ')})`);
  await expectHead(w, runningValues, real);
});

test('one-hot weights return exactly that position’s value row, wherever the query is', async ({ page }) => {
  const w = await playground(page);
  await w.getByLabel('Weights').selectOption({ label: 'one-hot on position 1 (a)' });
  const v1 = runningValues[1];
  await expect(w.locator('[data-weight]')).toHaveText(['0.000', '1.000', '0.000']);
  await expect(w.locator('[data-mix]')).toHaveText(`0.00·v₀ + 1.00·v₁ + 0.00·v₂ = (${v1.map((x) => fixed(x)).join(', ')})`);
  await expect(w.locator('[data-exact]')).toHaveAttribute('data-exact', 'yes');
  await w.getByRole('slider', { name: /Query point/ }).press('Shift+ArrowLeft');
  await expect(w.locator('[data-mix]')).toContainText(`= (${v1.map((x) => fixed(x)).join(', ')})`);
  await expect(w.locator('[data-exact]')).toHaveAttribute('data-exact', 'yes');
});

test('the token picker changes the keys drawn, the query and the weights', async ({ page }) => {
  const w = await playground(page);
  await w.getByLabel('Weights').selectOption({ label: 'one-hot on position 2 (b)' });
  const picker = await hydrated(page, page.locator('.token-picker').first());
  await picker.getByRole('group', { name: 'Token' }).getByRole('radio', { name: 'a', exact: true }).check();
  await picker.getByRole('group', { name: 'Position' }).getByRole('radio', { name: '3', exact: true }).check();
  const pick = toyStep({ token: 1, pos: 3, cache: 'pinned' });
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('[data-key]')).toHaveCount(4);
  await expect(w.getByLabel('Weights')).toHaveValue('softmax'); // a new pick starts from its own softmax weights
  expect(await drawnKeys(w)).toEqual(pick.cache.map((r) => r.key));
  await expect(w.locator('[data-key] text')).toHaveText(['k₀ BOS', 'k₁ a', 'k₂ b', 'k₃ a']);
  const q = pick.trace.layers[0].q;
  await expect(w.locator('[data-query]')).toHaveText(`q = (${q.map((x) => fixed(x)).join(', ')})`);
  await expectHead(w, pick.cache.map((r) => r.value), q);
});

test('a new pick is said by the picker alone; the playground says only the reader’s own moves', async ({ page }) => {
  const w = await playground(page);
  const live = w.locator('[aria-live="polite"]');
  const picker = await hydrated(page, page.locator('.token-picker').first());
  await picker.getByRole('group', { name: 'Token' }).getByRole('radio', { name: 'a', exact: true }).check();
  await picker.getByRole('group', { name: 'Position' }).getByRole('radio', { name: '3', exact: true }).check();
  await expect(w.locator('[data-key]')).toHaveCount(4);
  await page.waitForTimeout(1200); // past the announcer's settling time
  await expect(live).toHaveText('');
  const q1 = w.getByRole('slider', { name: /^q₁/ });
  await q1.focus();
  await page.keyboard.press('ArrowRight');
  const pick = toyStep({ token: 1, pos: 3, cache: 'pinned' });
  const p = plainHead(await query(w), pick.cache.map((r) => r.key), pick.cache.map((r) => r.value));
  const labels = ['BOS', 'a', 'b', 'a'];
  await expect(live).toHaveText(`Weights ${p.weights.map((x, t) => `${labels[t]} ${fixed(x)}`).join(', ')}; output (${p.output.map((x) => fixed(x)).join(', ')}).`);
  // the pick changing again is not said here
  await picker.getByRole('group', { name: 'Position' }).getByRole('radio', { name: '1', exact: true }).check();
  await expect(w.locator('[data-key]')).toHaveCount(2);
  await page.waitForTimeout(1200);
  await expect(live).toContainText(`${labels[3]} ${fixed(p.weights[3])}`);
});

test('the score spread shows the standard deviations of the seeded sample for the d picked', async ({ page }) => {
  const w = await hydrated(page, '.score-spread');
  const pairs = spreadPairs();
  const d = w.getByRole('slider', { name: /^d/ });
  await d.focus();
  await page.keyboard.press('End');
  await expect(d).toHaveAttribute('aria-valuetext', 'd = 256');
  const s = spreadAt(pairs, 256);
  await expect(w.locator('[data-sd-raw]')).toHaveText(fixed(s.sdRaw));
  await expect(w.locator('[data-sd-scaled]')).toHaveText(fixed(s.sdScaled));
  expect(Math.abs(parse(await w.locator('[data-sd-raw]').textContent()) - 16)).toBeLessThan(2.4);
  await page.keyboard.press('Home');
  await expect(d).toHaveAttribute('aria-valuetext', 'd = 1');
  const one = spreadAt(pairs, 1);
  await expect(w.locator('[data-sd-raw]')).toHaveText(fixed(one.sdRaw));
  await expect(w.locator('[data-row="raw"] [data-top]')).toHaveText(fixed(one.rowsRaw.first.topWeight));
});
