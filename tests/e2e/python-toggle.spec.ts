// The TypeScript / Python switch on chapters' code regions, driven by mouse and keyboard, with
// and without JavaScript, and in print; and the Python twin served at /microgpt.py.

import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readRegion } from '../../src/components/code-regions.ts';
import { sitePages } from '../../scripts/site/site-pages.ts';

const chapter = '/chapters/autograd/';
/** The first block on the page whose Python twin is the named region of microgpt.py. */
const block = (page: Page, python: string) => page.locator(`figure.code-region[data-python="${python}"]`).first();
const pre = (figure: Locator, lang: 'ts' | 'py') => figure.locator(`.pane[data-lang="${lang}"] pre`);
/** The code a pane shows, as the reader sees it (Shiki splits it into line spans). */
const shownCode = async (figure: Locator, lang: 'ts' | 'py') => (await pre(figure, lang).innerText()).trimEnd();

test('the switch shows the TypeScript first; a click on Python shows the twin’s region, highlighted, and back', async ({ page }) => {
  await page.goto(chapter);
  const backward = block(page, 'backward');
  const group = backward.getByRole('group', { name: 'Show this code in' });
  await expect(group.getByRole('radio', { name: 'TypeScript' })).toBeChecked();
  await expect(pre(backward, 'ts')).toBeVisible();
  await expect(pre(backward, 'py')).toBeHidden();

  await group.getByText('Python', { exact: true }).click();
  await expect(group.getByRole('radio', { name: 'Python' })).toBeChecked();
  await expect(pre(backward, 'ts')).toBeHidden();
  await expect(pre(backward, 'py')).toBeVisible();
  expect(await shownCode(backward, 'py')).toBe(readRegion('src/engine/microgpt.py', 'backward').code);
  await expect(pre(backward, 'py').locator('span[style*="color"]').first()).toBeVisible(); // Shiki coloured it
  await expect(backward.locator('figcaption')).toContainText('microgpt.py, the Python twin, lines');

  await group.getByText('TypeScript', { exact: true }).click();
  await expect(pre(backward, 'ts')).toBeVisible();
  await expect(pre(backward, 'py')).toBeHidden();
  expect(await shownCode(backward, 'ts')).toBe(readRegion('src/engine/value.ts', 'backward').code);
});

test('the switch works by keyboard: Tab reaches it with a visible ring, arrow keys change the language', async ({ page }) => {
  await page.goto(chapter);
  const ops = block(page, 'ops');
  const ts = ops.getByRole('radio', { name: 'TypeScript' });
  const py = ops.getByRole('radio', { name: 'Python' });
  await ts.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // arrive by Tab, so the focus is keyboard focus
  await expect(ts).toBeFocused();
  const ring = await ops.locator('.langs label').first().evaluate((l) => getComputedStyle(l).outlineStyle);
  expect(ring).toBe('solid');

  await page.keyboard.press('ArrowRight');
  await expect(py).toBeFocused();
  await expect(py).toBeChecked();
  await expect(pre(ops, 'py')).toBeVisible();
  await expect(pre(ops, 'ts')).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(ts).toBeChecked();
  await expect(pre(ops, 'ts')).toBeVisible();
});

test('one choice holds for every block on the page', async ({ page }) => {
  await page.goto(chapter);
  await block(page, 'value-class').getByText('Python', { exact: true }).click();
  for (const region of ['value-class', 'ops', 'backward', 'topo']) {
    await expect(pre(block(page, region), 'py'), region).toBeVisible();
    await expect(pre(block(page, region), 'ts'), region).toBeHidden();
  }
});

test('the choice is remembered on the next chapter and after a reload, from the first paint', async ({ page }) => {
  await page.goto(chapter);
  await block(page, 'ops').getByText('Python', { exact: true }).click();
  await page.goto('/chapters/mlp/');
  const first = page.locator('figure.code-region[data-python]').first();
  await expect(first.getByRole('radio', { name: 'Python' })).toBeChecked();
  await expect(pre(first, 'py')).toBeVisible();
  await expect(pre(first, 'ts')).toBeHidden();
  // before any module script runs, the head script alone shows the Python
  await page.route('**/*.js', (route) => route.abort());
  await page.reload();
  await expect(pre(first, 'py')).toBeVisible();
  await expect(pre(first, 'ts')).toBeHidden();
  await page.unrouteAll();
  // and back to TypeScript, remembered too
  await page.reload();
  await first.getByText('TypeScript', { exact: true }).click();
  await page.goto(chapter);
  await expect(pre(block(page, 'ops'), 'ts')).toBeVisible();
  await expect(pre(block(page, 'ops'), 'py')).toBeHidden();
});

// at 320 px, Python's deep lines wrap: each line's code must start on its own first row, at its indent
for (const path of [chapter, '/chapters/mlp/']) {
  test(`${path} at 320 px in Python: a wrapped line shows no empty row and keeps its indent; its rows hang less than a block`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(path);
    await page.locator('figure.code-region[data-python]').first().getByText('Python', { exact: true }).click();
    const found = await page.locator('.pane[data-lang="py"] pre').evaluateAll((pres) => {
      const bad: string[] = [];
      let wrapped = 0;
      for (const pre of pres) {
        for (const line of pre.querySelectorAll<HTMLElement>('.line')) {
          const code = line.querySelector<HTMLElement>('.code-rest');
          if (!code) continue;
          const indent = line.querySelector<HTMLElement>('.code-indent');
          const columns = indent?.textContent?.length ?? 0;
          const ch = indent ? indent.getBoundingClientRect().width / columns : 0;
          const l = line.getBoundingClientRect();
          const c = code.getClientRects()[0];
          const rowHeight = parseFloat(getComputedStyle(line).lineHeight);
          if (Math.abs(c.top - l.top) > 1) bad.push(`starts below an empty row: ${code.textContent}`);
          if (Math.abs(c.left - (l.left + columns * ch)) > 1.5) bad.push(`starts at ${c.left - l.left} px, not its indent of ${columns} columns: ${code.textContent}`);
          if (c.height > rowHeight * 1.5) {
            wrapped++;
            // the rows after the first start 2 columns in from the code: less than a block's 4
            const hang = parseFloat(getComputedStyle(code).paddingInlineStart);
            if (!(hang > 0 && hang < 4 * (ch || 8))) bad.push(`hangs ${hang} px: ${code.textContent}`);
          }
        }
      }
      return { bad, wrapped };
    });
    expect(found.bad).toEqual([]);
    expect(found.wrapped, 'some Python lines wrap at 320 px').toBeGreaterThan(0);
  });
}

test('copying a wrapped Python line keeps its indentation', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(chapter);
  const topo = block(page, 'topo');
  await topo.getByText('Python', { exact: true }).click();
  expect(await shownCode(topo, 'py')).toBe(readRegion('src/engine/microgpt.py', 'topo').code);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the switch still changes the language of its block', async ({ page }) => {
    await page.goto(chapter);
    const topo = block(page, 'topo');
    await expect(pre(topo, 'ts')).toBeVisible();
    await topo.getByText('Python', { exact: true }).click();
    await expect(pre(topo, 'py')).toBeVisible();
    await expect(pre(topo, 'ts')).toBeHidden();
    expect(await shownCode(topo, 'py')).toBe(readRegion('src/engine/microgpt.py', 'topo').code);
  });
});

test('printing shows the TypeScript and no switch, even after choosing Python', async ({ page }) => {
  await page.goto(chapter);
  const ops = block(page, 'ops');
  await ops.getByText('Python', { exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(pre(ops, 'ts')).toBeVisible();
  await expect(pre(ops, 'py')).toBeHidden();
  await expect(ops.locator('.langs')).toBeHidden();
});

test('/microgpt.py is the Python twin, byte for byte, served as Python text', async ({ request, page }) => {
  const res = await request.get('/microgpt.py');
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe(readFileSync('src/engine/microgpt.py', 'utf8'));
  // and a chapter's Python caption links to it
  await page.goto(chapter);
  await expect(block(page, 'ops').locator('figcaption a[href="/microgpt.py"]')).toHaveCount(1);
});

// fit.spec.ts measures the code a reader first sees, the TypeScript; here, the Python
for (const sp of sitePages().filter((p) => readFileSync(p.file, 'utf8').includes('data-python='))) {
  for (const width of [1280, 320]) {
    test(`${sp.path} at ${width} px with Python chosen: no Python block is cut`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(sp.path);
      const first = page.locator('figure.code-region[data-python]').first();
      await first.getByText('Python', { exact: true }).click();
      await expect(pre(first, 'py')).toBeVisible();
      const cut = await page.locator('.pane[data-lang="py"] pre').evaluateAll((pres) =>
        pres.filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1).map((el) => (el.textContent ?? '').slice(0, 50)));
      expect(cut).toEqual([]);
      const hidden = await page.locator('.pane[data-lang="py"] pre').evaluateAll((pres) => pres.filter((el) => !el.checkVisibility()).length);
      expect(hidden, 'every block switched to Python').toBe(0);
    });
  }
}
