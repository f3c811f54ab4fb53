import { expect, test } from '@playwright/test';
import { sitePages } from '../../scripts/site/site-pages.ts';

const chapters = sitePages().map((p) => p.path).filter((p) => p.startsWith('/chapters/'));

for (const path of chapters) {
  test(`${path}: "on this page" lists every h2 after it, and every heading's anchor link lands on it`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(path);
    const nav = page.getByRole('navigation', { name: 'On this page' });
    await expect(nav).toBeVisible();
    const listed = await nav.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent!.trim() })));
    // the chapter's sections: the article's h2s after the list (not widgets' inner headings, nor
    // the print-with-answers box, a control that only a script shows)
    const sections = await page.locator('article > h2, article > section:not(.print-answers) > h2').evaluateAll((hs, navEl) => hs
      .filter((h) => navEl.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)
      .map((h) => ({ id: h.id, text: h.firstChild!.textContent!.trim() })), await nav.elementHandle());
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(listed).toContainEqual({ href: `#${s.id}`, text: s.text });

    for (const h of await page.locator('article h2:has(> .heading-anchor), article h3:has(> .heading-anchor)').all()) {
      const anchor = h.locator('> .heading-anchor');
      const id = (await h.getAttribute('id'))!;
      await expect(anchor).toHaveAttribute('href', `#${id}`);
      await expect(anchor).toHaveAccessibleName(`Link to section: ${(await h.evaluate((el) => el.firstChild!.textContent!)).trim()}`);
    }
    // following a link from the list, and a heading's own anchor, each bring its heading to the top
    for (const s of [sections[1], sections.at(-1)!]) {
      await nav.locator(`a[href="#${s.id}"]`).click();
      await expect(page).toHaveURL(new RegExp(`#${s.id}$`));
      const top = await page.locator(`[id="${s.id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(40);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const anchor = page.locator(`[id="${sections[2].id}"] > .heading-anchor`);
    await anchor.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${sections[2].id}$`));
    const top = await page.locator(`[id="${sections[2].id}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(40);
  });
}

test('"on this page" sets a subsection\'s entry like a section\'s: same size, weight, colour and no marker, only indented', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/chapters/autograd/');
  const look = (selector: string) => page.locator(selector).first().evaluate((a) => {
    const s = getComputedStyle(a);
    const li = getComputedStyle(a.parentElement!);
    return { left: a.getBoundingClientRect().left, style: [s.fontSize, s.fontWeight, s.color, li.listStyleType].join(' ') };
  });
  const section = await look('.on-this-page > ol > li > a');
  const subsection = await look('.on-this-page ol ol > li > a');
  expect(subsection.style).toBe(section.style);
  expect(subsection.left).toBeGreaterThan(section.left);
});
