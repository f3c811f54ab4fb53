// The teacher's page: every exercise of the book by chapter, as the chapters show them,
// answers hidden, printing without answers unless asked, and this browser's progress per chapter.

import { expect, test, type Page } from '@playwright/test';
import { chapterHref, chapterPlan, extraHref } from '../../src/components/chapters.ts';
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

/** Each exercise's number as its label shows it, and the data the build gave it, in page order, inside `scope`. */
const numbersIn = (page: Page, scope: string) =>
  page.locator(`${scope} .exercise`).evaluateAll((els) =>
    els.map((el) => ({
      id: (el as HTMLElement).dataset.exercise!,
      number: (el as HTMLElement).dataset.exerciseNumber!,
      // the label's text without its "answer seen" note (hidden unless seen)
      label: [...el.querySelector('.label')!.childNodes].filter((n) => !(n as Element).classList?.contains('revealed-note')).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim(),
    })),
  );

/** How many answers a printer would show. */
const printedAnswers = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('.exercise .answer .body')].filter((el) => el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0).length);

test('every chapter’s exercises are there, in order, with the chapter’s own question, hint and answer', async ({ page }) => {
  const teacher = new Map<string, Awaited<ReturnType<typeof exercisesIn>>>();
  await page.goto('/teacher/');
  // the chapters, then the page after them that has exercises
  const pages = [...chapters.map((slug) => ({ slug, href: chapterHref(slug) })), { slug: 'epilogue', href: extraHref('epilogue') }];
  for (const { slug } of pages) teacher.set(slug, await exercisesIn(page, `[data-exercises-of="${slug}"]`));
  let total = 0;
  for (const { slug, href } of pages) {
    await page.goto(href);
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

test('every exercise is numbered by its chapter and place, the same in the chapter and here', async ({ page }) => {
  await page.goto('/teacher/');
  const teacher = new Map<string, Awaited<ReturnType<typeof numbersIn>>>();
  for (const slug of chapters) teacher.set(slug, await numbersIn(page, `[data-exercises-of="${slug}"]`));
  const epilogue = await numbersIn(page, '[data-exercises-of="epilogue"]');
  expect(epilogue.map((e) => e.number)).toEqual(epilogue.map((_, i) => `E.${i + 1}`));
  for (const slug of chapters) {
    const order = chapterPlan.find((c) => c.slug === slug)!.order;
    const here = teacher.get(slug)!;
    expect(here.length, slug).toBeGreaterThan(0);
    expect(here.map((e) => e.number)).toEqual(here.map((_, i) => `${order}.${i + 1}`));
    for (const e of here) expect(e.label).toBe(`Exercise ${e.number}`);
    await page.goto(chapterHref(slug));
    expect(await numbersIn(page, 'article'), slug).toEqual(here);
  }
});

test('each exercise links back to its place in its chapter, inside the section it sits in, and to the section it draws on', async ({ page }) => {
  await page.goto('/teacher/');
  const links = await page.locator('.exercise').evaluateAll((els) =>
    els.map((el) => {
      const from = el.querySelector('[data-exercise-from]')!;
      const place = from.querySelector<HTMLAnchorElement>('a[data-section]')!;
      const about = from.querySelector<HTMLAnchorElement>('a[data-about]');
      return {
        id: (el as HTMLElement).dataset.exercise!,
        text: from.textContent!.replace(/\s+/g, ' ').trim(),
        place: place.getAttribute('href')!,
        section: place.dataset.section!,
        sectionTitle: place.textContent!,
        about: about ? { href: about.getAttribute('href')!, title: about.textContent! } : null,
      };
    }),
  );
  expect(links.length).toBe(await page.locator('.exercise').count());
  // the exercises that cannot be read without their chapter say what they draw on
  for (const id of ['relu-minus-one', 'no-relu-collapse', 'graph-count', 'equal-weights', 'query-at-origin', 'smoothing-loss']) {
    expect(links.find((l) => l.id === id)?.about, id).not.toBeNull();
  }
  const pages = [...chapters.map((slug) => ({ href: chapterHref(slug), label: `chapter ${chapterPlan.find((c) => c.slug === slug)!.order}` })), { href: extraHref('epilogue'), label: 'the epilogue' }];
  for (const { href, label } of pages) {
    const mine = links.filter((l) => l.place.startsWith(href));
    expect(mine.length, href).toBeGreaterThan(0);
    await page.goto(href);
    for (const l of mine) {
      expect(l.place).toBe(`${href}#exercise-${l.id}`);
      expect(l.text.startsWith(`From ${label}, section ${l.sectionTitle}`), l.text).toBe(true);
      // on the chapter page: the target is this exercise, and the nearest heading above it is the section named
      const nearest = await page.locator(`#exercise-${l.id}`).evaluate((el) => {
        const heads = [...document.querySelectorAll('article h2[id], article h3[id]')].filter((hd) => hd.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        const hd = heads.at(-1)!;
        return { id: hd.id, text: hd.textContent!.trim() };
      });
      expect(nearest, l.id).toEqual({ id: l.section, text: l.sectionTitle });
      if (l.about) {
        expect(l.about.href.startsWith(`${href}#`)).toBe(true);
        await expect(page.locator(`article :is(h2, h3)#${l.about.href.split('#')[1]}`), l.id).toHaveText(l.about.title);
      }
    }
    // the chapter itself does not link to itself
    await expect(page.locator('article [data-exercise-from]')).toHaveCount(0);
  }
  // following a link by keyboard lands on the exercise in its chapter
  await page.goto('/teacher/');
  const link = page.locator('.exercise[data-exercise="relu-minus-one"] a[data-section]');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/chapters\/neuron\/#exercise-relu-minus-one$/);
  await expect(page.locator('#exercise-relu-minus-one')).toBeInViewport();
  await expect(page.locator('#exercise-relu-minus-one .label')).toHaveText(/^Exercise 3\.\d+/);
});

test('printed, every exercise shows its number and where it comes from', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/teacher/');
  const printed = await page.locator('.exercise').evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector<HTMLElement>('.label')!;
      const from = el.querySelector<HTMLElement>('[data-exercise-from]')!;
      return { visible: label.checkVisibility({ checkVisibilityCSS: true }) && from.checkVisibility({ checkVisibilityCSS: true }), label: label.innerText.trim().toLowerCase(), number: (el as HTMLElement).dataset.exerciseNumber };
    }),
  );
  expect(printed.length).toBeGreaterThan(0);
  for (const p of printed) expect(p).toEqual({ visible: true, label: `exercise ${p.number}`.toLowerCase(), number: p.number });
  await expect(page.getByRole('button', { name: 'Show all answers' })).toBeHidden();
});

test('each exercise’s controls are told apart by its number', async ({ page }) => {
  await page.goto('/teacher/');
  const total = await page.locator('.exercise').count();
  const ticks = await page.locator('.exercise .solved-row label').evaluateAll((els) => els.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()));
  expect(new Set(ticks).size).toBe(total);
  await expect(page.getByRole('checkbox', { name: 'I solved this (exercise 3.3)', exact: true })).toBeVisible();
  const answers = await page.locator('.exercise details.answer summary').evaluateAll((els) => els.map((el) => el.querySelector('.visually-hidden')!.textContent));
  expect(new Set(answers).size).toBe(total);
  await expect(page.locator('.exercise[data-exercise-number="3.3"] details.answer summary')).toHaveAccessibleName('Show answer to exercise 3.3');
  await expect(page.locator('.exercise[data-exercise-number="3.3"] details.hint summary')).toHaveAccessibleName('Hint for exercise 3.3');
});

test('all answers open for review and close again, and are not counted as seen', async ({ page }) => {
  await page.goto('/teacher/');
  const answers = page.locator('.exercise .answer .body');
  const total = await answers.count();
  const review = page.getByRole('button', { name: 'Show all answers' });
  await expect(review).toHaveAttribute('aria-pressed', 'false');
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(review).toHaveAttribute('aria-pressed', 'true');
  for (const body of await answers.all()) await expect(body).toBeVisible();
  const [first] = chapters;
  const progress = page.locator(`[data-exercises-of="${first}"] [data-progress]`);
  await expect(progress).toHaveAttribute('aria-live', 'polite');
  await expect(progress).toContainText('0 answers seen');
  await page.keyboard.press('Enter');
  await expect(review).toHaveAttribute('aria-pressed', 'false');
  for (const body of await answers.all()) await expect(body).toBeHidden();
  // an answer the teacher opens by hand afterwards counts, as in the chapter
  await page.locator(`[data-exercises-of="${first}"] details.answer summary`).first().click();
  await expect(progress).toContainText(' 1 answer seen');
  await page.reload();
  await expect(progress).toContainText(' 1 answer seen');
  expect(total).toBeGreaterThan(1);
});
