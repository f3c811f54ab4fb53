import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { FastGPT, parseWeightsText } from '../../src/engine/index.ts';
import { toyVocab } from '../../src/engine/toy.ts';
import { toyLoss, toyStep, type ToyPick } from '../../src/viz/toy/walkthrough.ts';
import { fixed, parseDisplayNumber, percent, precise } from '../../src/viz/shared/format.ts';

// The engine is the oracle: the toy's numbers from toyStep() run here, the trained model's
// distribution from the fast path (typed arrays), a different code path from the Value
// gpt() the page runs.

openChapterForEachTest('/chapters/mlp/');

const weights = parseWeightsText(readFileSync('public/data/model.json', 'utf8'));

/** The trained model's next-token probabilities after BOS + prefix, on the fast path. */
function fastProbs(prefix: string): number[] {
  const model = new FastGPT(weights.config, weights.stateDict);
  const tokens = [weights.tokenizer.bos, ...weights.tokenizer.encode(prefix)];
  tokens.forEach((t, pos) => model.forward(t, pos));
  const V = weights.config.vocabSize;
  const last = tokens.length - 1;
  return Array.from(model.probs.subarray(last * V, (last + 1) * V));
}
/** A worked line as the reader sees it, with its no-break spaces as plain ones. */
const seen = (t: string | null) => (t ?? '').replaceAll('\u00a0', ' ');
/** The numbers written in a line, in order (true minus signs read back). */
const numbers = (t: string) => [...t.matchAll(/−?\d+\.\d+/g)].map((m) => parseDisplayNumber(m[0]));
const f4 = (x: number) => fixed(x, 4);
/** A written dot product "0.30·0.7530 − 0.40·(−0.4200)" worked out. */
const dotOf = (dot: string) =>
  dot.replaceAll(' − ', ' + −').split(' + ').reduce((sum, term) => {
    const [w, x] = term.split('·').map((v) => parseDisplayNumber(v.replace(/[()]/g, '')));
    return sum + w * x;
  }, 0);

const label = (id: number) => (id === weights.tokenizer.bos ? 'end' : weights.tokenizer.token(id));

async function pick(page: Page, p: ToyPick) {
  // the chapter's first picker (any picker on the page moves every view)
  const island = page.locator('astro-island').filter({ has: page.locator('.token-picker') }).first();
  const picker = island.locator('.token-picker');
  await picker.scrollIntoViewIfNeeded(); // the island itself has no box of its own
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  await picker.getByRole('group', { name: 'Token' }).getByRole('radio', { name: toyVocab[p.token], exact: true }).check();
  await picker.getByRole('group', { name: 'Position' }).getByRole('radio', { name: String(p.pos), exact: true }).check();
  await picker.getByRole('radio', { name: p.cache === 'pinned' ? 'given (pinned)' : 'computed', exact: true }).check();
}

test.describe('the toy MLP and output follow the token picker', () => {
  test('the running example first, then "a" at position 1 with the computed cache: units, lines and output as the engine', async ({ page }) => {
    const mlp = await hydrated(page, '.toy-mlp');
    const running = toyStep({ token: 2, pos: 2, cache: 'pinned' }).trace.layers[0];
    for (const [i, z] of running.mlpHidden.entries()) {
      await expect(mlp.locator(`[data-unit="${i}"]`)).toHaveAttribute('data-on', z > 0 ? 'on' : 'off');
    }

    const p: ToyPick = { token: 1, pos: 1, cache: 'computed' };
    await pick(page, p);
    const s = toyStep(p);
    const l = s.trace.layers[0];
    await expect(mlp.locator('[data-pick]')).toContainText('a at position 1');
    for (const [i, z] of l.mlpHidden.entries()) {
      const unit = mlp.locator(`[data-unit="${i}"]`);
      await expect(unit).toHaveAttribute('data-on', z > 0 ? 'on' : 'off');
      await expect(unit.locator('[data-z]')).toHaveText(new RegExp(`= ${f4(z)}$`));
      await expect(unit.locator('[data-relu]')).toHaveText(z > 0 ? `on: ReLU(${f4(z)}) = ${f4(z)}` : `off: ReLU(${f4(z)}) = 0`);
    }
    const onCount = l.mlpHidden.filter((z) => z > 0).length;
    await expect(mlp.locator('[data-on-summary]')).toContainText(`(${onCount} of 8)`);
    await expect(mlp.locator('[data-norm2]')).toHaveText(`(${l.norm2.map(f4).join(', ')})`);
    for (const j of [0, 1]) await expect(mlp.locator(`[data-down="${j}"]`)).toHaveText(new RegExp(`= ${f4(l.mlpOut[j])}$`));
    await expect(mlp.locator('[data-residual]')).toHaveText(new RegExp(`= \\(${l.output.map(f4).join(', ')}\\)$`));

    // the lines add up from the numbers they show, to their 4 decimals (one unit of slack for the inputs' rounding)
    const [a0, a1, ms] = numbers(seen(await mlp.locator('[data-norm-working]').textContent()));
    expect(Math.abs((a0 * a0 + a1 * a1) / 2 - ms)).toBeLessThan(1.5e-4);
    for (const line of [...(await mlp.locator('[data-z]').allTextContents()), ...(await mlp.locator('[data-down]').allTextContents())]) {
      const [, dot, result] = seen(line).split(' = ');
      expect(Math.abs(dotOf(dot) - parseDisplayNumber(result))).toBeLessThan(1.5e-4);
    }

    const out = await hydrated(page, '.toy-output');
    await expect(out.locator('[data-output]')).toHaveText(`(${l.output.map(f4).join(', ')})`);
    for (const [t, name] of toyVocab.entries()) {
      await expect(out.locator(`[data-logit="${name}"]`)).toHaveText(new RegExp(`= ${f4(s.trace.logits[t])}$`));
      await expect(out.locator(`[data-prob="${name}"] .value`)).toHaveText(percent(s.probs[t], 1));
    }
    // e raised to a logit is a superscript, with a true minus
    await expect(out.locator('[data-denominator] sup')).toHaveText(s.trace.logits.map(f4));
    const shownLogits = (await out.locator('[data-denominator] sup').allTextContents()).map(parseDisplayNumber);
    const total = numbers(seen(await out.locator('[data-denominator]').textContent())).pop()!;
    expect(Math.abs(shownLogits.reduce((t, x) => t + Math.exp(x), 0) - total)).toBeLessThan(5e-4);
    await expect(out.locator('[data-loss]')).toHaveText(`loss = −ln p(c) = −ln ${f4(s.probs[3])} = ${f4(toyLoss(s, 3))}`);
    const [pShown, lossShown] = numbers(seen(await out.locator('[data-loss]').textContent()));
    expect(Math.abs(-Math.log(pShown) - lossShown)).toBeLessThan(3e-4);
  });

  test('a pick changed in the picker leaves the toy views quiet; the target chosen in ToyOutput is announced', async ({ page }) => {
    const mlp = await hydrated(page, '.toy-mlp');
    const out = await hydrated(page, '.toy-output');
    await expect(mlp.locator('[aria-live]')).toHaveCount(0); // no controls of its own, nothing of its own to say
    await pick(page, { token: 1, pos: 1, cache: 'computed' });
    await expect(out.locator('[data-pick]').or(out.locator('.pick'))).toContainText('a at position 1');
    await page.waitForTimeout(1000); // past the announcer's settle time
    await expect(out.locator('[aria-live="polite"]')).toHaveText('');
    const s = toyStep({ token: 1, pos: 1, cache: 'computed' });
    await out.getByRole('group', { name: /loss if the true next token/ }).getByRole('radio', { name: 'b', exact: true }).check();
    await expect(out.locator('[aria-live="polite"]')).toHaveText(`Target b: loss = −ln p(b) = −ln ${f4(s.probs[2])} = ${f4(toyLoss(s, 2))}`);
  });

  test('the target is chosen by mouse and by keyboard, and the loss follows', async ({ page }) => {
    const out = await hydrated(page, '.toy-output');
    const s = toyStep({ token: 2, pos: 2, cache: 'pinned' });
    const targets = out.getByRole('group', { name: /loss if the true next token/ });
    await targets.getByRole('radio', { name: 'a', exact: true }).click(); // a mouse click on the button
    await expect(out.locator('[data-loss]')).toHaveText(`loss = −ln p(a) = −ln ${f4(s.probs[1])} = ${f4(toyLoss(s, 1))}`);
    await expect(out.locator('[data-prob="a"]')).toHaveClass(/target/);
    await targets.getByRole('radio', { name: 'a', exact: true }).press('ArrowRight');
    await expect(out.locator('[data-loss]')).toHaveText(`loss = −ln p(b) = −ln ${f4(s.probs[2])} = ${f4(toyLoss(s, 2))}`);
    await expect(targets.getByRole('radio', { name: 'b', exact: true })).toBeFocused();
  });
});

test.describe('the trained model’s next token', () => {
  test('a typed prefix gives the engine’s distribution, sorted, and a target by click and by typed letter', async ({ page }) => {
    const w = await hydrated(page, '.next-token');
    const input = w.getByLabel('The name so far');
    await input.fill('ann');
    await expect(w.locator('[data-heading]')).toContainText('after “ann”, most likely first');
    const probs = fastProbs('ann');
    const order = probs.map((p, id) => ({ id, p })).sort((a, b) => b.p - a.p || a.id - b.id);
    const bars = w.getByRole('radio');
    await expect(bars).toHaveCount(weights.config.vocabSize);
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(order.map((o) => `${label(o.id)}: ${percent(o.p, 1)}`));

    await w.locator(`[data-label="${label(order[3].id)}"]`).click();
    await expect(w.locator('[data-target-p]')).toHaveText(precise(order[3].p, 4));
    await expect(w.locator('[data-target-loss]')).toHaveText(fixed(-Math.log(order[3].p), 3));

    await w.locator(`[data-label="${label(order[3].id)}"]`).press('z');
    const z = weights.tokenizer.encode('z')[0];
    await expect(w.locator('[data-label="z"]')).toBeFocused();
    await expect(w.locator('[data-label="z"]')).toHaveAttribute('aria-checked', 'true');
    await expect(w.locator('[data-target-p]')).toHaveText(precise(probs[z], 4));
    await expect(w.locator('[data-detail]')).toHaveText(`z: p = ${precise(probs[z], 4)}, −ln p = ${fixed(-Math.log(probs[z]), 3)}`);
    await page.keyboard.press('Home');
    await expect(w.locator(`[data-label="${label(order[0].id)}"]`)).toBeFocused();
    await expect(w.locator('[data-target]')).toHaveAttribute('data-target', label(order[0].id));
  });

  test('a tiny p is written to 4 significant figures, so −ln p reproduces; the result is announced and sits above the bars', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const w = await hydrated(page, '.next-token');
    const input = w.getByLabel('The name so far');
    await input.fill('emm');
    await expect(w.locator('[data-heading]')).toContainText('after “emm”, most likely first');
    const q = weights.tokenizer.encode('q')[0];
    const p = fastProbs('emm')[q];
    expect(p).toBeLessThan(0.001); // the case the old 3 decimals wrote as 0.001
    await w.locator('[data-label="q"]').click();
    await expect(w.locator('[data-target-p]')).toHaveText(precise(p, 4));
    const result = seen(await w.locator('[data-target]').textContent());
    const [pShown, , lossShown] = numbers(result);
    expect(result).toContain(`−ln ${precise(p, 4)} = ${fixed(-Math.log(p), 3)}`);
    expect(Math.abs(-Math.log(pShown) - lossShown)).toBeLessThanOrEqual(6e-4);
    await expect(w.locator('[aria-live="polite"]')).toHaveText(`Target q: p = ${precise(p, 4)}, loss ${fixed(-Math.log(p), 3)}`);
    // the result stays next to the input, above the 27 bars
    const inputBox = (await input.boundingBox())!;
    const resultBox = (await w.locator('[data-target]').boundingBox())!;
    const firstBar = (await w.getByRole('radio').first().boundingBox())!;
    expect(resultBox.y - (inputBox.y + inputBox.height)).toBeLessThan(120);
    expect(resultBox.y + resultBox.height).toBeLessThanOrEqual(firstBar.y);
  });

  test('bad prefixes get a message, the last distribution stays marked as such, and a good prefix recovers; the prefix survives a reload', async ({ page }) => {
    const w = await hydrated(page, '.next-token');
    const input = w.getByLabel('The name so far');
    await input.fill('em');
    await expect(w.locator('[data-heading]')).toContainText('after “em”, most likely');
    await input.fill('Em1');
    await expect(w.locator('[data-problem]')).toHaveText('“E”, “1” are not in the vocabulary. The model only knows the lowercase letters a–z.');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(w.locator('[data-heading]')).toContainText('Still showing the distribution after “em”');
    await input.fill('a'.repeat(weights.config.blockSize));
    await expect(w.locator('[data-problem]')).toContainText(`shorter than ${weights.config.blockSize} letters`);
    const longest = 'a'.repeat(weights.config.blockSize - 1);
    await input.fill(longest);
    await expect(w.locator('[data-problem]')).toHaveText('');
    await expect(input).not.toHaveAttribute('aria-invalid');
    await expect(w.locator('[data-heading]')).toContainText(`after “${longest}”, most likely`);
    const top = fastProbs(longest).map((p, id) => ({ id, p })).sort((a, b) => b.p - a.p || a.id - b.id)[0];
    await expect(w.getByRole('radio').first()).toHaveAttribute('aria-label', `${label(top.id)}: ${percent(top.p, 1)}`);

    await input.fill('jo');
    await expect(w.locator('[data-heading]')).toContainText('after “jo”');
    await page.reload();
    const again = await hydrated(page, '.next-token');
    await expect(again.getByLabel('The name so far')).toHaveValue('jo');
    await expect(again.locator('[data-heading]')).toContainText('after “jo”, most likely');
  });
});
