// Hostile input on the site (issue 12), driven through the page as a reader would: variable
// names every object inherits, a dataset the browser cannot keep, a long name in the tokenizer
// playground. The engine (or the page's own logic, imported) is the oracle.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './lib/chapter.ts';
import { evaluateExpr, variableValues } from '../../src/viz/autograd/expr.ts';
import { nudge } from '../../src/viz/autograd/nudge.ts';
import { graphOf, gradientsOf } from '../../src/viz/autograd/value-graph.ts';
import { exprNodeViews } from '../../src/viz/autograd/graph-view.ts';
import { presets } from '../../src/engine/config.ts';
import { short } from '../../src/viz/shared/format.ts';

/** Fail the test on any console error or warning, or an uncaught exception. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function retype(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test.describe('chapter 4: inherited names are variables like any other', () => {
  test('the expression graph computes and backpropagates through constructor, __proto__ and toString', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/chapters/autograd/');
    const widget = page.locator('.expr-graph');
    await hydrated(page, widget);
    const src = 'constructor*__proto__ + toString';
    await retype(page, widget.getByLabel('Expression'), src);
    await retype(page, widget.getByLabel('__proto__ ='), '5');
    await retype(page, widget.getByLabel('toString ='), '0.5');

    const env = variableValues(['constructor', '__proto__', 'toString'], new Map([['__proto__', 5], ['toString', 0.5]]));
    const built = evaluateExpr(src, env);
    if (!built.ok) throw new Error(built.problem.message);
    const graph = graphOf(built.graph.root, built.graph.names);
    const after = exprNodeViews(graph, gradientsOf(graph));
    await expect(widget.locator('svg g[data-node]')).toHaveCount(graph.nodes.length);
    await widget.getByRole('button', { name: 'Run backward' }).press('Enter');
    await widget.getByText('The graph as a table').click();
    for (const v of after) {
      const row = widget.locator(`tr[data-node="${v.ref}"]`);
      await expect(row.locator('td').nth(1)).toHaveText(v.value!);
      if (v.kind !== 'const') await expect(row.locator('td').nth(2)).toHaveText(v.grad!);
    }
    await expect(widget.locator('tr[data-node]').filter({ hasText: '__proto__' })).not.toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('the nudge check nudges hasOwnProperty', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto('/chapters/autograd/');
    const widget = page.locator('.nudge');
    await hydrated(page, widget);
    await retype(page, widget.getByLabel('Output L ='), 'hasOwnProperty*hasOwnProperty');
    await widget.getByLabel('by h =').selectOption('0.1');
    const expected = nudge('hasOwnProperty*hasOwnProperty', variableValues(['hasOwnProperty'], new Map()), 'hasOwnProperty', 0.1);
    if (!expected.ok) throw new Error(expected.problem.message);
    await expect(widget.locator('dd[data-k="predicted"]')).toHaveText(`${short(expected.grad)} × 0.1 = ${short(expected.predicted)}`);
    expect(problems).toEqual([]);
  });
});

test.describe('chapter 1: a dataset kept in this browser is there after a reload, or refused with the reason', () => {
  const url = '/chapters/dataset/';

  for (const [what, error, reason] of [
    ['storage is off (setItem throws a SecurityError)', 'SecurityError', 'browser storage is turned off for this site'],
    ['storage is full (setItem throws QuotaExceededError)', 'QuotaExceededError', 'browser storage is full'],
  ] as const) {
    test(`when ${what}, the page says it is used on this page only, and the reload is not surprised`, async ({ page }) => {
      const problems = watchConsole(page);
      await page.addInitScript((name) => {
        const original = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key: string, value: string) {
          if (key.includes('dataset')) throw new DOMException('refused by the test', name);
          return original.call(this, key, value);
        };
      }, error);
      await page.goto(url);
      const upload = await hydrated(page, '.upload');
      await upload.getByLabel('Paste documents, one per line').fill('anna\nbob\ncleo\n');
      await upload.getByRole('button', { name: 'Use this text' }).click();
      await expect(upload.getByTestId('du-in-use')).toHaveText('your dataset “pasted text” (3 documents)');
      await expect(upload.locator('.warn')).toHaveText(`It could not be kept for your next visit (${reason}), so it is used on this page only.`);

      await page.reload();
      await expect((await hydrated(page, '.upload')).getByTestId('du-in-use')).toHaveText(/the shipped names/);
      expect(problems).toEqual([]);
    });
  }

  test('when storage is full, a paste too large to show is held and says it is not kept, and a reload does not bring it back', async ({ page }) => {
    const problems = watchConsole(page);
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.includes('dataset')) throw new DOMException('refused by the test', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.goto(url);
    let upload = await hydrated(page, '.upload');
    await upload.getByLabel('Paste documents, one per line').focus();
    await page.keyboard.insertText('anna\nbob\n'.repeat(20_000));
    const held = upload.getByTestId('du-held');
    await expect(held).toContainText('Pasted: 40,000 lines');
    await expect(held.locator('.warn')).toHaveText('It is not kept for your next visit (browser storage is full).');

    await page.reload();
    upload = await hydrated(page, '.upload');
    await expect(upload.getByTestId('du-held')).toHaveCount(0);
    await expect(upload.getByLabel('Paste documents, one per line')).toHaveValue('');
    expect(problems).toEqual([]);
  });

  test('a large dataset (just under the size limit) accepted as kept is there after a reload', async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(url);
    const upload = await hydrated(page, '.upload');
    // about 1.9 MiB of names, each line distinct
    const lines = Array.from({ length: 190_000 }, (_, i) => `n${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}x`);
    const text = lines.join('\n');
    // pasted in one go (as a paste does; typing it key by key would take hours)
    await upload.getByLabel('Paste documents, one per line').evaluate((el, t) => {
      (el as HTMLTextAreaElement).value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await upload.getByRole('button', { name: 'Use this text' }).click();
    await expect(upload.getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${(190_000).toLocaleString('en-US')} documents)`);
    await expect(upload.locator('.warn')).toHaveText('');

    await page.reload();
    await expect((await hydrated(page, '.upload')).getByTestId('du-in-use')).toHaveText(`your dataset “pasted text” (${(190_000).toLocaleString('en-US')} documents)`);
    await page.getByRole('button', { name: 'Reset to the default dataset' }).click();
    expect(problems).toEqual([]);
  });
});

test('chapter 2: a name longer than the context shows its untrained pairs greyed, with the reason', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/chapters/tokenizer/');
  const input = await hydrated(page, page.getByLabel('Text to tokenize'));
  const { blockSize } = presets.microgpt;
  const name = 'abcdefghijklmnopqrstuvwxyz';
  await input.fill(name);
  const pairs = page.locator('.playground .pair');
  await expect(pairs).toHaveCount(name.length + 1);
  await expect(page.locator('.playground .pair[data-beyond]')).toHaveCount(name.length + 1 - blockSize);
  await expect(pairs.nth(blockSize - 1)).not.toHaveAttribute('data-beyond');
  await expect(page.getByTestId('beyond-note')).toContainText(`microgpt trains on the first ${blockSize} pairs`);
  await expect(page.getByTestId('token-count')).toHaveText(`${name.length + 2} tokens`);

  // a character without an id is a chip but not a token: the count says both
  await input.fill('Emma');
  await expect(page.getByRole('list', { name: 'Tokens, with BOS on both sides' }).getByRole('listitem')).toHaveCount(6);
  await expect(page.getByTestId('token-count')).toHaveText('6 positions, 1 without an id');
  await expect(page.getByTestId('beyond-note')).toHaveCount(0);
  expect(problems).toEqual([]);
});
