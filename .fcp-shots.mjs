import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const width of [1280, 375, 320]) for (const theme of ['light', 'dark']) {
  const p = await b.newPage({ viewport: { width, height: 900 } });
  await p.goto('http://localhost:4424/chapters/tokenizer/');
  await p.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  const w = p.locator('.counting');
  await w.scrollIntoViewIfNeeded(); await p.waitForTimeout(2500);
  await w.screenshot({ path: `/tmp/fcp-shots/count-${width}-${theme}.png` });
  await p.goto('http://localhost:4424/chapters/autograd/');
  await p.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  const f = p.locator('figure.code-region[data-python="topo"]').first();
  await f.getByText('Python', { exact: true }).click();
  await f.scrollIntoViewIfNeeded();
  await f.screenshot({ path: `/tmp/fcp-shots/topo-${width}-${theme}.png` });
  await p.close();
}
await b.close();
