import { expect, test } from '@playwright/test';

test('a glossary term shows its definition on focus, inside the screen on a phone, and Escape dismisses it', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/chapters/dataset/');
  const term = page.locator('.term').first();
  const link = term.locator('a');
  const tip = term.locator('[role="tooltip"]');
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  await expect(link).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  const box = (await tip.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a glossary term links to its entry on the glossary page', async ({ page }) => {
  await page.goto('/chapters/dataset/');
  const link = page.locator('.term a').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/glossary\/#[a-z-]+$/);
  await link.click();
  await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeVisible();
});
