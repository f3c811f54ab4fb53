// The app icons of the web manifest (public/manifest.webmanifest), drawn from one SVG (the
// favicon's "μg" on its blue) and rendered to PNG by Chromium: `node scripts/site/icons.ts`.
// Run once; the PNGs are committed. "maskable" fills the square and keeps the glyph inside the
// middle 80 %, which any platform's mask leaves whole.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const out = resolve('public/icons');
const blue = '#1d4ed8'; // the favicon's

/** The icon at `size` px: rounded corners for "any", a full square with a smaller glyph for "maskable". */
function svg(size: number, maskable: boolean): string {
  const r = maskable ? 0 : size * 0.19;
  const font = size * (maskable ? 0.36 : 0.5);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${r}" fill="${blue}"/>
  <text x="50%" y="50%" dominant-baseline="central" text-anchor="middle" font-family="DejaVu Sans Mono, monospace" font-weight="700" font-size="${font}" fill="#fff">μg</text>
</svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size, maskable)}</body></html>`);
    writeFileSync(join(out, file), await page.locator('svg').screenshot({ omitBackground: true }));
    await page.close();
    console.log(join(out, file));
  }
} finally {
  await browser.close();
}
