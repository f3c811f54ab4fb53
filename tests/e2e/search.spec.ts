// The header's site search (issue 11): Pagefind's index, built from the finished pages and
// served by the site, driven by keyboard as a reader would. A glossary term finds its own entry
// and leads to its anchor; a phrase of a chapter finds the chapter's section that holds it;
// widgets' live text is not indexed; Pagefind's code loads only once the reader comes to the box.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Tab from the top of the page to the search box, as a keyboard reader does. */
async function tabToSearch(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search the book' });
  for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
}

/** Press Down until the focused result link goes to `href` (a reader going down the list). */
async function arrowTo(page: Page, href: string | RegExp): Promise<void> {
  const results = page.getByRole('list', { name: 'Search results' });
  const n = await results.getByRole('link').count();
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('ArrowDown');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    if (typeof href === 'string' ? at === href : href.test(at)) return;
  }
  throw new Error(`no result links to ${href}`);
}

// console errors and warnings of the test's page (none allowed)
let problems: string[] = [];
test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
});
test.afterEach(() => expect(problems, 'console errors and warnings').toEqual([]));

test('a glossary term is its own result, announced, and Enter on it opens the entry at its anchor', async ({ page }) => {
  // the entry as the glossary page shows it
  await page.goto('/glossary/');
  const id = 'backpropagation';
  const entry = { id, term: (await page.locator(`#${id} dt`).textContent())!.trim(), definition: (await page.locator(`#${id} dd`).textContent())!.trim() };
  const pagefindLoads: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/pagefind/')) pagefindLoads.push(r.url()); });
  await page.goto('/chapters/tokenizer/');
  expect(pagefindLoads, 'Pagefind loads before the reader comes to the search').toEqual([]);
  await tabToSearch(page);
  await expect.poll(() => pagefindLoads.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
  await page.keyboard.type(entry.term.toLowerCase());
  const status = page.locator('[data-site-search] [role="status"]');
  await expect(status).toHaveText(/^\d+ results? for “backpropagation”\./);
  const link = page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: `Glossary: ${entry.term}` });
  await expect(link).toHaveAttribute('href', `/glossary/#${entry.id}`);
  await arrowTo(page, `/glossary/#${entry.id}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/glossary/#${entry.id}$`));
  await expect(page.locator(`#${entry.id}:target`)).toContainText(entry.definition.slice(0, 40));
});

test('a phrase of a chapter finds the chapter and the section that holds it; the link opens that section', async ({ page }) => {
  await page.goto('/');
  await tabToSearch(page);
  await page.keyboard.type('depth-first search');
  const hit = page.getByRole('list', { name: 'Search results' }).locator('> li').filter({ has: page.getByRole('link', { name: /^Chapter \d+ of \d+: Autograd$/ }) });
  await expect(hit).toHaveCount(1);
  const section = hit.locator('a.section').first();
  const href = (await section.getAttribute('href'))!;
  expect(href).toMatch(/^\/chapters\/autograd\/#[a-z0-9-]+$/);
  const name = (await section.textContent())!.trim();
  await arrowTo(page, href);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  // the heading the link names, and the text of its section (up to the next heading) holds the phrase
  const id = href.split('#')[1];
  // the URL changes when the navigation starts; read the section once the new page holds it
  await expect(page.locator(`[id="${id}"]`)).toBeAttached();
  const text = await page.evaluate((hid) => {
    const h = document.getElementById(hid)!;
    const level = Number(h.tagName.slice(1));
    let out = '';
    for (let el = h.nextElementSibling; el && !(/^H[1-6]$/.test(el.tagName) && Number(el.tagName.slice(1)) <= level); el = el.nextElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) break; // a subsection is its own result
      out += ` ${el.textContent}`;
    }
    return { tag: h.tagName, heading: h.textContent!.trim(), out };
  }, id);
  expect(text.tag).toMatch(/^H[23]$/);
  expect(text.heading).toBe(name);
  expect(text.out.toLowerCase()).toContain('depth-first search');
});

test('widgets\' live text is not indexed: a name the home page\'s generator shows does not find the home page', async ({ page }) => {
  await page.goto('/');
  // a name in the generator's still picture (the model's samples at build time) that the prose does not hold
  const prose = await page.locator('main').evaluate((m) => {
    const copy = m.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('astro-island, [data-pagefind-ignore]').forEach((el) => el.remove());
    return copy.textContent!.toLowerCase();
  });
  const shown = (await page.locator('.name-generator .names li').allTextContents()).map((t) => t.trim().toLowerCase());
  const name = shown.find((n) => n.length >= 4 && !prose.includes(n));
  expect(name, `a generated name not in the prose, among ${shown.join(', ')}`).toBeTruthy();
  await tabToSearch(page);
  await page.keyboard.type(name!);
  const status = page.locator('[data-site-search] [role="status"]');
  await expect(status).toHaveText(/^(No results|\d+ results?) for/);
  const hrefs = await page.getByRole('list', { name: 'Search results' }).locator('a.hit').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).not.toContain('/');
});

test('Escape closes the results and keeps the keyboard in the box; the list reopens on focus', async ({ page }) => {
  await page.goto('/glossary/');
  await tabToSearch(page);
  await page.keyboard.type('softmax');
  const list = page.getByRole('list', { name: 'Search results' });
  await expect(list.getByRole('link').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search the book' })).toBeFocused();
  await expect(page.getByRole('searchbox', { name: 'Search the book' })).toHaveValue('softmax');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(list.getByRole('link').first()).toBeVisible();
});

test('the open results pass axe in the light theme and the dark theme, and stay inside a 375 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/chapters/autograd/');
  await tabToSearch(page);
  await page.keyboard.type('gradient');
  const panel = page.locator('[data-search-panel]');
  await expect(panel.getByRole('link').first()).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
    const { violations } = await new AxeBuilder({ page }).include('[data-site-search]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
