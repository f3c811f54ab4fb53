// Chapter 1, Dataset: the explorer and "bring your own dataset", driven by mouse and keyboard,
// checked against numbers this test computes itself from the served /data/names.txt.

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { bytes, int } from '../../src/viz/shared/format.ts';
import { holdInsert, textLimits } from '../../src/viz/shared/input-limits.ts';
import { hydrated } from './lib/chapter.ts';
import { sampleDocuments } from '../../src/viz/dataset/dataset-stats.ts';

const url = '/chapters/dataset/';

/** The served names file, read the way microgpt reads it. */
async function servedNames(request: APIRequestContext): Promise<{ lines: string[]; docs: string[] }> {
  const res = await request.get('/data/names.txt');
  expect(res.ok()).toBe(true);
  const text = await res.text();
  const lines = text.split('\n').filter((l) => l.length > 0);
  return { lines, docs: text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0) };
}

/** Collect console errors and warnings, and uncaught exceptions, for a final check. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('the count shown is the number of lines in /data/names.txt, before and after hydration', async ({ page, request }) => {
  const problems = watchConsole(page);
  const { lines } = await servedNames(request);
  await page.goto(url);
  await expect(page.getByTestId('dx-count')).toHaveText(int(lines.length)); // server-rendered
  await hydrated(page, '.explorer');
  await expect(page.getByTestId('dx-count')).toHaveText(int(lines.length));
  await expect(page.locator('.prose').getByText(`It holds ${int(lines.length)} names`)).toBeVisible();
  expect(problems).toEqual([]);
});

test('searching by keyboard shows the number of matches this test counts in names.txt', async ({ page, request }) => {
  const problems = watchConsole(page);
  const { docs } = await servedNames(request);
  await page.goto(url);
  const explorer = await hydrated(page, '.explorer');

  // reach the search box from the button before it, by keyboard only
  await explorer.getByRole('button', { name: 'New samples' }).focus();
  await page.keyboard.press('Tab');
  const box = explorer.getByLabel('Letters to look for');
  await expect(box).toBeFocused();
  await page.keyboard.type('ann');
  const contains = docs.filter((d) => d.includes('ann'));
  const count = explorer.locator('p.count');
  await expect(count).toHaveText(new RegExp(`^${int(contains.length)} names contain “ann”`));
  const shown = await explorer.getByRole('list', { name: 'Matching names' }).getByRole('listitem').allTextContents();
  expect(shown.length).toBe(Math.min(40, contains.length));
  expect(shown).toEqual(contains.slice(0, shown.length));

  // switch to prefix matching with the arrow keys on the radio group
  await explorer.getByRole('radio', { name: 'anywhere' }).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(explorer.getByRole('radio', { name: 'at the start' })).toBeChecked();
  const starts = docs.filter((d) => d.startsWith('ann'));
  await expect(count).toHaveText(new RegExp(`^${int(starts.length)} names start with “ann”`));

  // case does not matter; a character outside a–z gets a clear message
  await box.fill('ANN');
  await expect(count).toHaveText(new RegExp(`^${int(starts.length)} names start with “ann”`));
  await box.focus();
  await page.keyboard.type('3');
  await expect(explorer.getByRole('alert')).toHaveText(/“3” is not one of the letters a–z/);
  await expect(count).toHaveText('No names match.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  // letters of a–z that no name holds: said in words, not "0 names"
  const none = 'qqqq';
  expect(docs.some((d) => d.includes(none))).toBe(false);
  await box.fill(none);
  await expect(count).toHaveText(/^No names (contain|start with) “qqqq”\.$/);
  expect(problems).toEqual([]);
});

test('"New samples" by Enter, Space and mouse draws the seeded sample of real names', async ({ page, request }) => {
  const problems = watchConsole(page);
  const { docs } = await servedNames(request);
  const real = new Set(docs);
  await page.goto(url);
  const explorer = await hydrated(page, '.explorer');
  const sample = explorer.getByRole('list', { name: 'Random sample of names' }).getByRole('listitem');
  const button = explorer.getByRole('button', { name: 'New samples' });

  expect(await sample.allTextContents()).toEqual(sampleDocuments(docs, 12, 1));
  const press = [async () => { await button.focus(); await page.keyboard.press('Enter'); },
    async () => { await button.focus(); await page.keyboard.press('Space'); },
    async () => { await button.click(); }];
  let before = await sample.allTextContents();
  for (let i = 0; i < press.length; i++) {
    await press[i]();
    const seed = i + 2;
    await expect(explorer.getByText(new RegExp(`^Drawn with seed ${seed}:`))).toBeVisible();
    const now = await sample.allTextContents();
    expect(now).not.toEqual(before);
    expect(now).toHaveLength(12);
    expect(now.every((n) => real.has(n))).toBe(true);
    expect(now).toEqual(sampleDocuments(docs, 12, seed)); // reproducible: the engine's seeded generator
    before = now;
  }
  expect(problems).toEqual([]);
});

test('the character chart counts last letters, as its table shows', async ({ page, request }) => {
  const { docs } = await servedNames(request);
  await page.goto(url);
  const explorer = await hydrated(page, '.explorer');
  await explorer.getByRole('radio', { name: 'as the last' }).click();
  const chart = page.getByRole('img', { name: /as the last character/ });
  await expect(explorer.locator(chart)).toBeVisible();
  const endsA = docs.filter((d) => d.endsWith('a')).length;
  const table = explorer.locator('section', { has: chart }).locator('details');
  await table.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('row', { name: /^a\b/ })).toContainText(int(endsA));
});

test('a pasted dataset is summarised, offered to the explorer, kept across a reload, and reset', async ({ page }) => {
  const problems = watchConsole(page);
  const text = 'Rex\nfido\n\n   milo   \nZoë the Great\nbartholomewthethird\n';
  // computed here the way microgpt does it
  const docs = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const chars = [...new Set([...docs.join('')])].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const longest = Math.max(...docs.map((d) => [...d].length));
  const over = docs.filter((d) => [...d].length > 15).length;

  await page.goto(url);
  const explorer = await hydrated(page, '.explorer'); // hydrated first: it must hear about the upload
  await expect(explorer.getByRole('radio', { name: /your dataset/ })).toHaveCount(0);
  const upload = await hydrated(page, '.upload');
  await expect(upload.getByTestId('du-in-use')).toHaveText(/the shipped names/);
  await upload.getByLabel('Paste documents, one per line').fill(text);
  await upload.getByRole('button', { name: 'Use this text' }).click();
  await expect(upload.getByTestId('du-docs')).toHaveText(int(docs.length));
  await expect(upload.getByTestId('du-vocab')).toHaveText(String(chars.length + 1));
  await expect(upload.getByTestId('du-longest-length')).toHaveText(String(longest));
  await expect(upload.getByTestId('du-over')).toContainText(`${over} document`);
  await expect(upload.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${docs.length} documents)`);

  // the explorer offers it, and shows its numbers when chosen
  await explorer.scrollIntoViewIfNeeded();
  const theirs = explorer.getByRole('radio', { name: /your dataset “pasted text”/ });
  await theirs.focus();
  await page.keyboard.press('Space');
  await expect(theirs).toBeChecked();
  await expect(explorer.getByTestId('dx-count')).toHaveText(String(docs.length));

  // kept locally: still there after a reload
  await page.reload();
  const again = await hydrated(page, '.upload');
  await expect(again.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${docs.length} documents)`);
  await expect(again.getByTestId('du-docs')).toHaveText(int(docs.length));

  // reset by keyboard: back to the default, and it stays that way
  await again.getByRole('button', { name: 'Reset to the default dataset' }).focus();
  await page.keyboard.press('Enter');
  await expect(again.getByTestId('du-in-use')).toHaveText(/the shipped names/);
  await expect(again.getByTestId('du-docs')).toHaveCount(0);
  await page.reload();
  await expect((await hydrated(page, '.upload')).getByTestId('du-in-use')).toHaveText(/the shipped names/);
  const exp = await hydrated(page, '.explorer');
  await expect(exp.getByRole('radio', { name: /your dataset/ })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('empty, oversized, binary and too-long input is refused with a reason, and the default stays in use', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(url);
  const upload = await hydrated(page, '.upload');
  const alert = upload.getByRole('alert');
  const box = upload.getByLabel('Paste documents, one per line');

  await box.fill('   \n\n\t\n');
  await box.press('Tab');
  await page.keyboard.press('Enter'); // Tab lands on "Use this text"
  await expect(alert).toContainText('no documents');

  await box.fill(`ok\n${'x'.repeat(1001)}\n`);
  await upload.getByRole('button', { name: 'Use this text' }).click();
  await expect(alert).toContainText('Line 2 has 1,001 characters; the limit is 1,000');

  const file = upload.getByLabel('Open a text file');
  await file.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') });
  await expect(alert).toContainText('“big.txt” was not used');
  await expect(alert).toContainText('the limit is 2.0 MiB');

  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  await file.setInputFiles({ name: 'picture.png', mimeType: 'image/png', buffer: binary });
  await expect(alert).toContainText('“picture.png” was not used');
  await expect(alert).toContainText('binary');

  await expect(upload.getByTestId('du-in-use')).toHaveText(/the shipped names/);

  // a good file after the refusals is accepted
  await file.setInputFiles({ name: 'pets.txt', mimeType: 'text/plain', buffer: Buffer.from('rex\nfido\nmilo\n') });
  await expect(upload.getByTestId('du-in-use')).toHaveText('your dataset “pets.txt” (3 documents)');
  await expect(alert).toHaveText('');
  expect(problems).toEqual([]);
});

test('a paste too large to show is held and summarised, kept across a reload, and used, cleared or edited by keyboard', async ({ page }) => {
  const problems = watchConsole(page);
  // 20,000 distinct names of 7 letters: 160,000 characters, past what the box shows (holdInsert)
  const names = Array.from({ length: 20_000 }, (_, i) => `n${String(i).padStart(6, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`);
  const text = names.join('\n');
  expect(text.length).toBeGreaterThan(holdInsert);
  const polite = (w: Locator) => w.locator('[aria-live="polite"]');

  await page.goto(url);
  let upload = await hydrated(page, '.upload');
  const box = () => upload.getByLabel('Paste documents, one per line');
  const pasteBig = async () => {
    await box().focus();
    await page.keyboard.insertText(text);
  };
  const held = () => upload.getByTestId('du-held');
  const summary = `Pasted: ${int(names.length)} lines, ${bytes(text.length, 1)}`;

  // held, not put into the box: its summary takes the box's place, has the focus and is announced
  await pasteBig();
  await expect(held()).toContainText(summary);
  await expect(held()).toContainText(`${names[0]}\n${names[1]}\n${names[2]}\n…`);
  await expect(box()).toBeFocused();
  await expect(box()).toHaveAccessibleDescription(new RegExp(`^${summary}`));
  await expect(upload.getByRole('textbox')).toHaveCount(0);
  await expect(polite(upload)).toHaveText(new RegExp(`^${summary}`));

  // not used yet, and still there after a reload
  await page.reload();
  upload = await hydrated(page, '.upload');
  await expect(held()).toContainText(summary);
  await expect(upload.getByTestId('du-in-use')).toHaveText(/the shipped names/);

  // Tab from the summary: Edit as text, Clear, then Use this text, which uses it as typed text would be
  await held().focus();
  for (const name of ['Edit as text', 'Clear', 'Use this text']) {
    await page.keyboard.press('Tab');
    await expect(upload.getByRole('button', { name })).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(upload.getByTestId('du-docs')).toHaveText(int(names.length));
  await expect(upload.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${int(names.length)} documents)`);
  await expect(polite(upload)).toHaveText(/^Now using the pasted text: 20,000 documents/);

  // used, it is the kept dataset: a reload shows it in use, and the box empty
  await page.reload();
  upload = await hydrated(page, '.upload');
  await expect(upload.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${int(names.length)} documents)`);
  await expect(box()).toHaveValue('');

  // Clear: the box is back, empty and focused
  await pasteBig();
  await expect(held()).toContainText(summary);
  await upload.getByRole('button', { name: 'Clear' }).focus();
  await page.keyboard.press('Enter');
  await expect(held()).toHaveCount(0);
  await expect(box()).toBeFocused();
  await expect(box()).toHaveValue('');
  await expect(polite(upload)).toHaveText('Cleared: the box is empty.');

  // Edit as text: warned that it may be slow, then the whole text is in the box, focused
  await pasteBig();
  const edit = upload.getByRole('button', { name: 'Edit as text' });
  await expect(edit).toHaveAccessibleDescription(/can keep the page busy/);
  await edit.focus();
  await page.keyboard.press('Space');
  await expect(box()).toBeFocused();
  await expect(box()).toHaveValue(text);
  await expect(polite(upload)).toHaveText('The pasted text is in the box.');

  // all of it selected and deleted by the kit, not by the browser's editing (most of a minute for this much)
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(box()).toHaveValue('');

  await page.reload();
  upload = await hydrated(page, '.upload');
  await expect(held()).toHaveCount(0); // edited and cleared: nothing held comes back
  await upload.getByRole('button', { name: 'Reset to the default dataset' }).click();
  expect(problems).toEqual([]);
});

test('a paste over the held text’s summary takes its place: a short one in the box, a large one held', async ({ page, context }) => {
  const problems = watchConsole(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const big = (stem: string) => Array.from({ length: 20_000 }, (_, i) => `${stem}${String(i).padStart(6, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`).join('\n');
  await page.goto(url);
  const upload = await hydrated(page, '.upload');
  const box = upload.getByLabel('Paste documents, one per line');
  const held = upload.getByTestId('du-held');
  await box.focus();
  await page.keyboard.insertText(big('p'));
  await expect(held).toBeFocused();
  const pasteFromClipboard = async (text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('ControlOrMeta+v');
  };
  // a large paste: held in place of the first, its own first lines shown
  await pasteFromClipboard(big('q'));
  await expect(held).toContainText('qaaaaaa\nqaaaaab');
  // a paste longer than the box takes: refused with the limit, tied to the summary, which still holds the last
  await pasteFromClipboard('b'.repeat(textLimits.dataset + 1));
  const alert = upload.getByRole('alert');
  await expect(alert).toContainText(`It has ${int(textLimits.dataset + 1)} characters; the box takes at most ${int(textLimits.dataset)}. The text held before is kept.`);
  await expect(held).toHaveAttribute('aria-invalid', 'true');
  await expect(held).toContainText('qaaaaaa\nqaaaaab');
  // a short paste: the box is back, holding it
  await pasteFromClipboard('ada\ngrace');
  await expect(held).toHaveCount(0);
  await expect(box).toHaveValue('ada\ngrace');
  await expect(upload.locator('[aria-live="polite"]')).toHaveText('The pasted text is in the box, in place of the text held before.');
  expect(problems).toEqual([]);
});

test('exercise answers are hidden until their disclosure is opened by keyboard', async ({ page, request }) => {
  const { docs } = await servedNames(request);
  await page.goto(url);
  const exercise = page.locator('[data-exercise="how-many-documents"]');
  const answer = exercise.locator('details.answer');
  await expect(answer.locator('.body')).toBeHidden();
  await answer.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(answer.locator('.body')).toBeVisible();
  await expect(answer.locator('.body')).toContainText(int(docs.length));

  const longest = page.locator('[data-exercise="longest-name"] details.answer');
  await expect(longest.locator('.body')).toBeHidden();
  await longest.locator('summary').focus();
  await page.keyboard.press('Space');
  const max = Math.max(...docs.map((d) => d.length));
  await expect(longest.locator('.body')).toContainText(docs.filter((d) => d.length === max).join(', '));
});

test('the chapter has no accessibility violations, with a search shown, a dataset summarised and a large paste held, in both themes', async ({ page }) => {
  test.setTimeout(180_000); // axe in both themes is slow on a busy machine
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await page.goto(url);
  const explorer = await hydrated(page, '.explorer');
  await explorer.getByLabel('Letters to look for').fill('ann');
  await expect(explorer.locator('p.count')).toHaveText(/names contain/);
  const upload = await hydrated(page, '.upload');
  await upload.getByLabel('Paste documents, one per line').fill('rex\nfido\nbartholomewthethird\n');
  await upload.getByRole('button', { name: 'Use this text' }).click();
  await expect(upload.getByTestId('du-docs')).toHaveText('3');
  await upload.getByLabel('Paste documents, one per line').focus();
  await page.keyboard.insertText('rex\n'.repeat(holdInsert / 4 + 1));
  await expect(upload.getByTestId('du-held')).toContainText('Pasted: ');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
