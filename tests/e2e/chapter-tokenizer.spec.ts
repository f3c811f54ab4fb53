import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { averageTokens, learnBpe } from '../../src/engine/lessons/bpe.ts';
import { parseDocuments } from '../../src/engine/data.ts';
import { Tokenizer } from '../../src/engine/tokenizer.ts';
import { fixed } from '../../src/viz/shared/format.ts';
import { bpeDemo } from '../../src/viz/tokenizer/bpe-view.ts';

// The engine, on the dataset the site serves, is the oracle for what the page shows.
let docs: string[] = [];
test.beforeAll(async ({ request }) => {
  const res = await request.get('/data/names.txt');
  expect(res.ok()).toBe(true);
  docs = parseDocuments(await res.text());
});

openChapterForEachTest('/chapters/tokenizer/');

const shownAverage = (page: Page) => page.locator('[data-stat="average"]');
const expectedAverage = (bpe: ReturnType<typeof learnBpe>, k: number) => fixed(averageTokens(bpe, k), 2);

test('typing "emma" shows the ids of the engine’s encodeDocument, with BOS on both sides', async ({ page }) => {
  const tokenizer = Tokenizer.fromDocuments(docs);
  const input = page.getByLabel('Text to tokenize');
  const ids = page.getByTestId('token-ids');
  // the still state, before any interaction, is already the engine's answer
  await expect(ids).toHaveText(JSON.stringify(tokenizer.encodeDocument('emma')).replaceAll(',', ', '));
  await hydrated(page, page.getByLabel('Text to tokenize'));

  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await expect(ids).toHaveText(`[${tokenizer.bos}, ${tokenizer.bos}]`);
  await page.keyboard.type('emma');
  await expect(ids).toHaveText(`[${tokenizer.encodeDocument('emma').join(', ')}]`);
  const chips = page.getByRole('list', { name: 'Tokens, with BOS on both sides' }).getByRole('listitem');
  await expect(chips).toHaveCount(6);
  await expect(chips.first()).toHaveClass(/bos/);
  await expect(chips.last()).toHaveClass(/bos/);
  await expect(page.locator('.playground [aria-live="polite"]').first()).toHaveText('6 tokens.');

  // a longer name, typed key by key
  await input.fill('');
  await page.keyboard.type('christophorus');
  await expect(ids).toHaveText(`[${tokenizer.encodeDocument('christophorus').join(', ')}]`);
});

test('typing "Emma!" names “E” and “!” as outside the vocabulary, and the widget keeps working', async ({ page }) => {
  const tokenizer = Tokenizer.fromDocuments(docs);
  await hydrated(page, page.getByLabel('Text to tokenize'));
  const input = page.getByLabel('Text to tokenize');
  await input.fill('');
  await input.pressSequentially('Emma!');
  const message = page.locator('.playground .message');
  await expect(message).toContainText('“E” and “!” are not in the vocabulary');
  await expect(message).toContainText('“e” for “E”');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.playground .chip.unknown')).toHaveCount(2);
  await expect(page.getByTestId('token-ids')).toHaveText(`[${tokenizer.bos}, ?, 12, 12, 0, ?, ${tokenizer.bos}]`);

  // fix it from the keyboard: back to a valid name
  await input.press('End');
  await input.press('Backspace');
  await input.press('Home');
  await input.press('Delete');
  await input.press('e');
  await expect(input).toHaveValue('emma');
  await expect(message).toHaveText('');
  await expect(page.getByTestId('token-ids')).toHaveText(`[${tokenizer.encodeDocument('emma').join(', ')}]`);
});

test('decoding typed ids drops BOS and explains an id out of range', async ({ page }) => {
  await hydrated(page, page.getByLabel('Text to tokenize'));
  await page.getByText('The other way: decode ids').click();
  const ids = page.getByLabel(/Ids to decode/);
  await ids.fill('26, 7, 4, 11, 11, 14, 26');
  await expect(page.locator('.playground .decoded')).toContainText('decode gives “hello” (the 2 BOS tokens were dropped)');
  await ids.fill('3, 99');
  await expect(page.locator('.playground .decoded')).toContainText('“99” is not a token id');
});

test('the BPE slider, by keyboard and by mouse, shows the average the engine computes', async ({ page }) => {
  const bpe = learnBpe(docs, bpeDemo.maxMerges);
  const slider = page.getByRole('slider', { name: /Number of merges/ });
  // still state from the build
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, bpeDemo.initialMerges));
  await hydrated(page, page.getByRole('slider', { name: /Number of merges/ }));
  await expect(slider).toBeEnabled(); // the browser has learned its merges
  // how long that took, in the one integer format: 2,971 ms, not 2971 ms
  await expect(page.getByText(/^Learned \d+ merges on [\d,]+ names in \d{1,3}(,\d{3})* ms, in this browser\.$/)).toBeVisible();

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue(String(bpeDemo.initialMerges + 1));
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, bpeDemo.initialMerges + 1));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, bpeDemo.initialMerges - 1));
  await page.keyboard.press('End');
  await expect(slider).toHaveValue(String(bpeDemo.maxMerges));
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, bpeDemo.maxMerges));
  await expect(page.locator('[data-stat="vocab"]')).toHaveText(String(Tokenizer.fromDocuments(docs).vocabSize + bpeDemo.maxMerges));
  await page.keyboard.press('Home');
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, 0));
  await expect(page.getByText('None yet: with 0 merges, BPE is the character tokenizer.')).toBeVisible();

  // mouse: click a quarter of the way along the track
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
  const k = Number(await slider.inputValue());
  expect(k).toBeGreaterThan(bpeDemo.maxMerges * 0.15);
  expect(k).toBeLessThan(bpeDemo.maxMerges * 0.35);
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, k));
  await expect(page.locator('.bpe .merges li')).toHaveCount(k);
  // and drag to the right end
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 20, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(slider).toHaveValue(String(bpeDemo.maxMerges));
  await expect(shownAverage(page)).toHaveText(expectedAverage(bpe, bpeDemo.maxMerges));
});

test('a name typed into the BPE demo is split into the engine’s tokens', async ({ page }) => {
  const bpe = learnBpe(docs, bpeDemo.maxMerges);
  await hydrated(page, page.getByRole('slider', { name: /Number of merges/ }));
  const name = page.getByLabel('A name to split');
  await expect(name).toBeEnabled();
  await name.fill('');
  await name.pressSequentially('alexandra');
  const pieces = page.getByRole('list', { name: 'The name in BPE tokens' }).getByRole('listitem');
  const { bpeEncode } = await import('../../src/engine/lessons/bpe.ts');
  const expected = bpeEncode(bpe, 'alexandra', bpeDemo.initialMerges).map((id) => bpe.texts[id]);
  await expect(pieces).toHaveCount(expected.length);
  await expect(page.locator('[data-stat="name-tokens"]')).toHaveText(String(expected.length));
  await name.pressSequentially('X');
  await expect(page.locator('.bpe .message')).toContainText('“X”');
});

test('exercise answers stay hidden until the disclosure is opened from the keyboard', async ({ page }) => {
  const tokenizer = Tokenizer.fromDocuments(docs);
  const cases = [
    { id: 'id-of-a', answer: `${tokenizer.encode('a')[0]}.` },
    { id: 'id-of-z', answer: `is ${tokenizer.encode('z')[0]}` },
    { id: 'nine-letters', answer: String(tokenizer.encodeDocument('abcdefghi').length) },
  ];
  for (const c of cases) {
    const ex = page.locator(`[data-exercise="${c.id}"]`);
    const answer = ex.locator('details.answer .body');
    await expect(answer).toBeHidden();
    const summary = ex.locator('details.answer summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(answer).toBeVisible();
    await expect(answer).toContainText(c.answer);
  }
  await expect(page.locator('[data-exercise="id-of-z"] details.answer .body')).toContainText(`BOS is ${tokenizer.bos}`);
});

test('the page does not scroll sideways on a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/chapters/tokenizer/');
  await hydrated(page, page.getByRole('slider', { name: /Number of merges/ }));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the chapter passes an axe accessibility check with both widgets hydrated, in both themes', async ({ page }) => {
  test.setTimeout(180_000); // axe in both themes is slow on a busy machine
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await hydrated(page, page.getByLabel('Text to tokenize'));
    await hydrated(page, page.getByRole('slider', { name: /Number of merges/ }));
    await expect(page.getByRole('slider', { name: /Number of merges/ })).toBeEnabled();
    await page.getByLabel('Text to tokenize').fill('Emma!');
    const results = await new AxeBuilder({ page }).include('article').analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
