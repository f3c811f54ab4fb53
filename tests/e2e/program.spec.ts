import { expect, test, type Page } from '@playwright/test';
import { parseWeightsText, type Weights } from '../../src/engine/weights.ts';
import { listingLines } from '../../src/components/program/listing.ts';
import { alignGroups } from '../../src/viz/program/line-groups.ts';
import { programGroups } from '../../content/program/explanations.ts';
import { runProgram } from '../../src/viz/program/live.ts';

// The listing and its groups as the build made them, and the engine on the weights the site
// serves, are the oracles for what the page shows.
const lines = listingLines();
const groups = alignGroups(lines, programGroups);
const lineOf = (text: string) => lines.find((l) => l.text.includes(text))!.n;
const groupAt = (n: number) => groups.find((g) => g.start <= n && n <= g.end)!;

let weights: Weights;
test.beforeAll(async ({ request }) => {
  const res = await request.get('/data/model.json');
  expect(res.ok()).toBe(true);
  weights = parseWeightsText(await res.text());
});

const listing = (page: Page) => page.locator('[data-listing]');
const panel = (page: Page) => page.locator('[data-panel]');
const live = (page: Page) => page.locator('.program-live');

/** Wait until the live values island has hydrated and the model has loaded. */
async function liveReady(page: Page): Promise<void> {
  await expect(live(page)).not.toHaveAttribute('data-still', '');
  await expect(live(page).locator('[data-showing]')).toBeVisible();
}

test('a permalink opens the page with that line selected, in view, and its explanation beside it', async ({ page }) => {
  const n = lineOf("const attnWeights = softmax(attnLogits)");
  await page.goto(`/program/#L${n}`);
  const line = page.locator(`#L${n}`);
  await expect(line).toHaveAttribute('aria-selected', 'true');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${n}`);
  await expect(line).toBeInViewport();
  await expect(panel(page).locator('[data-panel-text]')).toContainText('weights that add up to 1');
  await expect(panel(page).locator('[data-panel-text] a').first()).toHaveAttribute('href', '/chapters/attention/#scores-then-weights');
});

test('an unknown line in the link says so, and the page stays whole', async ({ page }) => {
  for (const [hash, says] of [['#L9999', `line 9999, but the listing has lines 1 to ${lines.length}`], ['#Lfoo', 'line “foo”, which is not a line number']]) {
    await page.goto(`/program/${hash}`);
    await expect(page.locator('[data-hash-problem]')).toBeVisible();
    await expect(page.locator('[data-hash-problem]')).toContainText(says);
    await expect(page.locator('#L1')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-listing] [role="option"]')).toHaveCount(lines.length);
  }
});

test('the arrow keys move between groups, Home and End to the first and last, and the address follows', async ({ page }) => {
  await page.goto('/program/');
  await listing(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#L${groups[1].start}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#L${groups[2].start}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`#L${groups[1].start}`)).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe(`#L${groups[1].start}`);
  await page.keyboard.press('End');
  const last = groups[groups.length - 1];
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${last.start}`);
  await expect(page.locator(`#L${last.start}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${groups[0].start}`);
  await expect(page.locator('[data-program-announce]')).toContainText(`Line ${groups[0].start} of ${lines.length}`);
  await expect(listing(page)).toBeFocused();
});

test('a click selects the line, its group and its explanation', async ({ page }) => {
  await page.goto('/program/');
  const n = lineOf('loss.backward();');
  await page.locator(`#L${n}`).click();
  await expect(page.locator(`#L${n}`)).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe(`#L${n}`);
  await expect(panel(page).locator('[data-panel-text]')).toContainText('every parameter gets its gradient');
  const g = groupAt(lineOf("const v = linear(x, sd[`layer${li}.attn_wv`]);"));
  await page.locator(`#L${g.end}`).click();
  for (let k = g.start; k <= g.end; k++) await expect(page.locator(`#L${k}`)).toHaveAttribute('data-in-selected', '');
});

test('the live values are the engine’s: a vector and its gradient, the heads, the logits, the loss', async ({ page }) => {
  const run = runProgram(weights, 'emma');
  await page.goto(`/program/#L${lineOf("const q = linear(x, sd[`layer${li}.attn_wq`])")}`);
  await liveReady(page);
  const pos = 1;
  const shownNumbers = (sel: string) => live(page).locator(`${sel} [data-value]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  await expect(live(page).locator('[data-values] li')).toHaveCount(weights.config.nEmbd);
  expect(await shownNumbers('[data-values]')).toEqual(run.positions[pos].data.layers[0].q);
  expect(await shownNumbers('[data-grads]')).toEqual(run.positions[pos].grad.layers[0].q);
  await expect(live(page).locator('[data-values] li').first()).toHaveText(run.positions[pos].data.layers[0].q[0].toFixed(3).replace('-', '−'));

  // the heads, at position 3 of another name
  await live(page).locator('[data-name-field]').fill('olivia');
  await live(page).locator('[data-pos-field]').fill('3');
  const other = runProgram(weights, 'olivia');
  await page.locator(`#L${lineOf('const attnWeights = softmax(attnLogits)')}`).click();
  await expect(live(page).locator('[data-showing]')).toContainText('“olivia” at position 3');
  const weightsShown = await live(page).locator('[data-head-weights="2"] [data-weight]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-weight'))));
  expect(weightsShown).toEqual(other.positions[3].data.layers[0].heads[2].weights);
  const scoresShown = await live(page).locator('[data-head="0"] [data-score]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
  expect(scoresShown).toEqual(other.positions[3].data.layers[0].heads[0].scores);

  // the logits and the loss
  await page.locator(`#L${lineOf("const logits = linear(x, sd['lm_head'])")}`).click();
  const target = other.positions[3].target;
  await expect(live(page).locator(`[data-logits] tr[data-token="${target}"] [data-prob]`)).toHaveAttribute('data-prob', String(other.positions[3].probs[target]));
  await page.locator(`#L${lineOf('const loss = probs[target].log().neg();')}`).click();
  await expect(live(page).locator('[data-loss]')).toHaveAttribute('data-loss', String(other.positions[3].loss));
  await expect(live(page).locator('[data-mean-loss]')).toHaveAttribute('data-mean-loss', String(other.loss));

  // a line that computes nothing per position says so
  await page.locator(`#L${lineOf('add(other: Value | number): Value {')}`).click();
  await expect(live(page).locator('[data-none]')).toContainText('no value to show here');
});

test('bad input is named at its field and the last good values stay', async ({ page }) => {
  const run = runProgram(weights, 'emma');
  await page.goto(`/program/#L${lineOf('const loss = probs[target].log().neg();')}`);
  await liveReady(page);
  const loss = live(page).locator('[data-loss]');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));
  const name = live(page).locator('[data-name-field]');
  const pos = live(page).locator('[data-pos-field]');

  await name.fill('Emma!');
  await expect(live(page).locator('[data-name-message]')).toContainText('not in the vocabulary');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));

  await name.fill('a'.repeat(weights.config.blockSize + 2));
  await expect(live(page).locator('[data-name-message]')).toContainText('longer than the context');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));

  await name.fill('emma');
  await pos.fill('9');
  await expect(live(page).locator('[data-pos-message]')).toContainText('Position 9 is past the end of “emma”');
  await expect(pos).toHaveAttribute('aria-invalid', 'true');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));
  await expect(name).toHaveValue('emma');
});

test('on a phone the explanation sits under its group and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const g = groupAt(lineOf('keys[li].push(k);'));
  await page.goto(`/program/#L${g.start}`);
  await liveReady(page);
  const last = await page.locator(`#L${g.end}`).boundingBox();
  const next = await page.locator(`#L${g.end + 1}`).boundingBox();
  const box = await panel(page).boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(last!.y + last!.height - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(next!.y + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a chapter’s code region links to its first line in the whole program', async ({ page }) => {
  await page.goto('/chapters/attention/');
  const link = page.locator('figure.code-region a', { hasText: 'in the whole program' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/program\/#L\d+$/);
  await page.goto(href!);
  const n = Number(href!.split('#L')[1]);
  await expect(page.locator(`#L${n}`)).toHaveAttribute('aria-selected', 'true');
});
