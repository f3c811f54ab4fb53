import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { FastGPT, FastTrainer, matrixShapes, parseDocuments, parseWeightsText, seededStart } from '../../src/engine/index.ts';
import { fixed, precise } from '../../src/viz/shared/format.ts';

// The engine is the oracle: the untrained start from seededStart (seed 42, the shipped names),
// the trained model from the shipped weights file, losses from FastGPT.loss, gradients from
// FastGPT.lossAndGrad and the after-step weights from FastTrainer, all run here in Node.

openChapterForEachTest('/chapters/training/');

const weights = parseWeightsText(readFileSync('public/data/model.json', 'utf8'));
const { config, tokenizer } = weights;
const names = parseDocuments(readFileSync('public/data/names.txt', 'utf8'));
const start = seededStart(names, config, 42);
const firstName = start.shuffled[0];
const lossOf = (sd: typeof start.stateDict, name: string) => new FastGPT(config, sd).loss(tokenizer.encodeDocument(name));

async function bars(page: import('@playwright/test').Page): Promise<Locator> {
  return hydrated(page, '.widget.surprisal-bars');
}

test.describe('the surprisal bars', () => {
  test('open on the first name of the run, untrained, with the mean the engine gives', async ({ page }) => {
    const w = await bars(page);
    await expect(w.getByLabel('A name to score')).toHaveValue(firstName);
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-mean', String(lossOf(start.stateDict, firstName)));
    await expect(w.locator('[data-pos]')).toHaveCount(firstName.length + 1);
  });

  test('score a typed name bar by bar, and switch models by mouse and keyboard', async ({ page }) => {
    const w = await bars(page);
    const field = w.getByLabel('A name to score');
    await field.fill('emma');
    const tokens = tokenizer.encodeDocument('emma');
    const untrained = new FastGPT(config, start.stateDict);
    const mean = untrained.loss(tokens);
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-mean', String(mean));
    await expect(w.locator('[data-mean-text]')).toHaveText(fixed(mean, 4));
    const V = config.vocabSize;
    const cols = w.locator('[data-pos]');
    await expect(cols).toHaveCount(5);
    for (let pos = 0; pos < 5; pos++) {
      const p = untrained.probs[pos * V + tokens[pos + 1]];
      await expect(cols.nth(pos)).toHaveAttribute('data-p', String(p));
      await expect(cols.nth(pos)).toHaveAttribute('data-surprisal', String(-Math.log(p)));
    }
    await w.getByRole('radio', { name: /^trained/ }).click();
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-model', 'trained');
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-mean', String(lossOf(weights.stateDict, 'emma')));
    // back with the keyboard: arrow keys move within the radio group
    await w.getByRole('radio', { name: /^trained/ }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(w.getByRole('radio', { name: /^untrained/ })).toBeChecked();
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-mean', String(mean));
  });

  test('say what is wrong with a name outside the vocabulary, and what a too-long name loses', async ({ page }) => {
    const w = await bars(page);
    const field = w.getByLabel('A name to score');
    await field.fill('emma!');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator('[data-message]')).toContainText('“!”');
    await expect(w.locator('.bars')).toHaveClass(/stale/);
    const long = 'abcdefghijklmnopq';
    await field.fill(long);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator('[data-message]')).toContainText('never scored');
    await expect(w.locator('[data-pos]')).toHaveCount(config.blockSize);
    await expect(w.locator('[data-mean]')).toHaveAttribute('data-mean', String(lossOf(start.stateDict, long)));
  });
});

test.describe('one real step, up close', () => {
  const tokens = tokenizer.encodeDocument(firstName);
  const model = new FastGPT(config, start.stateDict);
  const loss = model.lossAndGrad(tokens);
  const grad = model.grad.slice();
  const trainer = new FastTrainer({ config, stateDict: start.stateDict, numSteps: 1000 });
  trainer.step(tokens);
  const after = trainer.model.data;
  const lossAfter = new FastGPT(config, trainer.stateDict()).loss(tokens);
  const labelled = matrixShapes(config).flatMap((s) => {
    const off = model.offsets[s.name];
    return Array.from({ length: s.rows * s.cols }, (_, k) => ({ label: `${s.name}[${Math.floor(k / s.cols)}][${k % s.cols}]`, g: grad[off + k], i: off + k }));
  });
  const largest = [...labelled].sort((a, b) => Math.abs(b.g) - Math.abs(a.g));

  test('steps through by mouse and keyboard, with the engine’s loss, gradients, update and loss after', async ({ page }) => {
    const w = await hydrated(page, '.widget.step-up-close');
    await expect(w.getByLabel('The name this step trains on')).toHaveValue(firstName);
    await expect(w).toHaveAttribute('data-stage', 'forward');
    await expect(w.locator('tr[data-pos]')).toHaveCount(tokens.length - 1);
    await expect(w.locator('tr[data-pos="0"]')).toHaveAttribute('data-p', String(model.probs[tokens[1]]));

    await w.locator('[data-step]').click();
    await expect(w).toHaveAttribute('data-stage', 'loss');
    await expect(w.locator('[data-loss]')).toHaveAttribute('data-loss', String(loss));
    await expect(w.locator('[aria-live]')).toContainText('Stage 2 of 5');

    // the keyboard: the current stage's button, then the right arrow
    await w.locator('[data-stage="loss"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(w).toHaveAttribute('data-stage', 'backward');
    await expect(w.locator('[data-stage="backward"]')).toBeFocused();
    await expect(w.locator('[data-top-all] li').first()).toContainText(largest[0].label);
    await expect(w.locator('[data-top-all] li').first()).toContainText(precise(largest[0].g, 4));

    await w.getByLabel('Matrix', { exact: true }).selectOption('layer0.mlp_fc1');
    const fc1 = labelled.filter((e) => e.label.startsWith('layer0.mlp_fc1'));
    const cell = w.locator('[data-heatmap] [data-r="3"][data-c="5"]');
    await expect(cell).toHaveAttribute('data-value', String(fc1[3 * config.nEmbd + 5].g));
    await cell.hover();
    await expect(w.locator('[data-detail]')).toContainText('layer0.mlp_fc1[3][5]');
    // arrow keys move the focus cell and read it out
    await cell.focus();
    await page.keyboard.press('ArrowDown');
    await expect(w.locator('[data-heatmap] [data-r="4"][data-c="5"]')).toBeFocused();
    await expect(w.locator('[data-detail]')).toContainText(`layer0.mlp_fc1[4][5] (row 4) = ${precise(fc1[4 * config.nEmbd + 5].g, 4)}`);

    await w.locator('[data-step]').click();
    await expect(w).toHaveAttribute('data-stage', 'adam');
    const entry = w.locator('[data-entry]');
    const label = await entry.getAttribute('data-entry');
    const picked = labelled.find((e) => e.label === label)!;
    await expect(entry.locator('[data-update]')).toHaveAttribute('data-update', String(after[picked.i] - model.data[picked.i]));
    const updateCell = w.locator('[data-heatmap] [data-r="0"][data-c="0"]');
    const i0 = model.offsets['layer0.mlp_fc1'];
    await expect(updateCell).toHaveAttribute('data-value', String(after[i0] - model.data[i0]));

    await w.locator('[data-step]').click();
    await expect(w).toHaveAttribute('data-stage', 'after');
    await expect(w.locator('[data-loss-before]')).toHaveAttribute('data-loss-before', String(loss));
    await expect(w.locator('[data-loss-after]')).toHaveAttribute('data-loss-after', String(lossAfter));
    await expect(w.locator('[data-step]')).toBeDisabled();
    await w.locator('[data-back]').click();
    await expect(w).toHaveAttribute('data-stage', 'adam');
  });

  test('takes the step on a typed name, and fits a 375 px screen with the widest matrix', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const w = await hydrated(page, '.widget.step-up-close');
    await w.getByLabel('The name this step trains on').fill('emma');
    await w.locator('[data-stage="after"]').click();
    const t = new FastTrainer({ config, stateDict: start.stateDict, numSteps: 1000 });
    const before = t.step(tokenizer.encodeDocument('emma'));
    await expect(w.locator('[data-loss-before]')).toHaveAttribute('data-loss-before', String(before));
    await expect(w.locator('[data-loss-after]')).toHaveAttribute('data-loss-after', String(new FastGPT(config, t.stateDict()).loss(tokenizer.encodeDocument('emma'))));
    await w.locator('[data-stage="backward"]').click();
    for (const m of ['layer0.mlp_fc1', 'layer0.mlp_fc2']) {
      await w.getByLabel('Matrix', { exact: true }).selectOption(m);
      await expect(w.locator(`[data-heatmap="∂loss/∂${m}"]`)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
  });

  test('has no axe violations in the stages drawn only after hydration, light and dark', async ({ page }) => {
    test.setTimeout(300_000); // axe over a thousand heatmap cells is slow on a busy machine
    const w = await hydrated(page, '.widget.step-up-close');
    for (const [scheme, shown] of [['light', ['loss', 'backward', 'adam', 'after']], ['dark', ['backward']]] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const stage of shown) {
        await w.locator(`[data-stage="${stage}"]`).click();
        if (stage === 'backward') await w.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
        const { violations } = await new AxeBuilder({ page }).include('.widget.step-up-close').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(violations.map((v) => `${scheme} ${stage}: ${v.id} ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    }
  });
});
