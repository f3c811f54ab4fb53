// Page weight and Lighthouse scores of the built site: `npm run bench:pages`. Prints figures and
// whether each target is met; asserts nothing (not part of `npm test`).
//   per page: JavaScript and CSS, gzip (everything the page loads once scrolled through, as the
//   e2e budget counts it), and Lighthouse performance / accessibility / best practices / SEO
//   (default mobile config, simulated throttling) in Debian's Chromium.
// Targets: performance ≥ 95, the other three 100. Builds first if OUT_DIR (default dist) has no site.
// Env: OUT_DIR, CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS (Lighthouse runs per page,
// the run with the median performance score is reported; default 3), BENCH_BUILD=1 to rebuild
// even if a build exists, BENCH_PAGES=word,word to measure only the pages whose path contains
// one of the words. Total blocking time is measured, then scaled by Lighthouse's 4× CPU slowdown: on a busy machine (see the load average printed) performance scores drop.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { visit } from '../site/browse.ts';
import { serve } from '../site/static-server.ts';
import { jsCost, jsBudgetBytes, kb } from '../site/js-budget.ts';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const targets = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 } as const;
type Category = keyof typeof targets;

// ── the build ────────────────────────────────────────────────────────────────────────────
if (process.env.BENCH_BUILD === '1' || !existsSync(join(outDir, 'index.html'))) {
  console.log(`building the site into ${outDir} …`);
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, OUT_DIR: outDir } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// the page list reads OUT_DIR when loaded, so load it after the build
process.env.OUT_DIR = outDir;
const { sitePages } = await import('../site/site-pages.ts');

// ── weight: scroll through each page in Chromium and gzip what it loaded ──────────────────
type Weight = { js: number; css: number };

async function weigh(origin: string, paths: string[]): Promise<Map<string, Weight>> {
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.filter((f) => !f.startsWith('--headless')) });
  const weights = new Map<string, Weight>();
  try {
    for (const path of paths) {
      const page = await browser.newPage({ baseURL: origin });
      const css = new Map<string, Promise<Buffer | null>>();
      page.on('response', (res) => {
        if (res.request().resourceType() === 'stylesheet' && res.status() < 300 && !css.has(res.url())) css.set(res.url(), res.body().catch(() => null));
      });
      const log = await visit(page, path);
      const js = await jsCost(page, log);
      let cssBytes = 0;
      for (const body of css.values()) {
        const b = await body;
        if (b) cssBytes += gzipSync(b, { level: 9 }).length;
      }
      const inlineCss = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''));
      for (const text of inlineCss) if (text.trim()) cssBytes += gzipSync(text, { level: 9 }).length;
      weights.set(path, { js: js.total, css: cssBytes });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return weights;
}

// ── Lighthouse ────────────────────────────────────────────────────────────────────────────
type Scores = Record<Category, number> & { metrics: string; misses: string[] };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// the elements an accessibility audit failed on, so a miss can be found without opening a report
function failingNodes(a: { details?: unknown }): string[] {
  const items = (a.details as { items?: { node?: { selector?: string; snippet?: string; explanation?: string } }[] } | undefined)?.items ?? [];
  return items.slice(0, 6).flatMap((i) => (i.node ? [`    ${i.node.selector ?? ''}  ${(i.node.snippet ?? '').slice(0, 120)}\n      ${(i.node.explanation ?? '').split('\n').slice(0, 2).join(' ')}`] : []));
}

async function audit(url: string, port: number): Promise<Scores> {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(targets) });
    if (!r) throw new Error(`Lighthouse returned nothing for ${url}`);
    results.push(r.lhr);
  }
  // the run with the median performance score speaks for the page
  const perf = median(results.map((l) => l.categories.performance.score ?? 0));
  const lhr = results.find((l) => (l.categories.performance.score ?? 0) === perf)!;
  const score = (c: Category) => Math.round((lhr.categories[c].score ?? 0) * 100);
  const misses: string[] = [];
  for (const c of Object.keys(targets) as Category[]) {
    if (c === 'performance') continue;
    for (const ref of lhr.categories[c].auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) misses.push(`${c}: ${a.id} — ${a.title}`, ...failingNodes(a));
    }
  }
  const m = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  const metrics = `FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}, SI ${m('speed-index')}`;
  if (score('performance') < targets.performance) {
    for (const a of Object.values(lhr.audits)) {
      if (a.details?.type === 'opportunity' && a.score !== null && a.score < 1) misses.push(`performance: ${a.id} — ${a.title} ${a.displayValue ?? ''}`);
    }
  }
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    'best-practices': score('best-practices'), seo: score('seo'), metrics, misses,
  };
}

// ── run ───────────────────────────────────────────────────────────────────────────────────
const { server, origin } = await serve(outDir);
// BENCH_PAGES=autograd,neuron measures only the pages whose path contains one of the words
const only = (process.env.BENCH_PAGES ?? '').split(',').map((w) => w.trim()).filter(Boolean);
const paths = sitePages().map((p) => p.path).filter((p) => only.length === 0 || only.some((w) => p.includes(w)));
if (paths.length === 0) {
  console.error(`no page of the site matches BENCH_PAGES=${process.env.BENCH_PAGES}`);
  process.exit(1);
}
console.log(`${paths.length} pages from ${outDir}, served at ${origin} (gzip), Chromium ${chromePath}, ${runs} Lighthouse run(s) per page`);
console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs${loadavg()[0] > cpus().length ? ' (busy: blocking time and performance will read worse than on an idle machine)' : ''}\n`);

const weights = await weigh(origin, paths);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
const rows: { path: string; w: Weight; s: Scores }[] = [];
try {
  for (const path of paths) {
    const s = await audit(origin + path, chrome.port);
    rows.push({ path, w: weights.get(path)!, s });
  }
} finally {
  chrome.kill();
  server.close();
}

const pct = (c: Category, v: number) => `${String(v).padStart(3)}${v >= targets[c] ? ' ' : '✗'}`;
const width = Math.max(6, ...paths.map((p) => p.length));
console.log(`${'page'.padEnd(width)}  ${'JS gzip'.padStart(9)}  ${'CSS gzip'.padStart(9)}   perf  a11y   b-p   seo`);
for (const { path, w, s } of rows) {
  console.log(
    `${path.padEnd(width)}  ${kb(w.js).padStart(9)}  ${kb(w.css).padStart(9)}   ${pct('performance', s.performance)}  ` +
      `${pct('accessibility', s.accessibility)}  ${pct('best-practices', s['best-practices'])}  ${pct('seo', s.seo)}`,
  );
}
console.log('');
for (const { path, w, s } of rows) {
  console.log(`${path}: ${s.metrics}`);
  if (w.js > jsBudgetBytes) console.log(`  JavaScript ${kb(w.js)} is over the ${kb(jsBudgetBytes)} budget`);
  for (const miss of s.misses) console.log(`  ${miss}`);
}
const met = rows.every(({ s }) => (Object.keys(targets) as Category[]).every((c) => s[c] >= targets[c]));
console.log(`\ntargets (performance ≥ ${targets.performance}, accessibility, best practices and SEO = 100): ${met ? 'met on every page' : 'MISSED (✗ above)'}`);
