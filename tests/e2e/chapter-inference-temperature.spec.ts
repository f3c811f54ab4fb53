import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { FastGPT, parseWeightsText } from '../../src/engine/index.ts';
import { samplingDistribution } from '../../src/engine/sample.ts';
import { decimalsBelow, entropyBits } from '../../src/viz/inference/entropy.ts';
import { presetLogits, temperatureSteps } from '../../src/viz/inference/temperature.ts';
import { fixed } from '../../src/viz/shared/format.ts';

// The oracle is computed here: the shipped weights read from disk, FastGPT run in the test,
// softmax(logits / T) written out by hand, and the engine's samplingDistribution for the cuts.

openChapterForEachTest('/chapters/inference/');

const weights = parseWeightsText(readFileSync('public/data/model.json', 'utf8'));
const V = weights.config.vocabSize;
const label = (id: number) => (id === weights.tokenizer.bos ? 'end' : weights.tokenizer.token(id));

/** The shipped model's logits after BOS + prefix. */
function logitsAfter(prefix: string): number[] {
  const model = new FastGPT(weights.config, weights.stateDict);
  const tokens = [weights.tokenizer.bos, ...weights.tokenizer.encode(prefix)];
  tokens.forEach((t, pos) => model.forward(t, pos));
  return Array.from(model.logits.subarray((tokens.length - 1) * V, tokens.length * V));
}
/** softmax(z / T), by hand. */
function soft(z: readonly number[], t: number): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
/** Each token label's probability as the widget's columns carry it. */
async function columnProbs(w: Locator): Promise<Map<string, number>> {
  const cols = w.locator('[data-bar]');
  await expect(cols).toHaveCount(V);
  const pairs = await cols.evaluateAll((els) => els.map((e) => [e.getAttribute('data-bar')!, Number(e.getAttribute('data-p'))] as const));
  return new Map(pairs);
}
async function expectDistribution(w: Locator, probs: readonly number[]) {
  await expect.poll(async () => {
    const got = await columnProbs(w);
    return probs.every((p, id) => Math.abs((got.get(label(id)) ?? NaN) - p) < 1e-9);
  }).toBe(true);
  // two decimals, or as many as keep an entropy just under the ceiling from reading as the ceiling
  await expect(w.locator('[data-entropy]')).toHaveText(fixed(entropyBits(probs), decimalsBelow(entropyBits(probs), Math.log2(probs.length))));
}
const stepOf = (t: number) => temperatureSteps.findIndex((s) => Math.abs(s - t) < 1e-9);

test.describe('temperature', () => {
  test('T = 1 after BOS is the model’s own softmax; the keyboard moves T, and T = 0 is one bar at 1 and 0 bits', async ({ page }) => {
    const w = await hydrated(page, '.widget.temperature');
    const z = logitsAfter('');
    await expectDistribution(w, soft(z, 1));
    await expect(w.locator('[data-ceiling]')).toHaveText(fixed(Math.log2(V), 2));

    const slider = w.getByRole('slider', { name: /^T, temperature/ });
    await slider.focus();
    await page.keyboard.press('ArrowLeft'); // one stop down: 0.95
    await expect(w.locator('[data-temperature]')).toHaveText('0.95');
    await expectDistribution(w, soft(z, 0.95));

    await page.keyboard.press('Home');
    await expect(w.locator('[data-temperature]')).toHaveText('0.00');
    await expect(w.locator('[data-entropy]')).toHaveText('0.00');
    const at0 = await columnProbs(w);
    const top = z.indexOf(Math.max(...z));
    expect(at0.get(label(top))).toBe(1);
    expect([...at0.values()].filter((p) => p > 0)).toEqual([1]);
    await expect(slider).toHaveAttribute('aria-valuetext', /greedy/);

    await page.keyboard.press('End'); // T = 10: close to uniform
    await expect(w.locator('[data-temperature]')).toHaveText('10.00');
    await expectDistribution(w, soft(z, 10));
    expect(entropyBits(soft(z, 10))).toBeGreaterThan(Math.log2(V) - 0.1);
  });

  test('near the ceiling the entropy shows enough decimals to stay under it; the column axis stays 0 to 1', async ({ page }) => {
    const w = await hydrated(page, '.widget.temperature');
    const axisTop = () => w.locator('[data-columns] .axis text').last();
    await expect(axisTop()).toHaveText('1.00');
    await w.getByRole('slider', { name: /^T, temperature/ }).focus();
    await page.keyboard.press('End');
    await expect(w.locator('[data-temperature]')).toHaveText('10.00');
    const bits = entropyBits(soft(logitsAfter(''), 10));
    const shown = Number(await w.locator('[data-entropy]').textContent());
    const ceiling = Number(await w.locator('[data-ceiling]').textContent());
    expect(shown).toBeLessThan(ceiling);
    expect(Math.abs(shown - bits)).toBeLessThan(0.001);
    await expect(w.locator('.result')).toContainText('just under');
    await expect(axisTop()).toHaveText('1.00'); // the same axis at T = 10 as at T = 1
    // on a phone the chart labels stay readable
    await page.setViewportSize({ width: 375, height: 800 });
    const size = await w.locator('[data-columns] .tick').first().evaluate((e) => e.getBoundingClientRect().height);
    expect(size).toBeGreaterThanOrEqual(11);
  });

  test('dragging the slider sets a temperature; a made-up vector answers the same way', async ({ page }) => {
    const w = await hydrated(page, '.widget.temperature');
    await w.getByRole('radio', { name: 'made up: one clear favourite' }).check();
    const z = Array.from(presetLogits('favourite', V));
    await expectDistribution(w, soft(z, 1));
    const slider = w.getByRole('slider', { name: /^T, temperature/ });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, y, { steps: 8 });
    await page.mouse.up();
    const t = Number(await w.locator('[data-temperature]').textContent());
    expect(t).toBeGreaterThan(5);
    expect(Number(await slider.inputValue())).toBe(stepOf(t));
    await expectDistribution(w, soft(z, temperatureSteps[stepOf(t)]));
  });

  test('the live region says where the reader stopped, once they pause', async ({ page }) => {
    const w = await hydrated(page, '.widget.temperature');
    const slider = w.getByRole('slider', { name: /^T, temperature/ });
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 1 → 1.15
    const z = logitsAfter('');
    await expect(w.locator('[aria-live="polite"]')).toHaveText(new RegExp(`^T = 1\\.15: entropy ${fixed(entropyBits(soft(z, 1.15)), 2).replace('.', '\\.')} bits`));
  });

  test('a typed prefix shows the model’s real logits; a bad prefix says why and keeps the last good ones', async ({ page }) => {
    const w = await hydrated(page, '.widget.temperature');
    const input = w.getByLabel('The name so far');
    await input.fill('ann');
    await expectDistribution(w, soft(logitsAfter('ann'), 1));
    await expect(w.locator('[data-model-note]')).toContainText('after “ann”');

    await input.fill('an9');
    await expect(w.locator('[data-problem]')).toContainText('“9”');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expectDistribution(w, soft(logitsAfter('ann'), 1));

    await input.fill('a'.repeat(weights.config.blockSize));
    await expect(w.locator('[data-problem]')).toContainText(`shorter than ${weights.config.blockSize}`);
    await input.fill('mar');
    await expect(w.locator('[data-problem]')).toHaveText('');
    await expectDistribution(w, soft(logitsAfter('mar'), 1));
  });
});

test.describe('greedy, top-k and top-p', () => {
  /** The rows as the widget shows them: label → before, after, kept. */
  async function rows(w: Locator) {
    const r = w.locator('li[data-token]');
    await expect(r).toHaveCount(V);
    return new Map((await r.evaluateAll((els) => els.map((e) => [e.getAttribute('data-token')!, {
      before: Number(e.getAttribute('data-before')), after: Number(e.getAttribute('data-after')), kept: e.getAttribute('data-kept') === 'yes',
    }] as const))));
  }
  async function expectCut(w: Locator, z: readonly number[], o: Parameters<typeof samplingDistribution>[1]) {
    const before = soft(z, 1);
    const after = samplingDistribution(z, o);
    const kept = after.filter((p) => p > 0).length;
    await expect(w.locator('[data-kept-count]')).toHaveText(String(kept));
    const got = await rows(w);
    for (let id = 0; id < V; id++) {
      const row = got.get(label(id))!;
      expect(row.before).toBeCloseTo(before[id], 12);
      expect(row.after).toBeCloseTo(after[id], 12);
      expect(row.kept).toBe(after[id] > 0);
    }
    // the kept ones are the most likely ones, renormalised by the mass they had
    const keptIds = [...after.keys()].filter((i) => after[i] > 0);
    const mass = keptIds.reduce((s, i) => s + before[i], 0);
    for (const i of keptIds) expect(after[i]).toBeCloseTo(before[i] / mass, 12);
    await expect(w.locator('[data-entropy-after]')).toHaveText(fixed(entropyBits(after), 2));
    return kept;
  }

  test('top-p keeps few tokens of a peaked vector and many of a flat one; top-k keeps k of both; greedy one', async ({ page }) => {
    const w = await hydrated(page, '.widget.truncation');
    const z0 = logitsAfter('');
    await expectCut(w, z0, { temperature: 1, topP: 0.9 });

    await w.getByRole('radio', { name: 'made up: one clear favourite' }).check();
    const peaked = Array.from(presetLogits('favourite', V));
    const fewP = await expectCut(w, peaked, { temperature: 1, topP: 0.9 });
    await w.getByRole('radio', { name: 'made up: nearly flat' }).check();
    const flat = Array.from(presetLogits('flat', V));
    const manyP = await expectCut(w, flat, { temperature: 1, topP: 0.9 });
    expect(fewP).toBeLessThan(manyP);

    // p by keyboard: down two stops to 0.8
    const p = w.getByRole('slider', { name: /^p,/ });
    await p.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectCut(w, flat, { temperature: 1, topP: 0.8 });

    await w.getByRole('radio', { name: 'top-k' }).check();
    const k = w.getByRole('slider', { name: /^k,/ });
    await k.focus();
    await page.keyboard.press('ArrowRight'); // 5 → 6
    expect(await expectCut(w, flat, { temperature: 1, topK: 6 })).toBe(6);
    await w.getByRole('radio', { name: 'made up: one clear favourite' }).check();
    expect(await expectCut(w, peaked, { temperature: 1, topK: 6 })).toBe(6);

    await w.getByRole('radio', { name: 'greedy' }).check();
    expect(await expectCut(w, peaked, { temperature: 0 })).toBe(1);
    await expect(w.locator('[data-entropy-after]')).toHaveText('0.00');
  });

  test('a typed prefix cuts the model’s real distribution', async ({ page }) => {
    const w = await hydrated(page, '.widget.truncation');
    await w.getByLabel('The name so far').fill('emm');
    await expect(w.locator('[data-model-note]')).toContainText('after “emm”');
    await expectCut(w, logitsAfter('emm'), { temperature: 1, topP: 0.9 });
  });
});
