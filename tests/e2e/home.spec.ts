import { expect, test } from '@playwright/test';
import { int } from '../../src/viz/shared/format.ts';
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
