import { expect, test, type Locator, type Page } from '@playwright/test';

const chapter = '/chapters/dataset/';

/** The popup of a term is inside the viewport, with its margin. */
async function expectOnScreen(page: Page, tip: Locator): Promise<void> {
  const box = (await tip.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** The term whose word reaches furthest to the given side of the 375 px column, scrolled to mid-screen. */
async function termNearEdge(page: Page, side: 'left' | 'right'): Promise<Locator> {
  const words = page.locator('.term .word');
  const edges = await words.evaluateAll((ws) => ws.map((w) => {
    const r = w.getClientRects()[0];
    return { left: r.left, right: innerWidth - r.right };
  }));
  const pick = edges.map((e, i) => ({ i, gap: e[side] })).sort((a, b) => a.gap - b.gap)[0].i;
  const word = words.nth(pick);
  await word.evaluate((w) => window.scrollBy(0, w.getBoundingClientRect().top - innerHeight / 3));
  return word;
}

test('a glossary term shows its definition on focus, inside the screen on a phone, and Escape dismisses it', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(chapter);
  const term = page.locator('.term').first();
  const link = term.locator('.word');
  const tip = term.locator('.tip');
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  const described = (await link.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${described}"]`)).toContainText(':');
  // keyboard readers get no extra stop: the entry link inside is for touch
  await expect(term.locator('.more')).toBeHidden();
  await expectOnScreen(page, tip);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a term that wraps onto a second line opens its definition clear of both lines', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/chapters/neuron/');
  const words = page.locator('.term .word');
  const wrapped = (await words.evaluateAll((ws) => ws.map((w, i) => (w.getClientRects().length > 1 ? i : -1)))).filter((i) => i >= 0);
  expect(wrapped.length).toBeGreaterThan(0);
  for (const i of wrapped) {
    const word = words.nth(i);
    // blocks above take their real size a frame after they come on screen: scroll until the word stays put
    await word.evaluate(async (w) => {
      for (let i = 0; i < 10; i++) {
        const off = w.getBoundingClientRect().top - innerHeight / 3;
        if (Math.abs(off) < 2) break;
        window.scrollBy(0, off);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
    });
    await word.focus();
    const tip = word.locator('xpath=..').locator('.tip');
    await expect(tip).toBeVisible();
    // blocks above may take their real size as they come on screen and move the word; the
    // popup follows it on the next frame
    const tipHandle = await tip.elementHandle();
    await expect.poll(() => word.evaluate((w, t) => {
      const r = t!.getBoundingClientRect();
      return [...w.getClientRects()].some((line) => line.bottom > r.top && line.top < r.bottom && line.right > r.left && line.left < r.right);
    }, tipHandle), { message: `the definition covers the word “${await word.textContent()}”` }).toBe(false);
    await page.keyboard.press('Escape');
  }
});

test('a glossary term links to its entry on the glossary page', async ({ page }) => {
  await page.goto(chapter);
  const link = page.locator('.term .word').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/glossary\/#[a-z-]+$/);
  await link.click();
  await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeVisible();
});

test('hovering a term with a mouse shows its definition, leaving hides it', async ({ page }) => {
  await page.goto(chapter);
  const term = page.locator('.term').first();
  await term.locator('.word').hover();
  await expect(term.locator('.tip')).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(term.locator('.tip')).toBeHidden();
});

test.describe('on a touch screen at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  for (const side of ['left', 'right'] as const) {
    test(`a tap on a term near the ${side} edge shows its definition on screen, with a link to the entry, and stays on the page`, async ({ page }) => {
      await page.goto(chapter);
      const word = await termNearEdge(page, side);
      const term = word.locator('xpath=..');
      const tip = term.locator('.tip');
      await word.tap();
      await expect(tip).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(chapter);
      await expectOnScreen(page, tip);
      const more = term.locator('.more');
      await expect(more).toBeVisible();
      await expect(more).toHaveAttribute('href', (await word.getAttribute('href'))!);
      await expect(more).toHaveAccessibleName(/^Glossary entry for /);
      // a second tap closes it
      await word.tap();
      await expect(tip).toBeHidden();
      expect(new URL(page.url()).pathname).toBe(chapter);
    });
  }

  test('a term near the bottom of the screen opens its definition above it', async ({ page }) => {
    await page.goto(chapter);
    const word = page.locator('.term .word').nth(1);
    // just above the page's bottom scroll padding, so focusing the word does not scroll it up
    await word.evaluate((w) => window.scrollBy(0, w.getBoundingClientRect().bottom - innerHeight + 72));
    await word.tap();
    const tip = word.locator('xpath=..').locator('.tip');
    await expect(tip).toBeVisible();
    await expectOnScreen(page, tip);
    expect((await tip.boundingBox())!.y).toBeLessThan((await word.boundingBox())!.y);
  });

  test('a tap elsewhere or Escape closes an open definition; the entry link leads to the glossary', async ({ page }) => {
    await page.goto(chapter);
    const word = await termNearEdge(page, 'left');
    const tip = word.locator('xpath=..').locator('.tip');
    await word.tap();
    await expect(tip).toBeVisible();
    await page.locator('h1').tap();
    await expect(tip).toBeHidden();
    await word.tap();
    await expect(tip).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await word.tap();
    const more = word.locator('xpath=..').locator('.more');
    const href = (await more.getAttribute('href'))!;
    await more.tap();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[#/]/g, '\\$&')}$`));
  });
});

test('each glossary entry the chapters use says where it is introduced, and the link leads to that section', async ({ page }) => {
  await page.goto('/glossary/');
  for (const [id, where] of [
    ['transformer', 'chapter 3, Neuron'], ['derivative', 'chapter 4, Autograd: “What a gradient measures”'],
    ['hidden-layer', 'chapter 3, Neuron'], ['target', 'chapter 2, Tokenizer'], ['weighted-sum', 'chapter 3, Neuron'],
    ['code-point', 'chapter 2, Tokenizer'], ['subword', 'chapter 2, Tokenizer'],
  ] as const) {
    await expect(page.locator(`[id="${id}"] .introduced`)).toContainText(`Introduced in ${where}`);
  }
  const link = page.locator('[id="derivative"] .introduced a');
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, '\\$&')}$`));
  const section = page.locator(`[id="${href.split('#')[1]}"]`);
  await expect(section).toHaveText(/What a gradient measures/);
  // the term itself is linked in that section of the chapter
  await expect(page.locator('.term .word[href="/glossary/#derivative"]').first()).toBeVisible();
});
