// Printing a chapter: the site's navigation stays off the paper, and the exercise answers
// stay hidden on a reader's copy. A teacher's copy with every answer comes from the
// "Print with answers" button at the chapter's end, or from opening the page with ?answers=print.

import { expect, test, type Page } from '@playwright/test';
import { chapterHref } from '../../src/components/chapters.ts';
import { builtChapterSlugs } from '../../scripts/site/site-pages.ts';

/** How many exercises, and how many of their answers and hints a printer would show. */
const printed = (page: Page) =>
  page.evaluate(() => {
    const shown = (el: Element) => el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0;
    const all = (sel: string) => [...document.querySelectorAll(sel)];
    return {
      exercises: all('.exercise').length,
      questions: all('.exercise .question').filter(shown).length,
      hints: { all: all('.exercise .hint .body').length, shown: all('.exercise .hint .body').filter(shown).length },
      answers: all('.exercise .answer .body').filter(shown).length,
    };
  });

for (const slug of builtChapterSlugs()) {
  test.describe(`chapter ${slug} on paper`, () => {
    test('leaves out the site navigation and the answers, and keeps every question and hint', async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(chapterHref(slug));
      await expect(page.locator('header.site')).toBeHidden();
      await expect(page.locator('footer.site')).toBeHidden();
      for (const nav of await page.locator('nav').all()) await expect(nav).toBeHidden();
      await expect(page.getByRole('button', { name: 'Print with answers' })).toBeHidden();
      const p = await printed(page);
      expect(p.questions).toBe(p.exercises);
      expect(p.hints.shown).toBe(p.hints.all);
      expect(p.answers).toBe(0);
    });

    test('prints every answer after “Print with answers” is pressed with the keyboard, and only for that print', async ({ page }) => {
      // record what the page looked like when it asked to print, instead of opening a dialog
      await page.addInitScript(() => {
        window.print = () => {
          document.documentElement.dataset.printedWithAnswers = String(document.documentElement.classList.contains('print-answers'));
        };
      });
      await page.goto(chapterHref(slug));
      const exercises = await page.locator('.exercise').count();
      test.skip(exercises === 0, 'no exercises in this chapter');
      const button = page.getByRole('button', { name: 'Print with answers' });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('html')).toHaveAttribute('data-printed-with-answers', 'true');

      await page.emulateMedia({ media: 'print' });
      expect((await printed(page)).answers).toBe(exercises);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect((await printed(page)).answers).toBe(0);
    });

    test('prints every answer, every time, when opened with ?answers=print', async ({ page }) => {
      await page.goto(`${chapterHref(slug)}?answers=print`);
      const exercises = await page.locator('.exercise').count();
      test.skip(exercises === 0, 'no exercises in this chapter');
      await expect(page.getByText('This visit prints with the answers')).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      expect((await printed(page)).answers).toBe(exercises);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect((await printed(page)).answers).toBe(exercises);
      await expect(page.locator('header.site')).toBeHidden();
    });
  });
}
