import { expect, test } from '@playwright/test';
import facts from '../../src/generated/facts.json' with { type: 'json' };

test('the home page shows the shipped model facts computed at build time', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inside microgpt');
  await expect(page.locator('[data-fact="parameters"]')).toHaveText('4,192');
  await expect(page.locator('[data-fact="documents"]')).toContainText(facts.dataset.documents.toLocaleString('en-US'));
  await expect(page.locator('.samples li')).toHaveCount(facts.samples.names.length);
  expect(problems).toEqual([]);
});

test('the shipped weights file is served by the site and is well formed', async ({ request }) => {
  const res = await request.get('/data/model.json');
  expect(res.ok()).toBe(true);
  const json = await res.json();
  expect(json.config).toEqual({ vocab_size: 27, n_embd: 16, n_head: 4, n_layer: 1, block_size: 16 });
  expect(json.tokenizer.bos).toBe(26);
  expect(json.state_dict.wte).toHaveLength(27);
});
