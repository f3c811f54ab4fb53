// The gates every page of the built site passes, found by walking the build output (so new
// chapters are covered as soon as they are built), then the site shell's own behaviours:
// theme, table of contents, reader progress, storage turned off, and the name generator.

import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chapterHref, chapterPlan } from '../../src/components/chapters.ts';
import { FastGPT, Random, generate, parseWeightsText } from '../../src/engine/index.ts';
import { fixed } from '../../src/viz/shared/format.ts';
import facts from '../../src/generated/facts.json' with { type: 'json' };
import { foreignRequests, unhydratedIslands, visit, watch } from '../../scripts/site/browse.ts';
import { jsBudgetBytes, jsCost, kb } from '../../scripts/site/js-budget.ts';
import { tabWalk } from './lib/keyboard.ts';
import { builtChapterSlugs, outDir, sitePages } from '../../scripts/site/site-pages.ts';

const pages = sitePages();
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The MDX source of a chapter page, if the page is a chapter. */
function chapterSource(path: string): string | null {
  const slug = path.match(/^\/chapters\/([^/]+)\/$/)?.[1];
  if (!slug) return null;
  const dir = 'content/chapters';
  const file = existsSync(dir) && readdirSync(dir).find((f) => f === `${slug}.mdx` || f.endsWith(`-${slug}.mdx`));
  return file ? readFileSync(join(dir, file), 'utf8') : null;
}

/** What the source promises: display or inline math, and how many code blocks. */
function promised(source: string | null): { math: boolean; code: number } {
  if (!source) return { math: false, code: 0 };
  const fences = source.match(/^\s*```/gm)?.length ?? 0;
  const prose = source.replace(/^\s*```[\s\S]*?^\s*```/gm, '').replace(/`[^`\n]*`/g, '');
  const math = /\$\$[\s\S]+?\$\$/.test(prose) || /(^|[^\\$\w])\$(?=\S)[^$\n]*?\S\$(?!\w)/m.test(prose);
  return { math, code: Math.floor(fences / 2) + (source.match(/<CodeRegion\b/g)?.length ?? 0) };
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 6)
        .map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim().slice(0, 220)}`)
        .join('\n'),
  );
}

/** How wide the page scrolls, and the elements (outside any clipping box) that reach past the screen's edge. */
async function sidewaysCulprits(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && !clipped(el))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

for (const sp of pages) {
  test.describe(`page ${sp.path}`, () => {
    test('loads with no console errors or warnings, no request to another host, and at most 120 KiB of JavaScript (gzip)', async ({ page, baseURL }) => {
      const log = await visit(page, sp.path);
      expect.soft(log.problems, 'console errors, warnings and page errors').toEqual([]);
      expect.soft(log.failures, 'failed requests').toEqual([]);
      expect.soft(await unhydratedIslands(page), 'islands still not hydrated after scrolling through').toEqual([]);
      expect.soft(foreignRequests(log, new URL(baseURL!).origin), 'requests to other hosts').toEqual([]);

      const cost = await jsCost(page, log);
      const listing = cost.files.map((f) => `  ${kb(f.gzip).padStart(9)}  ${f.url}`).join('\n');
      console.log(`JS ${sp.path}: ${kb(cost.total)} gzip in ${cost.files.length} scripts (budget ${kb(jsBudgetBytes)})`);
      test.info().annotations.push({ type: 'js-gzip', description: `${sp.path}: ${kb(cost.total)}` });
      expect.soft(cost.total, `JavaScript on ${sp.path}, gzip:\n${listing}\n`).toBeLessThanOrEqual(jsBudgetBytes);
    });

    test('does not shift as it loads on a phone: the layout shift of the first screen stays under 0.02', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.addInitScript(() => {
        const w = window as unknown as { shifts: { value: number; what: string }[] };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
            if (e.hadRecentInput) continue;
            const what = (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${[...s.node.classList].join('.')}` : String(s.node?.nodeName))).join(', ');
            w.shifts.push({ value: e.value, what });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(sp.path, { waitUntil: 'load' });
      await page.waitForTimeout(2000); // the first screen's islands hydrate, the fonts arrive
      const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; what: string }[] }).shifts);
      const total = shifts.reduce((t, s) => t + s.value, 0);
      expect(total, `layout shifts: ${shifts.map((s) => `${s.value.toFixed(3)} (${s.what})`).join('; ')}`).toBeLessThan(0.02);
    });

    test('has no axe violations in the light theme or the dark theme', async ({ page }) => {
      test.setTimeout(240_000); // axe over a long chapter, twice, on a busy 2-core machine
      await page.emulateMedia({ colorScheme: 'light' });
      await visit(page, sp.path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      const light = await axeViolations(page);

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('.theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.waitForTimeout(300); // colour transitions, if any, finish
      const dark = await axeViolations(page);
      expect.soft({ light, dark }).toEqual({ light: [], dark: [] });
    });

    test('reaches every control with Tab, each with an accessible name and a visible focus ring', async ({ page }) => {
      test.setTimeout(120_000);
      await visit(page, sp.path);
      const walk = await tabWalk(page);
      expect.soft(walk.stuck, 'focus got stuck (a keyboard trap)').toBe(false);
      expect.soft(walk.missed.map((c) => c.desc), 'controls Tab never reached').toEqual([]);
      const expectedByIdx = new Map(walk.expected.map((c) => [c.idx, c]));
      // focusable scroll boxes (code blocks, wide tables) are read by their content; controls need a name
      const scrollBoxes = walk.stops.filter((s) => !s.name && s.idx != null && expectedByIdx.get(s.idx)?.scrollOnly);
      const unnamed = walk.stops.filter((s) => !s.name && !scrollBoxes.includes(s));
      console.log(`Tab ${sp.path}: ${walk.stops.length} stops for ${walk.expected.length} visible controls (${scrollBoxes.length} unnamed scroll boxes)`);
      expect.soft(unnamed.map((s) => `${s.desc} (role ${s.role})`), 'focused elements without an accessible name').toEqual([]);
      expect.soft(walk.stops.filter((s) => !s.ring).map((s) => `${s.desc}: ${s.ringWhy}`), 'focused elements without a visible focus ring').toEqual([]);
      expect.soft(walk.stops.length).toBeGreaterThan(0);
    });

    for (const width of [375, 320] as const) {
      for (const javaScriptEnabled of [true, false]) {
        test(`does not scroll sideways on a ${width} px wide screen${javaScriptEnabled ? '' : ' with JavaScript off'}`, async ({ browser }) => {
          const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 740 } });
          const page = await context.newPage();
          if (javaScriptEnabled) {
            const log = await visit(page, sp.path);
            expect.soft(log.problems, `console errors at ${width} px`).toEqual([]);
          } else {
            await page.goto(sp.path);
            // lay every block out, as scrolling through would (content-visibility: auto)
            await page.evaluate(() => {
              const style = document.createElement('style');
              style.textContent = '* { content-visibility: visible !important; }';
              document.head.append(style);
            });
          }
          const { scrollWidth, culprits } = await sidewaysCulprits(page);
          expect.soft(scrollWidth, `page is ${scrollWidth} px wide; too wide:\n  ${culprits.join('\n  ')}\n`).toBeLessThanOrEqual(width);
          await context.close();
        });
      }
    }

    test('shows its text, math, code and still widgets with JavaScript off', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(sp.path);
      // blocks far from the screen are laid out only when the reader nears them
      // (content-visibility: auto); lay everything out, as scrolling would, before looking
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '* { content-visibility: visible !important; }';
        document.head.append(style);
      });
      const want = promised(chapterSource(sp.path));
      const seen = await page.evaluate(() => {
        const main = document.querySelector('main');
        const shown = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getClientRects().length > 0;
        const skip = (el: Element) => el.closest('details:not([open]), [hidden], [data-needs-script], .visually-hidden, [role="tooltip"], astro-island, pre');
        const texts = [...(main?.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd, td, th') ?? [])].filter(
          (el) => (el.textContent ?? '').trim() && !skip(el),
        );
        // the prose without rendered math (whose MathML keeps its TeX source), code and widgets
        const proseOnly = main ? (main.cloneNode(true) as HTMLElement) : null;
        proseOnly?.querySelectorAll('.katex, pre, code, astro-island, script, style, template, noscript').forEach((el) => el.remove());
        const prose = proseOnly?.textContent ?? '';
        const katex = [...document.querySelectorAll('.katex')];
        const islands = [...document.querySelectorAll('astro-island')];
        return {
          h1: document.querySelector('h1')?.textContent?.trim() ?? '',
          words: (main?.innerText ?? '').split(/\s+/).filter(Boolean).length,
          hiddenText: texts.filter((el) => !shown(el)).slice(0, 8).map((el) => `${el.tagName.toLowerCase()}: ${el.textContent!.trim().slice(0, 60)}`),
          rawTex: prose.match(/\$\$|\\(frac|sum|sqrt|mathrm|mathbf|cdot|text|left|right|log|exp)\b/)?.[0] ?? null,
          katex: katex.length,
          // an MDX {expression} inside $…$ is not evaluated: KaTeX typesets the code itself
          mathWithCode: katex
            .map((k) => k.querySelector('annotation')?.textContent ?? '')
            .filter((tex) => /\b[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*[.(]|=>/.test(tex))
            .slice(0, 5),
          katexStyled: katex.every((k) => {
            const ml = k.querySelector('.katex-mathml');
            const html = k.querySelector('.katex-html');
            return !!html && (!ml || getComputedStyle(ml).position === 'absolute');
          }),
          katexHidden: katex.filter((k) => !k.closest('details:not([open]), [hidden]') && !shown(k)).length,
          code: [...document.querySelectorAll('pre.astro-code')].filter((p) => (p.textContent ?? '').trim()).length,
          emptyIslands: islands
            .filter((i) => !(i.textContent ?? '').trim() && !i.querySelector('svg, canvas, img'))
            .map((i) => i.getAttribute('component-url') ?? 'island'),
          invisibleIslands: islands
            .filter((i) => !i.closest('details:not([open]), [hidden]'))
            .filter((i) => ![...i.children].some((c) => c.getBoundingClientRect().height > 0))
            .map((i) => i.getAttribute('component-url') ?? 'island'),
        };
      });
      await context.close();
      expect.soft(seen.h1, 'a visible h1').not.toBe('');
      expect.soft(seen.words, 'words in <main>').toBeGreaterThan(40);
      expect.soft(seen.hiddenText, 'text that is there but not visible without JavaScript').toEqual([]);
      expect.soft(seen.rawTex, 'unrendered TeX in the prose').toBeNull();
      expect.soft(seen.mathWithCode, 'math that shows program code (an MDX expression inside $…$)').toEqual([]);
      expect.soft(seen.katexStyled, 'KaTeX styles apply (MathML copy visually hidden)').toBe(true);
      expect.soft(seen.katexHidden, 'math that is not visible').toBe(0);
      if (want.math) expect.soft(seen.katex, 'KaTeX math from the source').toBeGreaterThan(0);
      expect.soft(seen.code, 'highlighted code blocks from the source').toBeGreaterThanOrEqual(want.code);
      expect.soft(seen.emptyIslands, 'widgets with no server-rendered still state').toEqual([]);
      expect.soft(seen.invisibleIslands, 'widgets whose still state takes no space').toEqual([]);
    });

    test('prints its text, math and code without the site navigation', async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(sp.path);
      await expect(page.locator('header.site')).toBeHidden();
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(page.locator('main p').first()).toBeVisible();
      const katex = page.locator('main .katex:not(details:not([open]) *)');
      if ((await katex.count()) > 0) await expect(katex.first()).toBeVisible();
      const code = page.locator('main pre.astro-code');
      if ((await code.count()) > 0) await expect(code.first()).toBeVisible();
      // exercise answers stay off a reader's copy (print.spec.ts prints a teacher's copy)
      const answer = page.locator('.exercise details.answer .body');
      if ((await answer.count()) > 0) await expect(answer.first()).toBeHidden();
    });
  });
}

test.describe('site shell', () => {
  const chapters = builtChapterSlugs();

  test('the theme toggle switches the theme and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const log = watch(page);
    await page.goto('/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/glossary/');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(log.problems).toEqual([]);
  });

  test('with no remembered choice the theme follows the system setting', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await context.close();
  });

  test('the table of contents lists all eight chapters in order, unwritten ones in preparation and not links', async ({ page }) => {
    await page.goto('/');
    const items = page.locator('[data-toc] > li');
    await expect(items).toHaveCount(chapterPlan.length);
    for (const [i, c] of chapterPlan.entries()) {
      const li = items.nth(i);
      await expect(li).toHaveAttribute('data-chapter-slug', c.slug);
      if (chapters.includes(c.slug)) {
        await expect(li.getByRole('link')).toHaveAttribute('href', chapterHref(c.slug));
        await expect(li).not.toContainText('in preparation');
      } else {
        await expect(li.getByRole('link')).toHaveCount(0);
        await expect(li).toContainText(c.title);
        await expect(li).toContainText('in preparation');
      }
    }
  });

  test('visiting a chapter, ticking an exercise solved and revealing another answer show on the home page, and reset asks first', async ({ page }) => {
    test.skip(chapters.length === 0, 'no chapter is built yet');
    const log = watch(page);
    const slug = chapterPlan.find((c) => chapters.includes(c.slug))!.slug; // the first written chapter
    await page.goto(chapterHref(slug));
    const exercises = page.locator('.exercise');
    const total = await exercises.count();
    if (total > 1) {
      const tick = exercises.first().getByRole('checkbox', { name: 'I solved this' });
      await tick.focus();
      await page.keyboard.press('Space'); // ticking by keyboard counts
      await expect(tick).toBeChecked();
      const summary = exercises.nth(1).locator('details.answer summary');
      await summary.focus();
      await page.keyboard.press('Enter'); // opening by keyboard counts
      await expect(exercises.nth(1).locator('details.answer')).toHaveAttribute('open', '');
    }
    await page.goto('/');
    const li = page.locator(`[data-toc] li[data-chapter-slug="${slug}"]`);
    const progress = li.locator('[data-progress]');
    await expect(li).toHaveClass(/visited/);
    await expect(progress).toBeVisible();
    await expect(progress).toHaveText(total > 1 ? `Visited · 1 of ${total} solved, 1 answer seen` : /^Visited/);
    if (total > 1) {
      await page.goto(chapterHref(slug));
      await expect(exercises.first().getByRole('checkbox', { name: 'I solved this' })).toBeChecked();
      await expect(exercises.first().locator('.revealed-note')).toBeHidden();
      await expect(exercises.nth(1).locator('.revealed-note')).toBeVisible();
      await page.goto('/');
    }
    // reset asks first; No (focused) keeps everything, Escape too
    const reset = page.getByRole('button', { name: 'Reset my progress' });
    await reset.focus();
    await page.keyboard.press('Enter');
    const no = page.getByRole('button', { name: 'No, keep it' });
    await expect(no).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was cleared.' })).toBeVisible();
    await expect(reset).toBeFocused();
    await expect(progress).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(reset).toBeFocused();
    await expect(progress).toBeVisible();
    // Yes clears
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Yes, reset' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Progress cleared.' })).toBeVisible();
    await expect(reset).toBeFocused();
    await expect(progress).toBeHidden();
    await expect(li).not.toHaveClass(/visited/);
    await page.reload();
    await expect(progress).toBeHidden();
    await expect(li).not.toHaveClass(/visited/);
    expect(log.problems).toEqual([]);
  });

  test('every page works with browser storage turned off, and the theme toggle still works for the visit', async ({ page }) => {
    test.setTimeout(30_000 + 20_000 * pages.length);
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(`${name} is disabled`, 'SecurityError');
          },
        });
      }
    });
    await page.emulateMedia({ colorScheme: 'light' });
    const log = watch(page);
    for (const sp of pages) {
      await visit(page, sp.path, log);
      await expect(page.locator('h1').first()).toBeVisible();
      const answer = page.locator('.exercise details.answer summary').first();
      if ((await answer.count()) > 0) await answer.click();
    }
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Reset my progress' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Progress cleared.' })).toBeVisible();
    expect(log.problems).toEqual([]);
  });
});

test.describe('home page name generator', () => {
  const weights = () => parseWeightsText(readFileSync(join(outDir, 'data/model.json'), 'utf8'));

  async function ready(page: Page) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const widget = page.locator('.name-generator');
    await widget.scrollIntoViewIfNeeded(); // client:visible: it hydrates once on screen
    await expect(page.locator('astro-island:has(.name-generator)')).not.toHaveAttribute('ssr', /.*/);
    // Generate waits for the shipped model, fetched after hydration; Enter does nothing till then
    await expect(widget.getByRole('button', { name: 'Generate' })).toBeEnabled();
    return widget;
  }

  test('a prefix typed with the keyboard and Enter gives the names the engine gives, all starting with it', async ({ page }) => {
    const log = watch(page);
    const widget = await ready(page);
    await page.getByLabel('Starts with').focus();
    await page.keyboard.type('ma');
    await page.keyboard.press('Enter');
    await expect(widget.locator('[aria-live="polite"]:not(output)')).toContainText('starting with “ma”');
    const shown = await widget.getByRole('list', { name: 'Generated names' }).locator('li').allTextContents();

    const w = weights();
    const model = new FastGPT(w.config, w.stateDict);
    const rng = new Random(1); // the widget's first press uses seed 1
    const expected = Array.from({ length: 10 }, () => generate(model, w.tokenizer, rng, { temperature: facts.samples.temperature, prefix: 'ma' }).text);
    expect(shown).toEqual(expected);
    for (const name of shown) expect(name.startsWith('ma')).toBe(true);
    expect(log.problems).toEqual([]);
  });

  for (const bad of ['É', '1']) {
    test(`a prefix with “${bad}” shows a clear message and disables Generate`, async ({ page }) => {
      const widget = await ready(page);
      const input = page.getByLabel('Starts with');
      await input.focus();
      await page.keyboard.type(`a${bad}`);
      await expect(widget.getByRole('alert')).toContainText(`“${bad}” is not in the vocabulary`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(widget.getByRole('button', { name: 'Generate' })).toBeDisabled();
      await page.keyboard.press('Backspace');
      await expect(widget.getByRole('alert')).toHaveText('');
      await expect(widget.getByRole('button', { name: 'Generate' })).toBeEnabled();
    });
  }

  test('the temperature slider moves with the arrow keys, Home and End', async ({ page }) => {
    const widget = await ready(page);
    const slider = page.getByRole('slider', { name: /Temperature/ });
    const shown = widget.locator(`output[for="${await slider.getAttribute('id')}"]`);
    const t0 = facts.samples.temperature;
    await expect(shown).toHaveText(fixed(t0, 2));
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(shown).toHaveText(fixed(t0 + 0.05, 2));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(shown).toHaveText(fixed(t0 - 0.05, 2));
    await page.keyboard.press('Home');
    await expect(shown).toHaveText('0.00');
    await expect(slider).toHaveAttribute('aria-valuetext', /always the most likely letter/);
    await page.keyboard.press('End');
    await expect(shown).toHaveText('2.00');
  });
});
