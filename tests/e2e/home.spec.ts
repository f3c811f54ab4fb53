import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FastGPT, Random, generate, parseWeightsText } from '../../src/engine/index.ts';
import { fixed, int } from '../../src/viz/shared/format.ts';
import { outDir } from '../../scripts/site/site-pages.ts';
import facts from '../../src/generated/facts.json' with { type: 'json' };

test('the home page quotes the shipped model facts computed at build time', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inside microgpt');
  const lede = page.locator('.lede');
  await expect(lede).toContainText(int(facts.dataset.documents));
  await expect(lede).toContainText(int(facts.model.parameters));
});

test('the shipped weights file is served by the site and is well formed', async ({ request }) => {
  const res = await request.get('/data/model.json');
  expect(res.ok()).toBe(true);
  const json = await res.json();
  expect(json.config).toEqual({ n_embd: 16, vocab_size: 27, n_layer: 1, n_head: 4, block_size: 16 });
  expect(json.tokenizer.bos).toBe(26);
  expect(json.state_dict.wte).toHaveLength(27);
});

test('the training stage says "about" is the mean of the last 100 steps and gives the final step’s loss', async ({ page }) => {
  await page.goto('/');
  const stage = page.locator('.pipeline li', { hasText: 'Adam' });
  await expect(stage).toContainText(`about ${fixed(facts.training.meanLast100, 2)} (the mean of the last 100 steps`);
  await expect(stage).toContainText(`the very last step, one name, scored ${fixed(facts.training.finalLoss, 2)}`);
});

test('the footer states the licences: code MIT, text and figures CC BY 4.0', async ({ page }) => {
  await page.goto('/');
  const footer = page.locator('footer.site');
  await expect(footer).toContainText('Code under the MIT licence (the file LICENSE in the source)');
  await expect(footer).toContainText('text and figures under CC BY 4.0 (the file LICENSE-content)');
});

test.describe('home name generator', () => {
  const w = parseWeightsText(readFileSync(join(outDir, 'data/model.json'), 'utf8'));
  const model = new FastGPT(w.config, w.stateDict);
  const engineNames = (prefix: string, temperature: number, count = 10) => {
    const rng = new Random(1); // the widget's first press uses seed 1
    return Array.from({ length: count }, () => generate(model, w.tokenizer, rng, { temperature, prefix }));
  };

  async function ready(page: Page) {
    await page.goto('/');
    const widget = page.locator('.name-generator');
    await widget.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island:has(.name-generator)')).not.toHaveAttribute('ssr', /.*/);
    return widget;
  }

  test('a trailing space in the prefix is trimmed, and the widget says so', async ({ page }) => {
    const widget = await ready(page);
    await page.getByLabel('Starts with').fill('ma ');
    await expect(widget.locator('[data-trimmed]')).toHaveText('The trailing space was trimmed: the model has no space in its vocabulary.');
    await expect(widget.getByRole('alert')).toHaveText('');
    await widget.getByRole('button', { name: 'Generate' }).click();
    const shown = await widget.getByRole('list', { name: 'Generated names' }).locator('li').allTextContents();
    expect(shown).toEqual(engineNames('ma', facts.samples.temperature).map((g) => g.text));
    await expect(page.getByLabel('Starts with')).toHaveValue('ma '); // what the reader typed stays
  });

  test('at temperature 0 it explains that greedy decoding gives the same name every time', async ({ page }) => {
    const widget = await ready(page);
    await expect(widget.locator('[data-greedy]')).toHaveCount(0);
    await page.getByRole('slider', { name: /Temperature/ }).focus();
    await page.keyboard.press('Home');
    await expect(widget.locator('[data-greedy]')).toContainText('every name is the same one');
    await widget.getByRole('button', { name: 'Generate' }).click();
    const shown = await widget.getByRole('list', { name: 'Generated names' }).locator('li').allTextContents();
    expect(new Set(shown).size).toBe(1);
    expect(shown[0]).toBe(engineNames('', 0, 1)[0].text);
  });

  test('a name that fills the context is marked as cut, and only such a name', async ({ page }) => {
    const widget = await ready(page);
    const prefix = 'christopherso';
    await page.getByLabel('Starts with').fill(prefix);
    await widget.getByRole('button', { name: 'Generate' }).click();
    const items = widget.getByRole('list', { name: 'Generated names' }).locator('li');
    const expected = engineNames(prefix, facts.samples.temperature);
    expect(expected.some((g) => g.tokens.length >= w.config.blockSize)).toBe(true);
    expect(expected.some((g) => g.tokens.length < w.config.blockSize)).toBe(true);
    await expect(items).toHaveText(expected.map((g) => (g.tokens.length >= w.config.blockSize ? `${g.text} (cut at the context length)` : g.text)));
  });
});
