// Chapter 2's counting model, driven as a reader would: its losses against a count done here
// from the names file the site serves, the cursor cell by keyboard, the names drawn with a seed
// against the engine's Random, smoothing, and the reader's own dataset from chapter 1.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { parseDocuments } from '../../src/engine/data.ts';
import { Random } from '../../src/engine/random.ts';

const path = '/chapters/tokenizer/';
let docs: string[] = [];
test.beforeAll(async ({ request }) => {
  const res = await request.get('/data/names.txt');
  expect(res.ok()).toBe(true);
  docs = parseDocuments(await res.text());
});

openChapterForEachTest(path);

/** An independent counting model: "." for BOS, pairs as string keys, the smoothing formula written out. */
function oracle(counted: readonly string[], vocabularyOf: readonly string[] = counted) {
  const chars = [...new Set(vocabularyOf.join(''))].sort();
  const tokens = [...chars, '.'];
  const V = tokens.length;
  const n = new Map<string, number>();
  for (const d of counted) {
    const s = ['.', ...d, '.'];
    for (let i = 0; i + 1 < s.length; i++) n.set(s[i] + s[i + 1], (n.get(s[i] + s[i + 1]) ?? 0) + 1);
  }
  const row = (a: string) => tokens.reduce((t, b) => t + (n.get(a + b) ?? 0), 0);
  const p = (a: string, b: string, k: number) => (row(a) + k * V > 0 ? ((n.get(a + b) ?? 0) + k) / (row(a) + k * V) : 1 / V);
  /** microgpt's loss: per document the mean −ln p over its first min(16, len + 1) targets, then the mean over documents */
  const loss = (evalDocs: readonly string[], k: number) => {
    let total = 0;
    for (const d of evalDocs) {
      const s = ['.', ...d, '.'];
      const m = Math.min(16, s.length - 1);
      let sum = 0;
      for (let i = 0; i < m; i++) sum -= Math.log(p(s[i], s[i + 1], k));
      total += sum / m;
    }
    return total / evalDocs.length;
  };
  const sample = (k: number, seed: number, count: number) => {
    const rng = new Random(seed);
    return Array.from({ length: count }, () => {
      let prev = '.';
      let text = '';
      while (text.length < 16) {
        const next = tokens[rng.choice(tokens.map((b) => p(prev, b, k)))];
        if (next === '.') break;
        text += next;
        prev = next;
      }
      return text;
    });
  };
  return { tokens, count: (a: string, b: string) => n.get(a + b) ?? 0, p, loss, sample };
}

const shown = (loss: number) => (Number.isFinite(loss) ? loss.toFixed(4) : 'infinite (∞)');

async function widget(page: Page): Promise<Locator> {
  const w = await hydrated(page, page.locator('.counting'));
  await expect(w.locator('[data-loss="all"]')).not.toContainText('waiting');
  return w;
}

async function setK(w: Locator, k: number): Promise<void> {
  const slider = w.getByRole('slider', { name: /^smoothing k/ });
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < Math.round(k * 10); i++) await slider.press('ArrowRight');
  await expect(slider).toHaveValue(String(k));
}

test('the still picture and the live widget show the loss counted here from names.txt', async ({ page }) => {
  const o = oracle(docs);
  const held = docs.filter((_, i) => i % 10 === 9);
  // the held-out tenth is scored by the other nine tenths' counts, with the whole dataset's vocabulary
  const nine = oracle(docs.filter((_, i) => i % 10 !== 9), docs);
  // before hydration: the build-time numbers
  const still = page.locator('.counting');
  await expect(still.locator('[data-loss="all"]')).toHaveText(shown(o.loss(docs, 1)));
  await expect(still.locator('[role="gridcell"]')).toHaveCount(27 * 27);
  const w = await widget(page);
  await expect(w.locator('[data-loss="all"]')).toHaveText(shown(o.loss(docs, 1)));
  await expect(w.locator('[data-loss="held-out"]')).toHaveText(shown(nine.loss(held, 1)));
  // the prose quotes the same number, computed at build time
  await expect(page.locator('article')).toContainText(`it is ${o.loss(docs, 1).toFixed(4)}`);
  // every cell's count, against the count done here
  const counts = await w.locator('[role="gridcell"]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.count)));
  expect(counts).toEqual(o.tokens.flatMap((a) => o.tokens.map((b) => o.count(a, b))));
});

test('arrow keys move a cursor cell that says its count and probability', async ({ page }) => {
  const o = oracle(docs);
  const w = await widget(page);
  const first = w.locator('[role="gridcell"][tabindex="0"]');
  await first.focus();
  const said = (a: string, b: string) => {
    const word = (t: string, end: boolean) => (t === '.' ? (end ? 'BOS (the end of the name)' : 'BOS (the start of a name)') : `“${t}”`);
    const c = o.count(a, b);
    return `after ${word(a, false)}, ${word(b, true)} follows ${c.toLocaleString('en-US')} ${c === 1 ? 'time' : 'times'} (p = ${o.p(a, b, 1).toPrecision(3)})`;
  };
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', said('a', 'a'));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', said('a', 'b'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', said('b', 'b'));
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', said('b', '.'));
  await expect(w.getByTestId('counting-detail')).toHaveText(`A${said('b', '.').slice(1)}.`);
  // the pointer shows its own cell
  await w.locator('[data-r="0"][data-c="13"]').hover();
  await expect(w.getByTestId('counting-detail')).toHaveText(`A${said('a', 'n').slice(1)}.`);
  // one tab stop: Tab leaves the map
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('role', 'gridcell');
});

test('the readout follows keyboard focus, not a pointer resting where cells slide under it', async ({ page }) => {
  const w = await widget(page);
  const detail = w.getByTestId('counting-detail');
  await w.locator('[data-r="0"][data-c="13"]').hover(); // a → n under the pointer
  await expect(detail).toContainText('“a”, “n” follows');
  const cursor = w.locator('[role="gridcell"][tabindex="0"]');
  await cursor.focus();
  await page.keyboard.press('ArrowDown'); // b → a
  await expect(detail).toContainText('“b”, “a” follows');
  // scrolling to the focused cell slides another under the still pointer: a pointerover with no movement
  await w.locator('[data-r="2"][data-c="2"]').dispatchEvent('pointerover', { bubbles: true, movementX: 0, movementY: 0 });
  await expect(detail).toContainText('“b”, “a” follows');
  // moving the pointer takes the readout back
  await page.mouse.move(0, 0);
  await w.locator('[data-r="2"][data-c="2"]').hover();
  await expect(detail).toContainText('“c”, “c” follows');
});

test('a colour key, and pairs never seen marked apart from pairs seen once', async ({ page }) => {
  const o = oracle(docs);
  const w = await widget(page);
  const max = Math.max(...o.tokens.flatMap((a) => o.tokens.map((b) => o.count(a, b))));
  await expect(w.getByTestId('counting-key')).toHaveText(new RegExp(`never\\s*1\\s*10\\s*100\\s*1,000\\s*${max.toLocaleString('en-US')}`));
  const look = (sel: string) => w.locator(sel).first().evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(await look('[role="gridcell"][data-count="0"]')).toContain('linear-gradient');
  expect(await look('[role="gridcell"][data-count="1"]')).toBe('none');
});

test('names drawn with a seed are the engine’s draws, and change with the seed and with k', async ({ page }) => {
  const o = oracle(docs);
  const w = await widget(page);
  const names = () => w.locator('[data-testid="counting-samples"] li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.name));
  await expect.poll(names).toEqual(o.sample(1, 42, 10));
  const seed = w.getByRole('spinbutton', { name: 'seed' });
  await seed.fill('7');
  await expect.poll(names).toEqual(o.sample(1, 7, 10));
  await setK(w, 0.5);
  await expect.poll(names).toEqual(o.sample(0.5, 7, 10));
  await seed.fill('-1');
  await expect(w.getByText(/The seed must be a whole number/)).toBeVisible();
  await expect.poll(names).toEqual(o.sample(0.5, 7, 10));
});

test('smoothing changes the losses as computed, and k = 0 says the held-out loss is infinite', async ({ page }) => {
  const o = oracle(docs);
  const held = docs.filter((_, i) => i % 10 === 9);
  const nine = oracle(docs.filter((_, i) => i % 10 !== 9), docs);
  const w = await widget(page);
  for (const k of [0, 2.5]) {
    await setK(w, k);
    await expect(w.locator('[data-loss="all"]')).toHaveText(shown(o.loss(docs, k)));
    await expect(w.locator('[data-loss="held-out"]')).toHaveText(shown(nine.loss(held, k)));
  }
  await setK(w, 0);
  await expect(w.locator('[data-loss="held-out"]')).toHaveText('infinite (∞)');
  await expect(w.getByTestId('counting-note')).toContainText('infinite');
  await expect(w.locator(':scope > [data-still-controls] > [aria-live="polite"]')).toContainText('k = 0.0: loss');
});

test('the reader’s own dataset from chapter 1 changes the table, the losses and the names', async ({ page }) => {
  await page.goto('/chapters/dataset/');
  const upload = await hydrated(page, '.upload');
  const mine = ['abc', 'bca', 'cab', 'aab', 'bb', 'ca', 'abca', 'cc', 'a', 'bac', 'cba'];
  await upload.getByLabel('Paste documents, one per line').fill(mine.join('\n'));
  await upload.getByRole('button', { name: 'Use this text' }).click();
  await expect(upload.getByTestId('du-in-use')).toContainText('your dataset');
  await page.goto(path);
  const w = await widget(page);
  await expect(w).toHaveAttribute('data-source', 'mine');
  await expect(w.getByTestId('counting-source')).toContainText('your dataset');
  await expect(w.getByTestId('counting-source')).toContainText('4 × 4');
  await expect(w.locator('[role="gridcell"]')).toHaveCount(16);
  const o = oracle(mine);
  const counts = await w.locator('[role="gridcell"]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.count)));
  expect(counts).toEqual(o.tokens.flatMap((a) => o.tokens.map((b) => o.count(a, b))));
  await expect(w.locator('[data-loss="all"]')).toHaveText(shown(o.loss(mine, 1)));
  await expect(w.getByTestId('counting-table').locator('tbody tr')).toHaveCount(4);
});

test('odd characters in the reader’s dataset are shown as chapter 1 shows them and named aloud; a cut name counts characters', async ({ page }) => {
  await page.goto('/chapters/dataset/');
  const upload = await hydrated(page, '.upload');
  const run = '😀'.repeat(30);
  const mine = [run, run, run, run, 'a b', 'a\tb', 'a\u200bb', 'e\u0308'];
  await upload.getByLabel('Paste documents, one per line').fill(mine.join('\n'));
  await upload.getByRole('button', { name: 'Use this text' }).click();
  await expect(upload.getByTestId('du-in-use')).toContainText('your dataset');
  await page.goto(path);
  const w = await widget(page);
  await expect(w.getByTestId('counting-mine-note')).toBeVisible();
  const heads = w.getByRole('grid').locator('[role="columnheader"][aria-label]');
  const marks = await heads.allInnerTexts();
  const names = await heads.evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-label')));
  for (const [mark, name] of [['␣', 'the space'], ['⇥', 'the tab'], ['U+200B', 'the invisible character U+200B'], ['◌\u0308', 'the combining mark U+0308'], ['😀', '“😀”'], ['•', 'BOS']]) {
    expect(marks, mark).toContain(mark);
    expect(names, name).toContain(name);
  }
  // a cell says its characters by name
  const space = names.indexOf('the space');
  const a = names.indexOf('“a”');
  await expect(w.locator(`[data-r="${a}"][data-c="${space}"]`)).toHaveAttribute('aria-label', /^after “a”, the space follows 1 time/);
  // the table: the same marks for the eye, the same names for the ear
  await w.getByText('Show the counts as a table').click();
  const th = w.getByTestId('counting-table').locator('thead th').nth(space + 1);
  await expect(th.locator('[aria-hidden="true"]')).toHaveText('␣');
  await expect(th.locator('.visually-hidden')).toHaveText('the space');
  // with k = 0 the emoji runs reach the context: a cut name says 16 characters, not 32 UTF-16 units
  await setK(w, 0);
  const cut = w.locator('[data-testid="counting-samples"] li[data-cut]');
  await expect(cut.first()).toBeAttached();
  for (const note of await cut.locator('.visually-hidden').allTextContents()) expect(note.trim()).toBe('(cut at 16 characters)');
});

test('the counting model passes axe in both themes, with the table open', async ({ page }) => {
  test.setTimeout(120_000);
  const w = await widget(page);
  await w.getByText('Show the counts as a table').click();
  await expect(w.getByTestId('counting-table')).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const results = await new AxeBuilder({ page }).include('.counting').analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('at 320 px the whole map fits and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const w = await widget(page);
  const grid = w.getByRole('grid');
  const box = await grid.boundingBox();
  const frame = await w.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
