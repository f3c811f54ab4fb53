// Loading a page the way a reader does: watch the console and the network, scroll slowly
// to the bottom so every client:visible island hydrates, then wait until the network is quiet.

import type { Page, Request, Response } from '@playwright/test';

/** Everything a page said and fetched while we watched it. */
export type PageLog = {
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Every JavaScript response: URL and body. */
  scripts: { url: string; body: Promise<Buffer | null> }[];
  /** Requests that failed or answered with an HTTP error. */
  failures: string[];
  /** Requests started but not finished. */
  inflight: Set<Request>;
  lastActivity: number;
};

const isScript = (res: Response) =>
  res.request().resourceType() === 'script' || /javascript|ecmascript/.test(res.headers()['content-type'] ?? '');

/** Start recording console output, errors and network traffic of a page. */
export function watch(page: Page): PageLog {
  const log: PageLog = { problems: [], requests: [], scripts: [], failures: [], inflight: new Set(), lastActivity: Date.now() };
  const touch = () => (log.lastActivity = Date.now());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      const at = m.location();
      log.problems.push(`console.${m.type()}: ${m.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (e) => log.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    log.requests.push(r.url());
    log.inflight.add(r);
    touch();
  });
  page.on('requestfinished', (r) => {
    log.inflight.delete(r);
    touch();
  });
  page.on('requestfailed', (r) => {
    log.inflight.delete(r);
    log.failures.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`);
    touch();
  });
  page.on('response', (res) => {
    if (res.status() >= 400) log.failures.push(`${res.url()}: HTTP ${res.status()}`);
    if (isScript(res) && res.status() < 300) log.scripts.push({ url: res.url(), body: res.body().catch(() => null) });
  });
  return log;
}

const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Wait until no request has been in flight for `quietMs` (or `maxMs` passed). */
export async function networkQuiet(page: Page, log: PageLog, quietMs = 400, maxMs = 15_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if (log.inflight.size === 0 && Date.now() - log.lastActivity >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Islands that should have hydrated by now: client:visible ones that are on screen at some
 * point (not inside a closed <details> or a hidden element) and every other directive.
 */
export async function unhydratedIslands(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('astro-island[ssr]')]
      .filter((island) => {
        if (island.closest('details:not([open])') && !island.closest('summary')) return false;
        if (island.getAttribute('client') === 'only') return true;
        return [...island.children].some((c) => c.getClientRects().length > 0);
      })
      .map((island) => `${island.getAttribute('component-url') ?? 'island'} (client:${island.getAttribute('client')})`),
  );
}

/** Scroll from top to bottom in half-screen steps, letting each step's islands wake up. */
export async function scrollThrough(page: Page, log: PageLog): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let guard = 0; guard < 400; guard++) {
    const atBottom = await page.evaluate(() => {
      const el = document.scrollingElement!;
      if (window.scrollY + window.innerHeight >= el.scrollHeight - 2) return true;
      window.scrollBy(0, Math.round(window.innerHeight / 2));
      return false;
    });
    await nextFrames(page);
    if (atBottom) break;
  }
  await networkQuiet(page, log);
  // islands load their chunks asynchronously; give stragglers a moment, then settle again
  const deadline = Date.now() + 10_000;
  while ((await unhydratedIslands(page)).length > 0 && Date.now() < deadline) await page.waitForTimeout(100);
  await networkQuiet(page, log);
}

/** Open a page, scroll through it so everything hydrates, and return what was recorded. */
export async function visit(page: Page, path: string, log = watch(page)): Promise<PageLog> {
  await page.goto(path, { waitUntil: 'load' });
  await scrollThrough(page, log);
  return log;
}

/** Requests that left the site: anything not on the page's own origin (data: and blob: are local). */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return log.requests.filter((u) => !u.startsWith(`${origin}/`) && u !== origin && !/^(data|blob|about):/.test(u));
}
