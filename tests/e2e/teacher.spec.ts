// The teacher's page: every exercise of the book by chapter, as the chapters show them,
// answers hidden, printing without answers unless asked, and this browser's progress per chapter.

import { expect, test, type Page } from '@playwright/test';
import { chapterHref } from '../../src/components/chapters.ts';
import { builtChapterSlugs } from '../../scripts/site/site-pages.ts';

const chapters = builtChapterSlugs();

/** Each exercise's id and its question and hint text, in page order, inside `scope`. */
const exercisesIn = (page: Page, scope: string) =>
  page.locator(`${scope} .exercise`).evaluateAll((els) =>
    els.map((el) => ({
      id: (el as HTMLElement).dataset.exercise,
      question: el.querySelector('.question')!.innerHTML,
      hint: el.querySelector('.hint .body')?.innerHTML ?? null,
      answer: el.querySelector('.answer .body')!.innerHTML,
    })),
  );

/** How many answers a printer would show. */
const printedAnswers = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.exercise .answer .body')].filter((el) => el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0).length);

test('every chapter’s exercises are there, in order, with the chapter’s own question, hint and answer', async ({ page }) => {
  const teacher = new Map<string, Awaited<ReturnType<typeof exercisesIn>>>();
  await page.goto('/teacher/');
  for (const slug of chapters) teacher.set(slug, await exercisesIn(page, `[data-exercises-of="${slug}"]`));
  let total = 0;
  for (const slug of chapters) {
    await page.goto(chapterHref(slug));
    const inChapter = await exercisesIn(page, 'article');
    total += inChapter.length;
    expect(teacher.get(slug) ?? [], `chapter ${slug}`).toEqual(inChapter);
  }
  await page.goto('/teacher/');
  expect(total).toBeGreaterThan(0);
  await expect(page.locator('.exercise')).toHaveCount(total);
  await expect(page.locator('main')).toContainText(`All ${total} exercises`);
  // no widget of a chapter comes along
  await expect(page.locator('astro-island')).toHaveCount(0);
});

test('answers are hidden until opened, by keyboard, as in a chapter', async ({ page }) => {
  await page.goto('/teacher/');
  const answers = page.locator('.exercise .answer .body');
  for (const body of await answers.all()) await expect(body).toBeHidden();
  const summary = page.locator('.exercise details.answer summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(answers.first()).toBeVisible();
  await expect(answers.nth(1)).toBeHidden();
});

test('prints without answers by default', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/teacher/');
  await expect(page.locator('header.site')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print with answers' })).toBeHidden();
  const questions = page.locator('.exercise .question');
  await expect(questions.first()).toBeVisible();
  expect(await printedAnswers(page)).toBe(0);
});

test('prints with every answer when asked, with the keyboard, and only for that print', async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      document.documentElement.dataset.printedWithAnswers = String(document.documentElement.classList.contains('print-answers'));
    };
  });
  await page.goto('/teacher/');
  const total = await page.locator('.exercise').count();
  await page.getByRole('button', { name: 'Print with answers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-printed-with-answers', 'true');
  await page.emulateMedia({ media: 'print' });
  expect(await printedAnswers(page)).toBe(total);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await printedAnswers(page)).toBe(0);
});

test('shows what was marked in a chapter: solved and answers seen, per chapter', async ({ page }) => {
  test.skip(chapters.length < 2, 'needs two chapters');
  const [first, second] = chapters;
  await page.goto('/teacher/');
  const progress = (slug: string) => page.locator(`[data-exercises-of="${slug}"] [data-progress]`);
  const total = async (slug: string) => page.locator(`[data-exercises-of="${slug}"] .exercise`).count();
  const [n1, n2] = [await total(first), await total(second)];
  await expect(progress(first)).toHaveText(` · 0 of ${n1} solved, 0 answers seen`);

  await page.goto(chapterHref(first));
  const exercises = page.locator('article .exercise');
  await exercises.nth(0).getByRole('checkbox', { name: 'I solved this' }).check();
  await exercises.nth(1).getByRole('checkbox', { name: 'I solved this' }).check();
  await exercises.nth(1).locator('details.answer summary').click();
  await page.goto('/teacher/');
  await expect(progress(first)).toHaveText(` · 2 of ${n1} solved, 1 answer seen`);
  await expect(progress(second)).toHaveText(` · 0 of ${n2} solved, 0 answers seen`);
  // the ticks show here too, and ticking here counts for that chapter
  const here = page.locator(`[data-exercises-of="${first}"] .exercise`);
  await expect(here.nth(0).getByRole('checkbox', { name: 'I solved this' })).toBeChecked();
  await expect(here.nth(1).locator('.revealed-note')).toBeVisible();
  await page.locator(`[data-exercises-of="${second}"] .exercise`).first().getByRole('checkbox', { name: 'I solved this' }).check();
  await expect(progress(second)).toHaveText(` · 1 of ${n2} solved, 0 answers seen`);
  await page.goto('/');
  await expect(page.locator(`[data-toc] li[data-chapter-slug="${second}"] [data-progress]`)).toHaveText(`Not visited yet · 1 of ${n2} solved, 0 answers seen`);
});

test('the home page and every page’s footer link to it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main').getByRole('link', { name: 'The teacher’s page' }).or(page.locator('main a[href="/teacher/"]'))).toHaveAttribute('href', '/teacher/');
  await page.goto(chapterHref(chapters[0]));
  await page.locator('footer.site a[href="/teacher/"]').click();
  await expect(page).toHaveURL(/\/teacher\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('For teachers: every exercise');
});
