import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { microgptConfig } from '../../src/engine/config.ts';
import { initStateDict } from '../../src/engine/params.ts';
import { Random } from '../../src/engine/random.ts';
import { fixed, precise, subscript } from '../../src/viz/shared/format.ts';
import { runningExample, toyStep, type ToyPick } from '../../src/viz/toy/walkthrough.ts';
import facts from '../../src/generated/facts.json' with { type: 'json' };

// The oracles: model.ts read line by line here (which lines do a block's work), a fresh
// initialisation of the shipped config (which matrices exist, their shapes), and the engine's
// toy step for the pick the page shows (every number of the map).

openChapterForEachTest('/chapters/mlp/');

/**
 * Scroll a widget into view and wait for its island. Blocks above it are laid out only when
 * near the screen (content-visibility), so one scroll can land short: scroll until it is in view.
 */
async function shown(page: Page, selector: string): Promise<Locator> {
  const root = page.locator(selector);
  await expect.poll(async () => {
    await root.scrollIntoViewIfNeeded();
    return root.evaluate((e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  }).toBe(true);
  return hydrated(page, root);
}

const file = readFileSync('src/engine/model.ts', 'utf8').split('\n');
/** The 1-based number of the one line of model.ts containing `text`. */
function lineOf(text: string): number {
  const found = file.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  expect(found, text).toHaveLength(1);
  return found[0];
}
const sd = initStateDict(microgptConfig(facts.vocab.size), new Random(7));
const shape = (name: string) => `[${sd[name].length}][${sd[name][0].length}]`;

async function highlighted(widget: Locator): Promise<number[]> {
  return widget.locator('[data-detail] li[data-highlight]').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.line)));
}
async function entries(widget: Locator): Promise<string[]> {
  return widget.locator('[data-entry]').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.entry} ${e.querySelector('.shape')?.textContent}`));
}

test.describe('the GPT-2 block diagram', () => {
  test('a click on a block highlights the lines of gpt() that do its work and lists its state-dict entries', async ({ page }) => {
    const widget = await shown(page, '.widget.block-diagram');
    const cases: { id: string; lines: number[]; entries: string[] }[] = [
      { id: 'wte', lines: [lineOf("sd['wte'][token]"), lineOf('add(tokEmb, posEmb)')], entries: ['wte'] },
      { id: 'ln1', lines: [lineOf("rec?.('norm1'")], entries: [] },
      { id: 'gelu', lines: [lineOf('xi.relu()')], entries: [] },
      { id: 'fc2', lines: [lineOf('mlp_fc2`]')], entries: ['layer0.mlp_fc2'] },
      { id: 'head', lines: [lineOf("sd['lm_head']"), lineOf('return logits;')], entries: ['lm_head'] },
    ];
    for (const c of cases) {
      await widget.locator(`[data-block="${c.id}"]`).click();
      await expect(widget.locator(`[data-block="${c.id}"]`)).toHaveAttribute('aria-pressed', 'true');
      await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', c.id);
      expect(await highlighted(widget), c.id).toEqual(c.lines);
      for (const n of c.lines) await expect(widget.locator(`[data-line="${n}"] code`)).toHaveText(file[n - 1].trim());
      expect(await entries(widget), c.id).toEqual(c.entries.map((e) => `${e} ${shape(e)}`));
    }
    await expect(widget.locator('[aria-pressed="true"]')).toHaveCount(1);
  });

  test('attention highlights one run of lines, from q to W_o, and the four attention matrices at 16 × 16', async ({ page }) => {
    const widget = await shown(page, '.widget.block-diagram');
    await widget.locator('[data-block="attn"]').click();
    const lines = await highlighted(widget);
    expect(lines[0]).toBe(lineOf('const q = linear('));
    expect(lines.at(-1)).toBe(lineOf('attn_wo`]'));
    expect(lines).toContain(lineOf('softmax(attnLogits)'));
    expect(await entries(widget)).toEqual(['attn_wq', 'attn_wk', 'attn_wv', 'attn_wo'].map((m) => `layer0.${m} ${shape(`layer0.${m}`)}`));
  });

  test('a highlighted line stands out across its whole width, with a bar at its left edge, in light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const widget = await shown(page, '.widget.block-diagram');
      await widget.locator('[data-block="gelu"]').click();
      const line = widget.locator(`[data-detail] [data-line="${lineOf('xi.relu()')}"]`);
      const look = await line.evaluate((li) => {
        const code = li.querySelector('code')!;
        const plain = li.nextElementSibling as HTMLElement;
        return {
          code: getComputedStyle(code).backgroundColor, li: getComputedStyle(li).backgroundColor, plain: getComputedStyle(plain).backgroundColor,
          bar: parseFloat(getComputedStyle(li).borderLeftWidth),
        };
      });
      expect(look.code, scheme).toBe('rgba(0, 0, 0, 0)'); // the code's own background does not cover the tint
      expect(look.li, scheme).not.toBe(look.plain);
      expect(look.bar, scheme).toBeGreaterThanOrEqual(4);
    }
  });

  test('the keyboard selects blocks: one Tab stop, arrows, Home, End, and Enter or Space on a clicked-away block', async ({ page }) => {
    const widget = await shown(page, '.widget.block-diagram');
    const blocks = widget.locator('[data-block]');
    await expect(widget.locator('[data-block][tabindex="0"]')).toHaveCount(1);
    await blocks.first().focus();
    await page.keyboard.press('End');
    await expect(widget.locator('[data-block="head"]')).toBeFocused();
    await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', 'head');
    await page.keyboard.press('ArrowUp');
    await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', 'lnf');
    // the dropped final norm highlights no line of gpt(): only the place it would go, just above lm_head's
    expect(await highlighted(widget)).toEqual([]);
    const head = lineOf("sd['lm_head']");
    await expect(widget.locator('[data-detail] [data-insert-before]')).toHaveCount(1);
    await expect(widget.locator('[data-detail] [data-insert-before]')).toHaveAttribute('data-insert-before', String(head));
    await expect(widget.locator('[data-detail] [data-insert-before] + li')).toHaveAttribute('data-line', String(head));
    await expect(widget.locator('[data-detail] .where').first()).toHaveText(`Where it would go in gpt(), src/engine/model.ts: just before line ${head}:`);
    await expect(widget.locator('[data-detail] .note')).toContainText('one right after the embeddings');
    await expect(widget.locator('[data-entries-none]')).toBeVisible();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', 'dropout');
    await expect(widget.locator('[data-block="dropout"]')).toHaveAttribute('tabindex', '0');
    await expect(widget.locator('[data-detail] .note')).toContainText(`${facts.training.steps.toLocaleString('en-US')} steps`);
    await expect(widget.locator('[data-detail] .note')).toContainText('sets a random tenth');
    // the norm microgpt adds after the embeddings: its own part, tagged apart from the changed ones
    await page.keyboard.press('ArrowDown');
    await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', 'embnorm');
    expect(await highlighted(widget)).toEqual([lineOf("rec?.('embNorm'")]);
    await expect(widget.locator('[data-block="embnorm"] .tag')).toHaveText('added in microgpt');
    await expect(widget.locator('[data-detail] .microgpt')).toHaveText('In GPT-2: none; microgpt adds it.');
    const edge = (id: string) => widget.locator(`[data-block="${id}"]`).evaluate((e) => getComputedStyle(e).borderTopStyle);
    expect(await edge('embnorm')).toBe('double');
    expect(await edge('ln1')).not.toBe('double');
    // Enter and Space press the focused block (a button), selecting it again after a click elsewhere
    await widget.locator('[data-block="res1"]').click();
    await widget.locator('[data-block="layer"]').focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('[data-detail]')).toHaveAttribute('data-detail', 'layer');
    expect(await entries(widget)).toHaveLength(6);
    await widget.locator('[data-block="fc1"]').focus();
    await page.keyboard.press(' ');
    await expect(widget.locator('[data-block="fc1"]')).toHaveAttribute('aria-pressed', 'true');
    expect(await entries(widget)).toEqual([`layer0.mlp_fc1 ${shape('layer0.mlp_fc1')}`]);
  });
});

/** The numbers a map box shows, row by row. */
async function boxNumbers(map: Locator, id: string): Promise<string[][]> {
  return map.locator(`[data-box="${id}"] .values`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.num')].map((n) => n.textContent ?? '')));
}

async function expectMapShows(map: Locator, pick: ToyPick) {
  const s = toyStep(pick);
  const l = s.trace.layers[0];
  const h = l.heads[0];
  const expected: Record<string, number[][]> = {
    tokEmb: [s.trace.tokEmb], posEmb: [s.trace.posEmb], embSum: [s.trace.embSum], embNorm: [s.trace.embNorm],
    norm1: [l.norm1], q: [l.q], k: [l.k], v: [l.v], keys: s.cache.map((r) => r.key), values: s.cache.map((r) => r.value),
    scores: [h.scores], weights: [h.weights], head: [h.out], attnOut: [l.attnOut], afterAttn: [l.afterAttn],
    norm2: [l.norm2], mlpHidden: [l.mlpHidden], mlpRelu: [l.mlpRelu], mlpOut: [l.mlpOut], output: [l.output],
    logits: [s.trace.logits], probs: [s.probs],
  };
  await expect(map.locator('[data-box]')).toHaveCount(Object.keys(expected).length);
  for (const [id, rows] of Object.entries(expected)) {
    await expect.poll(() => boxNumbers(map, id), id).toEqual(rows.map((r) => r.map((x) => fixed(x))));
  }
}

async function pickToken(page: Page, label: string) {
  const picker = await hydrated(page, page.locator('.token-picker').last());
  await picker.getByRole('radio', { name: label, exact: true }).click();
}

test.describe('the model map', () => {
  test('names the hidden units h₀ to h₇, as the MLP section does', async ({ page }) => {
    const map = await shown(page, '.widget.model-map');
    const labels = await map.locator('[data-box="mlpHidden"] .col-label').allTextContents();
    expect(labels).toEqual(toyStep(runningExample).trace.layers[0].mlpHidden.map((_, i) => `h${subscript(i)}`));
    expect(labels[0]).toBe('h₀');
  });

  test('the prose prints the two norms in a row with enough decimals to tell them apart', async ({ page }) => {
    const l = toyStep(runningExample);
    const text = (xs: number[]) => `(${xs.map((x) => fixed(x, 6)).join(', ')})`;
    const a = text(l.trace.embNorm);
    const b = text(l.trace.layers[0].norm1);
    expect(a).not.toBe(b);
    const para = page.locator('p', { hasText: 'Two boxes in a row look alike' });
    await expect(para).toContainText(a);
    await expect(para).toContainText(b);
  });

  test('announces the reader’s moves in the map, never a change of pick', async ({ page }) => {
    const map = await shown(page, '.widget.model-map');
    const live = map.locator('[aria-live]');
    await pickToken(page, 'c');
    await expectMapShows(map, { ...runningExample, token: 3 });
    await page.waitForTimeout(1000); // longer than the announcer's pause
    await expect(live).toHaveText('');
    await map.locator('[data-box="tokEmb"]').focus();
    await page.keyboard.press('ArrowDown');
    const s = toyStep({ ...runningExample, token: 3 });
    const said = `Position embedding = wpe[2], a row of the table, looked up: (${s.trace.posEmb.map((x) => precise(x)).join(', ')}).`;
    await expect(live).toHaveText(said);
    await pickToken(page, 'a');
    await page.waitForTimeout(1000);
    await expect(live).toHaveText(said); // nothing new said for the pick
  });

  test('every box shows the engine’s numbers for the running example, and follows the token picker', async ({ page }) => {
    const map = await shown(page, '.widget.model-map');
    await expectMapShows(map, runningExample);
    await pickToken(page, 'c');
    await expectMapShows(map, { ...runningExample, token: 3 });
    const picker = page.locator('.token-picker').last();
    await picker.getByRole('radio', { name: '3', exact: true }).click();
    await picker.getByRole('radio', { name: 'computed', exact: true }).click();
    await expectMapShows(map, { token: 3, pos: 3, cache: 'computed' });
    await expect(map.locator('[data-box="keys"] .values')).toHaveCount(4);
  });

  test('the boxes take one Tab stop and move with the arrow keys; the bar shows the selected box’s exact numbers and sources', async ({ page }) => {
    const map = await shown(page, '.widget.model-map');
    const s = toyStep(runningExample);
    await expect(map.locator('[role="option"][tabindex="0"]')).toHaveCount(1);
    await map.locator('[data-box="tokEmb"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(map.locator('[data-box="embSum"]')).toBeFocused();
    await expect(map.locator('[data-box="embSum"]')).toHaveAttribute('aria-selected', 'true');
    await expect(map.locator('[data-detail]')).toContainText(`(${s.trace.embSum.map((x) => precise(x)).join(', ')})`);
    await expect(map.locator('[data-box="tokEmb"].source, [data-box="posEmb"].source')).toHaveCount(2);
    await page.keyboard.press('End');
    await expect(map.locator('[data-box="probs"]')).toBeFocused();
    await expect(map.locator('[data-detail]')).toContainText(`(${s.probs.map((x) => precise(x)).join(', ')})`);
    await page.keyboard.press('ArrowUp');
    await expect(map.locator('[data-detail]')).toHaveAttribute('data-detail', 'logits');
    // a click selects too: the residual add after attention reads the embeddings' norm and W_o's output
    await map.locator('[data-box="afterAttn"]').click();
    await expect(map.locator('.source')).toHaveCount(2);
    await expect(map.locator('[data-box="embNorm"]')).toHaveClass(/source/);
    await expect(map.locator('[data-box="attnOut"]')).toHaveClass(/source/);
  });

  test('lays out in one column on a phone and three side by side at 1280 px, never wider than the screen', async ({ page }) => {
    for (const [width, columns] of [[375, 1], [1280, 3]] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/chapters/mlp/'); // a new load at this width (a reload would restore the scroll position)
      const map = await shown(page, '.widget.model-map');
      const lefts = await map.locator('[data-column]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      expect(new Set(lefts).size, `${width} px`).toBe(columns);
      const right = await map.evaluate((e) => e.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});
