// What a reader builds in a widget survives a reload (src/state/persisted.svelte.ts), and a
// widget keeps working, for the visit, when browser storage is full or turned off.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { chapterHref } from '../../src/components/chapters.ts';
import { watch } from '../../scripts/site/browse.ts';
import { hydrated } from './lib/chapter.ts';

type Case = {
  name: string;
  path: string;
  widget: string;
  /** Change the widget as a reader would; returns what should be there after a reload. */
  change: (w: Locator, page: Page) => Promise<void>;
  /** What the reader made, read from the page. */
  read: (w: Locator) => Promise<unknown>;
};

const field = (w: Locator, label: string) => w.getByLabel(label, { exact: true });
const retype = async (w: Locator, page: Page, label: string, text: string) => {
  await field(w, label).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
};

const cases: Case[] = [
  {
    name: 'chapter 3’s train-by-hand sliders',
    path: chapterHref('neuron'),
    widget: '.hand-training',
    change: async (w, page) => {
      const sliders = w.getByRole('slider');
      await sliders.nth(0).focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await sliders.nth(4).focus();
      await page.keyboard.press('ArrowLeft');
    },
    read: async (w) => ({ sliders: await w.getByRole('slider').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), error: await w.locator('[data-error]').textContent() }),
  },
  {
    name: 'chapter 4’s typed expression in the graph',
    path: chapterHref('autograd'),
    widget: '.expr-graph',
    change: (w, page) => retype(w, page, 'Expression', 'a*a + b'),
    read: (w) => w.locator('input[type="text"]').first().inputValue(),
  },
  {
    name: 'chapter 4’s typed expression in the nudge check',
    path: chapterHref('autograd'),
    widget: '.nudge',
    change: (w, page) => retype(w, page, 'Output L =', 'a*a*a'),
    read: (w) => w.locator('input[type="text"]').first().inputValue(),
  },
  {
    name: 'chapter 1’s paste too large to show (held beside the dataset box)',
    path: chapterHref('dataset'),
    widget: '.upload',
    change: async (w, page) => {
      await w.getByLabel('Paste documents, one per line').focus();
      await page.keyboard.insertText(Array.from({ length: 30_000 }, (_, i) => `pet${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`).join('\n'));
    },
    read: async (w) => {
      const held = w.getByTestId('du-held');
      return (await held.count()) ? held.innerText() : w.getByLabel('Paste documents, one per line').inputValue();
    },
  },
  {
    name: 'chapter 1’s dataset box, typed and not yet used',
    path: chapterHref('dataset'),
    widget: '.upload',
    change: (w, page) => retype(w, page, 'Paste documents, one per line', 'ada\ngrace\nkatherine'),
    read: (w) => w.getByLabel('Paste documents, one per line').inputValue(),
  },
  {
    name: 'the tokenizer playground’s text',
    path: chapterHref('tokenizer'),
    widget: '.playground',
    change: (w, page) => retype(w, page, 'Text to tokenize', 'olivia'),
    read: async (w) => ({ text: await field(w, 'Text to tokenize').inputValue(), chips: await w.innerText() }),
  },
  {
    name: 'chapter 8’s generator settings',
    path: chapterHref('inference'),
    widget: '.name-generator-full',
    change: async (w, page) => {
      await retype(w, page, 'Starts with', 'ma');
      await retype(w, page, 'Seed', '7');
      await w.getByRole('slider', { name: 'Temperature' }).focus();
      await page.keyboard.press('ArrowRight');
    },
    read: async (w) => [await field(w, 'Starts with').inputValue(), await field(w, 'Seed').inputValue(), await w.getByRole('slider', { name: 'Temperature' }).inputValue()],
  },
  {
    name: 'the home page’s generator settings',
    path: '/',
    widget: '.name-generator',
    change: async (w, page) => {
      await retype(w, page, 'Starts with', 'ka');
      await w.getByRole('slider', { name: 'How many' }).focus();
      await page.keyboard.press('ArrowLeft');
    },
    read: async (w) => [await field(w, 'Starts with').inputValue(), await w.getByRole('slider', { name: 'How many' }).inputValue()],
  },
];

for (const c of cases) {
  test(`what a reader makes in ${c.name} survives a reload`, async ({ page }) => {
    const log = watch(page);
    await page.goto(c.path);
    let w = await hydrated(page, c.widget);
    const before = await c.read(w.first());
    await c.change(w.first(), page);
    // what the widget shows once it has caught up with the typing (a debounced redraw may follow the last key)
    let made = await c.read(w.first());
    for (let i = 0; i < 20; i++) {
      await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
      const again = await c.read(w.first());
      if (JSON.stringify(again) === JSON.stringify(made)) break;
      made = again;
    }
    expect(made).not.toEqual(before);
    await page.reload();
    w = await hydrated(page, c.widget);
    await expect.poll(() => c.read(w.first())).toEqual(made);
    expect(log.problems).toEqual([]);
  });
}

test('with storage full, the widgets still work for the visit and start afresh on a reload', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const log = watch(page);
  for (const c of cases) {
    await page.goto(c.path);
    let w = await hydrated(page, c.widget);
    const before = await c.read(w.first());
    await c.change(w.first(), page);
    expect(await c.read(w.first())).not.toEqual(before);
    await page.reload();
    w = await hydrated(page, c.widget);
    await expect.poll(() => c.read(w.first())).toEqual(before);
  }
  expect(log.problems).toEqual([]);
});
