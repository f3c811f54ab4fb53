// Very long input (issue 12): a paste of a million characters into each kind of field is not
// added, and the field says plainly how much it was and what the field takes (tied to the
// field); nothing freezes the page (no long task over 200 ms) and no live region reads a
// megabyte out to a screen reader. Without JavaScript, the widgets' still pictures
// offer no control that would do nothing: Tab passes them by.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './lib/chapter.ts';
import { notAddedProblem, textLimits } from '../../src/viz/shared/input-limits.ts';
import { datasetLimits } from '../../src/state/custom-dataset.ts';
import { int } from '../../src/viz/shared/format.ts';
import { builtChapterSlugs } from '../../scripts/site/site-pages.ts';

const million = 1_000_000;

/** Fail the test on any console error or warning, or an uncaught exception. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Record the main thread's long tasks (over 200 ms) from the start of the page. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 200) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
const longTaskList = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.map(Math.round).join(', '));

/** The longest text any live region or alert on the page holds. */
const longestAnnouncement = (page: Page) => page.evaluate(() =>
  Math.max(0, ...[...document.querySelectorAll('[aria-live], [role="alert"], [role="status"]')].map((el) => (el.textContent ?? '').length)));

/** Paste `text` into `field` in one go, as a paste arrives (one input event). */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

/** The settled page after a paste: no long task since `before`, and nothing long spoken. */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForTimeout(1000); // past the announcer's pause, so a result that follows typing is in its region
  expect(await longTasks(page) - before, `long tasks: ${await longTaskList(page)}`).toBe(0);
  expect(await longestAnnouncement(page)).toBeLessThan(400);
}

/** A field the kit limits: the paste is not added, the field says how much and what it takes, tied to it, and holds what it held. */
async function expectNotAdded(field: Locator, held: string, added: number, max: number): Promise<void> {
  const message = notAddedProblem(added, added, max).message;
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(field).toHaveValue(held);
}

test.describe('a million characters pasted', () => {
  test.beforeEach(async ({ page }) => watchLongTasks(page));

  const textFields: { kind: string; path: string; widget: string; label: string | RegExp; max: number; ok: string; after: (w: Locator) => Promise<void> }[] = [
    { kind: 'a name (the tokenizer playground)', path: '/chapters/tokenizer/', widget: '.playground', label: 'Text to tokenize', max: textLimits.name, ok: 'emma',
      after: async () => {} },
    { kind: 'a search (the dataset explorer)', path: '/chapters/dataset/', widget: '.explorer', label: 'Letters to look for', max: textLimits.name, ok: 'ann', after: async () => {} },
    { kind: 'an expression (the expression graph)', path: '/chapters/autograd/', widget: '.expr-graph', label: 'Expression', max: textLimits.expression, ok: 'a*b',
      after: async (w) => { await expect(w.locator('svg g[data-node]').first()).toBeVisible(); } },
    { kind: 'a number as text (the generator\'s seed)', path: '/chapters/inference/', widget: '.name-generator-full', label: 'Seed', max: textLimits.number, ok: '7', after: async () => {} },
  ];
  for (const f of textFields) {
    test(`into ${f.kind}: not added, the limit stated, no freeze`, async ({ page }) => {
      const problems = watchConsole(page);
      await page.goto(f.path);
      const widget = await hydrated(page, f.widget);
      const field = widget.getByLabel(f.label, { exact: typeof f.label === 'string' }).first();
      await page.waitForTimeout(1500); // islands nearby finish hydrating: their work is not the paste's
      const before = await longTasks(page);
      await paste(page, field, 'a'.repeat(million));
      await expectNotAdded(field, '', million, f.max);
      await f.after(widget);
      await settled(page, before);
      // back within the limit, the field is the widget's again
      await paste(page, field, f.ok);
      await expect(field).not.toHaveAttribute('aria-invalid', 'true');
      await expect(widget.locator('[data-field-limit]:not(:empty)')).toHaveCount(0);
      expect(problems).toEqual([]);
    });
  }

  test('into a number field: not added, the limit stated, and keeps what it held', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/chapters/autograd/');
    const widget = await hydrated(page, '.expr-graph');
    const field = widget.getByLabel('a =');
    await page.waitForTimeout(1500); // islands nearby finish hydrating: their work is not the paste's
    const before = await longTasks(page);
    await paste(page, field, '9'.repeat(million));
    await expectNotAdded(field, '', million, textLimits.number);
    await settled(page, before);
    expect(problems).toEqual([]);
  });

  // Chromium's own layout of a textarea holding 125,000 lines is a long task of seconds (no script
  // is needed for that), so the box holds a paste this large out of the textarea and shows a
  // summary instead (src/widgets/ui/text-limit.ts, hold); "Use this text" uses it as typed text.
  test('into the dataset box: a million characters of names are used without a freeze; one line of them is refused with the limit', async ({ page }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    await page.goto('/chapters/dataset/');
    const widget = await hydrated(page, '.upload');
    const box = widget.getByLabel('Paste documents, one per line');
    // names of 7 letters, one a line: a million characters in all
    const count = million / 8;
    const names = Array.from({ length: count }, (_, i) => `n${String(i).padStart(6, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`).join('\n');
    expect(names.length).toBeLessThanOrEqual(million);
    await page.waitForTimeout(1500); // islands nearby finish hydrating: their work is not the paste's
    let before = await longTasks(page);
    await paste(page, box, names);
    await expect(widget.getByTestId('du-held')).toContainText(`Pasted: ${int(count)} lines`);
    await widget.getByRole('button', { name: 'Use this text' }).click();
    await expect(widget.getByTestId('du-docs')).toHaveText(int(count));
    await expect(widget.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${int(count)} documents)`);
    await settled(page, before);

    before = await longTasks(page);
    await widget.getByRole('button', { name: 'Clear' }).click();
    await paste(page, box, 'a'.repeat(million));
    await expect(widget.getByTestId('du-held')).toContainText('Pasted: 1 line');
    await widget.getByRole('button', { name: 'Use this text' }).click();
    const alert = widget.getByRole('alert');
    await expect(alert).toContainText(`Line 1 has ${int(million)} characters; the limit is ${int(datasetLimits.maxLineChars)} per line.`);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAttribute('aria-describedby', new RegExp(`\\b${await alert.getAttribute('id')}\\b`));
    await expect(widget.getByTestId('du-docs')).toHaveText(int(count)); // the names stay in use
    await settled(page, before);
    await widget.getByRole('button', { name: 'Reset to the default dataset' }).click();
    expect(problems).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const slug of builtChapterSlugs()) {
    test(`/chapters/${slug}/: Tab visits no control of a widget's still picture, form or drawn`, async ({ page }) => {
      await page.goto(`/chapters/${slug}/`);
      const dead: string[] = [];
      let first = '';
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return { key: 'body', dead: '' };
          const key = `${el.tagName}#${el.id}.${el.className}@${Math.round(el.getBoundingClientRect().top + scrollY)}`;
          // the picture's form controls (buttons, fields, menus) and the controls widgets draw
          // themselves (grid cells, a 2-D slider, a map's options, a plot that takes arrow keys)
          // do nothing without scripts; a box that scrolls (a region, a list) is still read, and
          // links and disclosures work without them
          const stop = el.closest('.widget') && !el.matches('[role="region"], ol, ul, a[href], summary');
          return { key, dead: stop ? el.outerHTML.slice(0, 120) : '' };
        });
        if (at.key === first) break;
        if (!first && at.key !== 'body') first = at.key;
        if (at.dead) dead.push(at.dead);
      }
      expect(dead).toEqual([]);
    });
  }
});
