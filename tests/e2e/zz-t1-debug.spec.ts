import { expect, test } from '@playwright/test';
import { hydrated } from '/work/wt/t1-live/tests/e2e/lib/chapter.ts';
test('debug', async ({ page }) => {
  await page.goto('/chapters/training/');
  const w = await hydrated(page, '.live-trainer');
  await page.evaluate(() => {
    const g = globalThis as any; g.lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) g.lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
    g.loaf = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) if (e.duration > 45) g.loaf.push({ start: Math.round(e.startTime), dur: Math.round(e.duration), block: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), styleLayout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), scripts: e.scripts.map((s: any) => `${s.invoker} ${Math.round(s.duration)}ms ${s.sourceFunctionName}`) }); }).observe({ type: 'long-animation-frame' });
  });
  const cdp = await page.context().newCDPSession(page); await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate(() => new Promise<void>((resolve) => {
    const frame = document.querySelector('.live-trainer')!;
    new MutationObserver(() => { if (frame.getAttribute('data-status') === 'done') resolve(); }).observe(frame, { attributes: true });
    (frame.querySelector('[data-start]') as HTMLButtonElement).click();
  }));
  const t1 = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>(); const dt = profile.timeDeltas!; const idx = new Map(profile.nodes.map((n, i) => [n.id, n]));
  const counts = new Map<number, number>(); profile.samples!.forEach((s, i) => counts.set(s, (counts.get(s) ?? 0) + (dt[i] ?? 0)));
  for (const [id, t] of counts) { const n = idx.get(id)!; const k = `${n.callFrame.functionName}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + t / 1000); }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
  console.log(JSON.stringify(await page.evaluate(() => (globalThis as any).loaf), null, 1)); console.log('t0', t0, 't1', t1, JSON.stringify(await page.evaluate(() => (globalThis as any).lt)));
  console.log(await w.locator('[data-readout]').textContent());
  await page.screenshot({ path: '/tmp/t1-shot.png', fullPage: false });
  await w.screenshot({ path: '/tmp/t1-widget.png' });
  const inside = await hydrated(page, '.live-inside');
  await inside.screenshot({ path: '/tmp/t1-inside.png' });
});
