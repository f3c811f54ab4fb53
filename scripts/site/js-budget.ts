// The JavaScript a page costs, gzip: every script response it loaded (entry points, island
// chunks, dynamic imports) plus its inline scripts, each compressed at level 9.

import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { PageLog } from './browse.ts';

/** Budget per page, gzip bytes. */
export const jsBudgetBytes = 120 * 1024;

export type JsCost = { total: number; files: { url: string; gzip: number }[] };

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** Sum the gzip size of every distinct script the page loaded, largest first. */
export async function jsCost(page: Page, log: PageLog): Promise<JsCost> {
  const seen = new Map<string, number>();
  for (const s of log.scripts) {
    if (seen.has(s.url)) continue;
    const body = await s.body;
    if (body) seen.set(s.url, gz(body));
  }
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type')!))
      .map((s) => s.textContent ?? ''),
  );
  const origin = new URL(page.url()).origin;
  const files = [...seen].map(([url, gzip]) => ({ url: url.replace(origin, ''), gzip }));
  inline.forEach((code, i) => code.trim() && files.push({ url: `(inline script ${i + 1})`, gzip: gz(code) }));
  files.sort((a, b) => b.gzip - a.gzip);
  return { total: files.reduce((s, f) => s + f.gzip, 0), files };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
