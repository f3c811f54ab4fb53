// Chapter 8's generators driven as a reader drives them: generation step by step by keyboard,
// Play/Pause and replay; the full generator's names, log-likelihoods and memorised marks, each
// checked against the engine run here on the shipped weights; prefix and option errors; the
// model-in-use note with a trained model kept in storage and the way back; the timing button.

import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { FastGPT, Random, generate, initStateDict, largestSeed, parseDocuments, parseWeightsText, samplingDistribution, toWeightsFile } from '../../src/engine/index.ts';
import { int } from '../../src/viz/shared/format.ts';

const weights = parseWeightsText(readFileSync('public/data/model.json', 'utf8'));
const { config, stateDict, tokenizer } = weights;
const names = new Set(parseDocuments(readFileSync('public/data/names.txt', 'utf8')));
const label = (id: number) => (id === tokenizer.bos ? 'end' : tokenizer.token(id));
const run = (seed: number, o: { temperature: number; topK?: number; topP?: number; prefix?: string }, count = 1) => {
  const model = new FastGPT(config, stateDict);
  const rng = new Random(seed);
  return Array.from({ length: count }, () => generate(model, tokenizer, rng, { ...o, record: true }));
};

openChapterForEachTest('/chapters/inference/');

async function stepper(page: Page): Promise<Locator> {
  const w = await hydrated(page, '.step-generator');
  await expect(w.locator('[data-step]')).toBeEnabled();
  return w;
}

async function setSeed(w: Locator, seed: number): Promise<void> {
  await w.getByLabel('Seed').fill(String(seed));
}

test('Step, by keyboard, draws the tokens generate() draws for the seed, and the cache grows a row per step', async ({ page }) => {
  const w = await stepper(page);
  const expected = run(42, { temperature: 0.5 })[0];
  await w.locator('[data-step]').focus();
  for (const [i, s] of expected.steps.entries()) {
    await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
    await expect(w.locator('[data-drawn]')).toHaveText(label(s.token));
    await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', String(i + 1));
    // the bars are the engine's distribution: the drawn bar carries the same probability
    const p = Number(await w.locator(`.bar.drawn`).getAttribute('data-p'));
    expect(p).toBeCloseTo(s.probs[s.token], 12);
    await expect(w.locator('.bar').first()).toHaveAttribute('data-label', label(s.probs.indexOf(Math.max(...s.probs))));
  }
  await expect(w.locator('[data-name] .chars')).toHaveText(expected.text);
  await expect(w.locator('[data-end="bos"]')).toBeVisible();
  await expect(w.locator('[data-step]')).toBeDisabled();
  await expect(w.locator('[data-reset]')).toBeFocused(); // Step disabled itself: focus moved on
  await expect(w.locator('[role="status"], [aria-live]').first()).toContainText(`The name ends: “${expected.text}”`);
});

test('Play runs to the end and Pause stops; the same seed replays the same name', async ({ page }) => {
  const w = await stepper(page);
  await setSeed(w, 7);
  const expected = run(7, { temperature: 0.5 })[0];
  await w.locator('[data-play]').click();
  await expect(w.locator('[data-name] .chars')).toHaveText(expected.text, { timeout: 20_000 });
  await expect(w.locator('[data-play]')).toHaveText('Play');
  // again, paused after the first steps: no more rows appear
  await w.locator('[data-reset]').click();
  await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', '0');
  await w.locator('[data-play]').press('Enter');
  await expect.poll(async () => Number(await w.locator('[data-cache-rows]').getAttribute('data-cache-rows'))).toBeGreaterThan(0);
  await w.locator('[data-play]').press('Enter');
  const rows = await w.locator('[data-cache-rows]').getAttribute('data-cache-rows');
  await page.waitForTimeout(1500);
  await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', rows!);
  // another seed, then back: the same draws
  await setSeed(w, 8);
  await setSeed(w, 7);
  for (let i = 0; i < expected.steps.length; i++) await w.locator('[data-step]').click();
  await expect(w.locator('[data-name] .chars')).toHaveText(expected.text);
});

async function generator(page: Page): Promise<Locator> {
  const w = await hydrated(page, '.name-generator-full');
  await expect(w.getByRole('button', { name: 'Generate' })).toBeEnabled();
  return w;
}

test('the full generator writes the names generate() writes, with their −ln p per token and memorised marks', async ({ page }) => {
  const w = await generator(page);
  await w.getByLabel('Seed').fill('5');
  await w.getByLabel('Top-k').fill('10');
  await w.getByRole('button', { name: 'Generate' }).click();
  const expected = run(5, { temperature: 0.5, topK: 10 }, 10);
  const rows = w.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(w.locator('table')).toHaveAttribute('data-ran-with', /seed 5/);
  for (const [i, g] of expected.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-name', g.text);
    const loss = new FastGPT(config, stateDict).loss(tokenizer.encodeDocument(g.text));
    expect(Number(await row.getAttribute('data-per-token'))).toBeCloseTo(loss, 10);
    await expect(row).toHaveAttribute('data-memorised', String(names.has(g.text)));
    await expect(row.locator('td').nth(3)).toHaveText(names.has(g.text) ? 'in the training data' : 'new');
  }
  await expect(w.locator('caption')).toContainText('checked against the shipped names');
  // the settings survive a reload
  await page.reload();
  const again = await generator(page);
  await expect(again.getByLabel('Seed')).toHaveValue('5');
  await expect(again.getByLabel('Top-k')).toHaveValue('10');
});

test('a memorised name is marked; temperature 0 says greedy decoding gives one name', async ({ page }) => {
  const w = await generator(page);
  // find a seed whose first name at temperature 0.5 is in the training data
  const seed = Array.from({ length: 200 }, (_, s) => s).find((s) => names.has(run(s, { temperature: 0.5 })[0].text))!;
  await w.getByLabel('Seed').fill(String(seed));
  await w.getByRole('slider', { name: /How many/ }).focus();
  await page.keyboard.press('Home');
  await w.getByRole('button', { name: 'Generate' }).click();
  await expect(w.locator('tbody tr')).toHaveCount(1);
  await expect(w.locator('tbody tr').first()).toHaveAttribute('data-memorised', 'true');
  await expect(w.locator('tbody tr').first()).toContainText('in the training data');
  await w.getByRole('slider', { name: /Temperature/ }).focus();
  await page.keyboard.press('Home');
  await expect(w.locator('[data-greedy]')).toBeVisible();
});

test('a name that fills the context is marked as cut, with a space before the mark', async ({ page }) => {
  const w = await generator(page);
  const prefix = 'a'.repeat(config.blockSize - 1);
  // the first seed whose first name the engine cuts at the context length
  const seed = Array.from({ length: 200 }, (_, s) => s).find((s) => run(s, { temperature: 2, prefix })[0].tokens.length === config.blockSize)!;
  await w.getByLabel('Starts with').fill(prefix);
  await w.getByLabel('Seed').fill(String(seed));
  await w.getByRole('slider', { name: /Temperature/ }).focus();
  await page.keyboard.press('End');
  await w.getByRole('button', { name: 'Generate' }).click();
  const first = w.locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-name', run(seed, { temperature: 2, prefix })[0].text);
  await expect(first).toContainText('(cut at the context length)');
  // with a space before the mark, for screen readers
  expect(await first.locator('td.name').textContent()).toBe(`${run(seed, { temperature: 2, prefix })[0].text} (cut at the context length)`);
});

test('bad prefixes and options give clear messages; a trailing space is trimmed', async ({ page }) => {
  const w = await generator(page);
  const prefix = w.getByLabel('Starts with');
  const msg = w.locator('[data-problem]');
  const button = w.getByRole('button', { name: 'Generate' });
  await prefix.fill('Ka1');
  await expect(msg).toHaveText('“K”, “1” are not in the vocabulary. The model only knows the lowercase letters a–z.');
  await expect(button).toBeDisabled();
  await prefix.fill('a'.repeat(config.blockSize));
  await expect(msg).toHaveText(`A prefix must be shorter than ${config.blockSize} letters (the model's context).`);
  await prefix.fill('ka ');
  await expect(msg).toHaveText('');
  await expect(w.locator('[data-trimmed]')).toBeVisible();
  await button.click();
  const expected = run(42, { temperature: 0.5, prefix: 'ka' }, 10).map((g) => g.text);
  await expect(w.locator('tbody tr').first()).toHaveAttribute('data-name', expected[0]);
  expect(expected[0].startsWith('ka')).toBe(true);
  await w.getByLabel('Top-k').fill('0');
  await expect(msg).toHaveText('Top-k must be a whole number of tokens, 1 or more (or empty for no cut), not “0”.');
  await w.getByLabel('Top-k').fill('');
  await w.getByLabel('Top-p').fill('1.5');
  await expect(msg).toHaveText('Top-p must be a probability above 0 and at most 1 (or empty for no cut), not “1.5”.');
  await expect(button).toBeDisabled();
});

test('a trained model kept in storage runs in the generators, said so, with a way back to the shipped model', async ({ page }) => {
  const trained = { config, tokenizer, stateDict: initStateDict(config, new Random(9)) };
  await page.evaluate((file) => localStorage.setItem('inside-microgpt:model-in-use', JSON.stringify({ source: 'trained', label: 'trained here: 0 steps', weights: file })), toWeightsFile(trained));
  await page.reload();
  const w = await generator(page);
  await expect(w.locator('[data-model-label]')).toHaveText('trained here: 0 steps');
  await w.getByRole('button', { name: 'Generate' }).click();
  const model = new FastGPT(config, trained.stateDict);
  const rng = new Random(42);
  const expected = Array.from({ length: 10 }, () => generate(model, tokenizer, rng, { temperature: 0.5 }).text);
  await expect(w.locator('tbody tr').first()).toHaveAttribute('data-name', expected[0]);
  await expect(w.locator('tbody tr').nth(9)).toHaveAttribute('data-name', expected[9]);
  await w.getByRole('button', { name: 'Use the shipped model' }).click();
  await expect(w.locator('.model-note')).toContainText('the shipped model');
  expect(await page.evaluate(() => localStorage.getItem('inside-microgpt:model-in-use'))).toBeNull();
  await w.getByRole('button', { name: 'Generate' }).click();
  await expect(w.locator('tbody tr').first()).toHaveAttribute('data-name', run(42, { temperature: 0.5 }, 1)[0].text);
});

test('the home generator runs the model in use and says which', async ({ page }) => {
  const trained = { config, tokenizer, stateDict: initStateDict(config, new Random(9)) };
  await page.goto('/');
  await page.evaluate((file) => localStorage.setItem('inside-microgpt:model-in-use', JSON.stringify({ source: 'trained', label: 'trained here: 0 steps', weights: file })), toWeightsFile(trained));
  await page.reload();
  const w = await hydrated(page, '.name-generator');
  await expect(w.locator('[data-model-label]')).toHaveText('trained here: 0 steps');
  await w.getByRole('button', { name: 'Use the shipped model' }).click();
  await expect(w.locator('.model-note')).toContainText('the shipped model');
});

test('the timing button measures both paths and shows two times', async ({ page }) => {
  const w = await hydrated(page, '.cache-cost');
  await w.locator('[data-measure]').click();
  await expect(w.locator('[data-timing]')).toBeVisible({ timeout: 60_000 });
  await expect(w.locator('[data-cached-ms]')).toHaveText(/^\d[\d,]*\.\d ms$/);
  await expect(w.locator('[data-uncached-ms]')).toHaveText(/^\d[\d,]*\.\d ms$/);
  await expect(w.locator('[data-ratio]')).toHaveText(/times$/);
});

test('a cache row never changes as the cache grows: its colours are drawn on one scale for the model', async ({ page }) => {
  const w = await stepper(page);
  const expected = run(42, { temperature: 0.5 })[0];
  const rowOpacities = (i: number) => w.locator('tbody tr').nth(i).locator('.cell').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).style.opacity));
  await w.locator('[data-step]').click();
  const first = await rowOpacities(0);
  expect(first.length).toBe(2 * config.nEmbd);
  expect(first.some((o) => Number(o) > 0.05)).toBe(true);
  for (let i = 1; i < expected.steps.length; i++) {
    await w.locator('[data-step]').click();
    await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', String(i + 1));
    expect(await rowOpacities(0)).toEqual(first);
  }
  await expect(w.locator('[data-cache-summary]')).toHaveText(`· KV cache: ${expected.steps.length} rows`);
});

test('Play after a finished name replays it from the start with one press', async ({ page }) => {
  const w = await stepper(page);
  const expected = run(42, { temperature: 0.5 })[0];
  for (let i = 0; i < expected.steps.length; i++) await w.locator('[data-step]').click();
  await expect(w.locator('[data-end="bos"]')).toBeVisible();
  await w.locator('[data-play]').click();
  await expect(w.locator('[data-play]')).toHaveText('Pause');
  await expect(w.locator('[data-name] .chars')).toHaveText(expected.text, { timeout: 20_000 });
  await expect(w.locator('[data-play]')).toHaveText('Play');
  await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', String(expected.steps.length));
});

test('a bad seed disables Step, Play and Reset until it is fixed', async ({ page }) => {
  const w = await stepper(page);
  await w.getByLabel('Seed').fill('abc');
  await expect(w.locator('#' + (await w.getByLabel('Seed').getAttribute('aria-describedby'))!)).toHaveText(`The seed must be a whole number from 0 to ${int(largestSeed)}.`);
  for (const b of ['[data-step]', '[data-play]', '[data-reset]']) await expect(w.locator(b)).toBeDisabled();
  await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', '0');
  await setSeed(w, 7);
  await expect(w.locator('[data-step]')).toBeEnabled();
  await w.locator('[data-step]').click();
  await expect(w.locator('[data-drawn]')).toHaveText(label(run(7, { temperature: 0.5 })[0].steps[0].token));
});

test('with another model in use, the step generator shows its first distribution before any step; the home page its names', async ({ page }) => {
  const trained = { config, tokenizer, stateDict: initStateDict(config, new Random(9)) };
  await page.evaluate((file) => localStorage.setItem('inside-microgpt:model-in-use', JSON.stringify({ source: 'trained', label: 'trained here: 0 steps', weights: file })), toWeightsFile(trained));
  await page.reload();
  const w = await hydrated(page, '.step-generator');
  await expect(w.locator('[data-model-label]')).toHaveText('trained here: 0 steps');
  const model = new FastGPT(config, trained.stateDict);
  model.forward(tokenizer.bos, 0);
  const probs = samplingDistribution(model.logits.subarray(0, config.vocabSize), { temperature: 0.5 });
  const top = probs.indexOf(Math.max(...probs));
  await expect(w.locator('.bar').first()).toHaveAttribute('data-label', label(top));
  expect(Number(await w.locator('.bar').first().getAttribute('data-p'))).toBeCloseTo(probs[top], 12);
  await expect(w.locator('[data-cache-rows]')).toHaveAttribute('data-cache-rows', '0');
  // the home page: the trained model's names as soon as it is known, not the shipped model's build-time ones
  await page.goto('/');
  const home = await hydrated(page, '.name-generator');
  await expect(home.locator('[data-model-label]')).toHaveText('trained here: 0 steps');
  await expect(home.locator('[data-names-from]')).toHaveAttribute('data-names-from', 'trained');
  const rng = new Random(1);
  const expected = Array.from({ length: 10 }, () => generate(new FastGPT(config, trained.stateDict), tokenizer, rng, { temperature: 0.5 }));
  // an untrained model rarely says BOS, so many names fill the context: each is marked as cut
  await expect(home.locator('ol.names li')).toHaveText(expected.map((g) => (g.text || '(empty name)') + (g.tokens.length >= config.blockSize ? ' (cut at the context length)' : '')));
  await expect(page.locator('#try + p')).toContainText('The model that comes with the site was trained for');
  // back to the shipped model: its names again
  await home.getByRole('button', { name: 'Use the shipped model' }).click();
  await expect(home.locator('[data-names-from]')).toHaveAttribute('data-names-from', 'shipped');
});

test('the timing button keeps the keyboard focus while it measures, and shows a ratio', async ({ page }) => {
  const w = await hydrated(page, '.cache-cost');
  const button = w.locator('[data-measure]');
  await expect(button).toBeEnabled(); // disabled until the model in use has loaded: a key pressed before then would do nothing
  await button.focus();
  await page.keyboard.press('Enter'); // busy, the button is aria-disabled rather than disabled, so focus stays on it
  await expect(w.locator('[data-timing]')).toBeVisible({ timeout: 60_000 });
  await expect(button).not.toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeFocused();
  await expect(button).toBeEnabled();
  // a measured time depends on the machine: only its shape is checked (the unit tests check the rounds with a fake clock)
  await expect(w.locator('[data-ratio]')).toHaveText(/^\d+(\.\d+)? times$/);
  await expect(w.locator('[data-timing]')).toContainText('The median of 5 rounds of 100 names each way');
});

