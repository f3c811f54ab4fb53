import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 320, height: 800 } });
await p.goto('http://localhost:4424/chapters/tokenizer/');
await p.locator('.counting').scrollIntoViewIfNeeded();
await p.waitForTimeout(3000);
console.log(await p.evaluate(() => {
  const lim = document.documentElement.clientWidth;
  return [document.documentElement.scrollWidth, lim, ...[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > lim + 0.5).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent||'').slice(0,40))];
}));
await b.close();
