// Screenshots of every built page at 1280 and 375 px wide, light and dark, full page and in pieces (pieces/), to look at:
// `npm run shots -- <folder>` (default shots/). Builds nothing: run `npm run build` first.
// Env: OUT_DIR (default dist), CHROMIUM_PATH (default /usr/bin/chromium), SHOTS_PAGES (a comma
// list of paths, default every page).

import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const folder = resolve(process.argv[2] ?? 'shots');
if (!existsSync(join(outDir, 'index.html'))) {
  console.error(`shots: no built site in ${outDir}; run npm run build first`);
  process.exit(2);
}
const { sitePages } = await import('./site-pages.ts');
const paths = process.env.SHOTS_PAGES ? process.env.SHOTS_PAGES.split(',') : sitePages().map((p) => p.path);
mkdirSync(join(folder, 'pieces'), { recursive: true });
const segment = 1800;

const { server, origin } = await serve(outDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const width of [1280, 375]) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, reducedMotion: 'reduce' });
      for (const path of paths) {
        const page = await context.newPage();
        await page.goto(origin + path, { waitUntil: 'networkidle' });
        // scroll to the end so islands that hydrate on visibility are drawn
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 30)); }
          window.scrollTo(0, 0);
        });
        // a full-page capture draws beyond the screen, where blocks skip layout until the reader
        // nears them (content-visibility): lay them all out for the picture
        await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
        await page.waitForTimeout(300);
        const name = (path.replace(/^\/|\/$/g, '').replaceAll('/', '-') || 'home') + `-${width}-${theme}.png`;
        await page.screenshot({ path: join(folder, name), fullPage: true, timeout: 120_000 });
        console.log(join(folder, name));
        // and in pieces of 1,800 px, which an image viewer shows at full size
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += segment, i++) {
          const piece = name.replace('.png', `-${String(i).padStart(2, '0')}.png`);
          await page.screenshot({ path: join(folder, 'pieces', piece), fullPage: true, clip: { x: 0, y, width, height: Math.min(segment, height - y) }, timeout: 120_000 });
        }
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
