// Every built page, after every island has hydrated, holds each id once, and every label,
// description and name reference points at an element that exists. Widgets take their ids
// from $props.id(), so a widget that appears several times on one page (chapter 3 has four
// neuron stages) never repeats one.

import { expect, test } from '@playwright/test';
import { visit } from '../../scripts/site/browse.ts';
import { sitePages } from '../../scripts/site/site-pages.ts';

for (const sp of sitePages()) {
  test(`page ${sp.path} has no id twice and no reference to a missing id`, async ({ page }) => {
    await visit(page, sp.path);
    const { repeated, dangling } = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const seen = new Set<string>();
      const repeated = new Set<string>();
      for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
      const refs = [...document.querySelectorAll('[for], [aria-describedby], [aria-labelledby], [aria-controls]')].flatMap((el) =>
        ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls'].flatMap((a) => (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean).map((id) => `${a}=${id}`)),
      );
      return { repeated: [...repeated], dangling: refs.filter((r) => !seen.has(r.split('=')[1])) };
    });
    expect(repeated, 'ids used more than once').toEqual([]);
    expect(dangling, 'references to ids that do not exist').toEqual([]);
  });
}
