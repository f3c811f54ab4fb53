import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { fixed, parseDisplayNumber } from '../../src/viz/shared/format.ts';
import { adder, dot, relu, reluNeuron, weighted } from '../../src/engine/lessons/neuron.ts';
import { networkControls, networkFrom, surfacePoint } from '../../src/viz/neuron/network.ts';
import { GOAL, handError, makeTarget, paramControls, startParams } from '../../src/viz/neuron/hand-training.ts';

// The lesson code is the oracle: every number the page shows is recomputed here from the
// slider values the page shows.

openChapterForEachTest('/chapters/neuron/');

/** A number as the page writes it (true minus sign) back to a number. */
const parse = (s: string | null) => parseDisplayNumber(s ?? '');
const sliderValue = async (slider: Locator) => Number(await slider.inputValue());
const allValues = (sliders: Locator) => sliders.evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));

/** Click a range input at a fraction of its width. */
async function clickAt(page: Page, slider: Locator, fraction: number) {
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
}

test.describe('the neuron stages', () => {
  test('the adder shows x + b for the slider values, driven by keyboard and mouse', async ({ page }) => {
    const widget = page.locator('[data-stage="adder"]');
    await hydrated(page, '[data-stage="adder"]');
    const x = widget.getByRole('slider', { name: /^x/ });
    const b = widget.getByRole('slider', { name: /^b/ });
    const equation = widget.locator('[data-equations] p').first();

    // set x = 3, b = −1 (the exercise) by keyboard: End is 4, then ten steps down
    await x.focus();
    await x.press('End');
    expect(await sliderValue(x)).toBe(4);
    for (let i = 0; i < 10; i++) await x.press('ArrowLeft');
    await b.focus();
    await b.press('Home');
    expect(await sliderValue(b)).toBe(-4);
    for (let i = 0; i < 30; i++) await b.press('ArrowRight');
    expect([await sliderValue(x), await sliderValue(b)]).toEqual([3, -1]);
    await expect(equation).toHaveText(`a = x + b = 3.0 + (−1.0) = ${fixed(adder(3, -1))}`);

    // a mouse click near the left end of b's track moves b down, and the sum follows
    await clickAt(page, b, 0.1);
    const bv = await sliderValue(b);
    expect(bv).toBeLessThan(-2);
    await expect(equation).toContainText(`= ${fixed(adder(3, bv))}`);
  });

  test('the weighted neuron follows its sliders, including Page Up and Page Down', async ({ page }) => {
    const widget = page.locator('[data-stage="weight"]');
    await hydrated(page, '[data-stage="weight"]');
    const [x, w, b] = ['x', 'w', 'b'].map((n) => widget.getByRole('slider', { name: new RegExp(`^${n}`) }));
    const equation = widget.locator('[data-equations] p').first();
    const before = await sliderValue(w);
    await w.focus();
    await w.press('PageUp');
    const up = await sliderValue(w);
    expect(up).toBeGreaterThan(before + 0.1); // a big step, bigger than an arrow's
    await w.press('PageDown');
    expect(await sliderValue(w)).toBeCloseTo(before, 9);
    await w.press('PageDown');
    const [xv, wv, bv] = [await sliderValue(x), await sliderValue(w), await sliderValue(b)];
    await expect(equation).toContainText(`= ${fixed(weighted(xv, wv, bv))}`);
  });

  test('an output off the plot is marked at its edge with its value and an arrow, not clamped silently', async ({ page }) => {
    const widget = page.locator('[data-stage="weight"]');
    await hydrated(page, '[data-stage="weight"]');
    const mark = widget.locator('[data-off-axis]');
    await expect(mark).toHaveCount(0);
    await expect(widget.locator('circle.point')).toBeVisible();
    for (const n of ['x', 'w', 'b']) await widget.getByRole('slider', { name: new RegExp(`^${n}`) }).press('End');
    await expect(mark).toHaveAttribute('data-off-axis', 'up');
    await expect(mark).toHaveText(`a = ${fixed(weighted(4, 3, 4))}`);
    await expect(widget.getByRole('img')).toHaveAttribute('aria-label', /off the chart/);
    for (const n of ['x', 'b']) await widget.getByRole('slider', { name: new RegExp(`^${n}`) }).press('Home');
    await expect(mark).toHaveAttribute('data-off-axis', 'down');
    await expect(mark).toHaveText(`a = ${fixed(weighted(-4, 3, -4))}`);
    await expect(widget.locator('circle.point')).toHaveCount(0);
  });

  test('the ReLU neuron reports where it switches on, and gives 0 below that for w = 2, b = −3', async ({ page }) => {
    const widget = page.locator('[data-stage="relu"]');
    await hydrated(page, '[data-stage="relu"]');
    const [x, w, b] = ['x', 'w', 'b'].map((n) => widget.getByRole('slider', { name: new RegExp(`^${n}`) }));
    // Playwright's fill sets a range input's value and fires input, like a drag that lands there
    await w.fill('2');
    await b.fill('-3');
    await x.fill('1');
    const lines = widget.locator('[data-equations] p');
    await expect(lines.nth(0)).toHaveText('z = x·w + b = 1.0·2.0 + (−3.0) = −1.00');
    await expect(lines.nth(1)).toHaveText(`a = ReLU(z) = max(0, −1.00) = ${fixed(reluNeuron(1, 2, -3))}`);
    await expect(lines.nth(2)).toContainText('x = −b/w = 1.50');
    // six steps right by keyboard take x from 1 past the switch point at 1.5 to 1.6, where the neuron is on
    await x.focus();
    for (let i = 0; i < 6; i++) await x.press('ArrowRight');
    expect(await sliderValue(x)).toBe(1.6);
    await expect(lines.nth(1)).toHaveText(`a = ReLU(z) = max(0, ${fixed(weighted(1.6, 2, -3))}) = ${fixed(reluNeuron(1.6, 2, -3))}`);
  });

  test('many inputs: the running sum adds the three products and the bias', async ({ page }) => {
    const widget = page.locator('[data-stage="dot"]');
    await hydrated(page, '[data-stage="dot"]');
    const sliders = widget.getByRole('slider');
    await expect(sliders).toHaveCount(7);
    await widget.getByRole('slider', { name: /^w₂/ }).focus();
    await page.keyboard.press('Home');
    await clickAt(page, widget.getByRole('slider', { name: /^x₃/ }), 0.9);
    const v = await allValues(sliders); // x1 w1 x2 w2 x3 w3 b
    const xs = [v[0], v[2], v[4]];
    const ws = [v[1], v[3], v[5]];
    const z = dot(xs, ws) + v[6];
    await expect(widget.locator('[data-equations] p').first()).toContainText(`= ${fixed(z)}`);
    await expect(widget.locator('[data-equations] p').nth(1)).toHaveText(`a = ReLU(z) = ${fixed(relu(z))}`);
  });
});

test.describe('the network playground', () => {
  const widget = (page: Page) => page.locator('.network-playground');

  /** The page's output and node values must be the forward pass of the page's slider values. */
  async function expectForwardPass(page: Page) {
    const values = await allValues(widget(page).getByRole('slider'));
    const mlp = networkFrom(values);
    const x = values.slice(0, 3);
    const [h1, h2] = mlp.layers[0].call(x);
    const y = mlp.call(x)[0];
    await expect(widget(page).locator('[data-output]')).toHaveText(fixed(y));
    await expect(widget(page).locator('[data-node="h1"] .value')).toHaveText(fixed(h1));
    await expect(widget(page).locator('[data-node="h2"] .value')).toHaveText(fixed(h2));
    await expect(widget(page).locator('[data-edge="u2"]')).toHaveText(fixed(values[12] * h2));
    await expect(widget(page).locator('[data-edge="w13"]')).toHaveText(fixed(values[5] * x[2]));
    return values;
  }

  test('shows the forward pass of its starting values before and after hydration', async ({ page }) => {
    await expect(widget(page).getByRole('slider')).toHaveCount(networkControls.length);
    await expectForwardPass(page);
    await hydrated(page, '.network-playground');
    await expectForwardPass(page);
  });

  test('every slider is labelled with its symbol and what it is', async ({ page }) => {
    for (const c of networkControls) {
      await expect(widget(page).getByRole('slider', { name: `${c.symbol}, ${c.description}`, exact: true })).toHaveCount(1);
    }
  });

  test('calls the output the prediction ŷ, never y, in the diagram, the readout, the plot and the slider group', async ({ page }) => {
    await expect(widget(page).locator('[data-node="y"] .symbol')).toHaveText('ŷ');
    await expect(widget(page).locator('.result')).toHaveText(/^ŷ = /);
    await expect(widget(page).getByRole('img', { name: /^The output ŷ over x₁ and x₂/ })).toHaveCount(1);
    await expect(widget(page).getByRole('group', { name: 'Output neuron ŷ', exact: true })).toHaveCount(1);
    await expect(widget(page).getByRole('group', { name: /neuron y$/ })).toHaveCount(0);
  });

  test('keyboard: arrows, Page Up/Down, Home and End move a weight, and the output follows', async ({ page }) => {
    await hydrated(page, '.network-playground');
    const w11 = widget(page).getByRole('slider', { name: /^w₁₁/ });
    await w11.focus();
    const start = await sliderValue(w11);
    await page.keyboard.press('ArrowRight');
    expect(await sliderValue(w11)).toBeCloseTo(start + 0.1, 9);
    await expectForwardPass(page);
    await page.keyboard.press('PageDown');
    expect(await sliderValue(w11)).toBeLessThan(start);
    await expectForwardPass(page);
    await page.keyboard.press('Home');
    expect(await sliderValue(w11)).toBe(-2);
    await expectForwardPass(page);
    await page.keyboard.press('End');
    expect(await sliderValue(w11)).toBe(2);
    await expectForwardPass(page);
    // the output's bias: End makes the output neuron's sum large and positive
    const c = widget(page).getByRole('slider', { name: /^c,/ });
    await c.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('PageUp'); // already at the end: stays
    expect(await sliderValue(c)).toBe(2);
    const values = await expectForwardPass(page);
    await expect(page.locator('.network-playground [aria-live="polite"]')).toHaveText(`Output ŷ = ${fixed(networkFrom(values).call(values.slice(0, 3))[0])}`);
  });

  test('mouse: dragging x₁ moves the ring on the surface and the forward pass follows', async ({ page }) => {
    await hydrated(page, '.network-playground');
    const x1 = widget(page).getByRole('slider', { name: /^x₁/ });
    const box = (await x1.boundingBox())!;
    const y = box.y + box.height / 2;
    const startX = box.x + ((await sliderValue(x1)) + 2) / 4 * box.width;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 0.15 * box.width, y, { steps: 8 });
    await page.mouse.up();
    const v = await sliderValue(x1);
    expect(v).toBeLessThan(0);
    const values = await expectForwardPass(page);
    const ring = widget(page).locator('circle.point');
    const expected = surfacePoint(values[0], values[1]);
    expect(Number(await ring.getAttribute('cx'))).toBeCloseTo(expected.x, 6);
    expect(Number(await ring.getAttribute('cy'))).toBeCloseTo(expected.y, 6);
  });

  test('x₃ moves the surface: the contour lines and the fold lines change', async ({ page }) => {
    await hydrated(page, '.network-playground');
    const before = await widget(page).locator('.contours path').first().getAttribute('d');
    const fold = await widget(page).locator('line.fold').first().getAttribute('x1');
    const x3 = widget(page).getByRole('slider', { name: /^x₃/ });
    await x3.focus();
    await page.keyboard.press('Home');
    await expect(widget(page).locator('.caption')).toContainText('x₃ = −2.0');
    expect(await widget(page).locator('.contours path').first().getAttribute('d')).not.toBe(before);
    expect(await widget(page).locator('line.fold').first().getAttribute('x1')).not.toBe(fold);
    await expectForwardPass(page);
  });

  test('a dead hidden neuron is drawn dashed and outputs 0', async ({ page }) => {
    await hydrated(page, '.network-playground');
    await widget(page).getByRole('slider', { name: /^b₁/ }).fill('-2');
    await widget(page).getByRole('slider', { name: /^w₁₁/ }).fill('0');
    await widget(page).getByRole('slider', { name: /^w₁₂/ }).fill('0');
    await expect(widget(page).locator('[data-node="h1"]')).toHaveClass(/off/);
    await expect(widget(page).locator('[data-node="h1"] .value')).toHaveText('0.00');
    await expectForwardPass(page);
    await widget(page).getByRole('button', { name: 'Reset all sliders' }).click();
    await expect(widget(page).locator('[data-node="h1"]')).not.toHaveClass(/off/);
    await expectForwardPass(page);
  });
});

test.describe('train it by hand', () => {
  const widget = (page: Page) => page.locator('.hand-training');
  const shownError = (page: Page) => widget(page).locator('[data-error]');

  test('starts with the error between the starting network and target 1, and no success message', async ({ page }) => {
    const target = makeTarget(1);
    await expect(shownError(page)).toHaveText(fixed(handError(startParams, target.outputs), 4));
    await expect(widget(page).getByRole('status')).toHaveText('');
    await expect(widget(page).locator('.target path').first()).toHaveAttribute('d', /^M/);
    await expect(widget(page).getByRole('group', { name: 'Output neuron ŷ', exact: true })).toHaveCount(1);
  });

  test('setting every slider to the target’s numbers by keyboard brings the error to 0 and says so', async ({ page }) => {
    await hydrated(page, '.hand-training');
    const target = makeTarget(1);
    const sliders = widget(page).getByRole('slider');
    await expect(sliders).toHaveCount(paramControls.length);
    for (let i = 0; i < paramControls.length; i++) {
      const slider = sliders.nth(i);
      await slider.focus();
      const steps = Math.round((target.params[i] - (await sliderValue(slider))) / paramControls[i].step);
      for (let k = 0; k < Math.abs(steps); k++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
      expect(await sliderValue(slider)).toBe(target.params[i]);
      const params = await allValues(sliders);
      await expect(shownError(page)).toHaveText(fixed(handError(params, target.outputs), 4));
    }
    await expect(shownError(page)).toHaveText('0.0000');
    await expect(widget(page).getByRole('status')).toContainText(`Below ${GOAL}`);
    await expect(widget(page).locator('.bar .fill')).toHaveClass(/done/);
    // the history line has a point for every move
    const d = (await widget(page).locator('.history path.line').getAttribute('d')) ?? '';
    expect(d.split(/[ML]/).filter(Boolean).length).toBeGreaterThan(paramControls.length);

    // Start over puts the sliders back, and the message goes away
    await widget(page).getByRole('button', { name: 'Start over' }).click();
    expect(await allValues(sliders)).toEqual([...startParams]);
    await expect(widget(page).getByRole('status')).toHaveText('');
  });

  test('New target draws target 2, and its numbers can be revealed', async ({ page }) => {
    await hydrated(page, '.hand-training');
    const first = await widget(page).locator('.target path').first().getAttribute('d');
    await widget(page).getByRole('button', { name: 'New target' }).click();
    const target = makeTarget(2);
    await expect(shownError(page)).toHaveText(fixed(handError(startParams, target.outputs), 4));
    expect(await widget(page).locator('.target path').first().getAttribute('d')).not.toBe(first);
    const reveal = widget(page).locator('details.reveal');
    await reveal.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(reveal.locator('[data-target-params]')).toContainText(`w₁₁ = ${fixed(target.params[0], 1)}`);
    await expect(reveal.locator('[data-target-params]')).toContainText(`c = ${fixed(target.params[10], 1)}`);
  });

  test('a mouse click on a slider changes the error to what the lesson code computes', async ({ page }) => {
    await hydrated(page, '.hand-training');
    const sliders = widget(page).getByRole('slider');
    await clickAt(page, sliders.nth(10), 0.25);
    const params = await allValues(sliders);
    expect(params[10]).not.toBe(startParams[10]);
    await expect(shownError(page)).toHaveText(fixed(handError(params, makeTarget(1).outputs), 4));
    await expect(widget(page).locator('.history-caption')).toContainText('1 so far');
  });
});

test('exercise answers stay hidden until the reader opens them with the keyboard', async ({ page }) => {
  const exercise = page.locator('[data-exercise="relu-turn-on"]');
  const answer = exercise.locator('details.answer');
  await expect(answer.locator('.body')).toBeHidden();
  await answer.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(answer.locator('.body')).toBeVisible();
  await expect(answer.locator('.body')).toContainText('1.5');
  await expect(page.locator('.exercise')).toHaveCount(7);
});

test('without JavaScript every widget still shows its starting picture', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/chapters/neuron/');
  const values = await allValues(page.locator('.network-playground').getByRole('slider'));
  await expect(page.locator('.network-playground [data-output]')).toHaveText(fixed(networkFrom(values).call(values.slice(0, 3))[0]));
  // the heatmap is drawn: one smooth-edged region per shade, several shades
  expect(await page.locator('.network-playground .heat path').count()).toBeGreaterThan(5);
  await expect(page.locator('.hand-training [data-error]')).toHaveText(fixed(handError(startParams, makeTarget(1).outputs), 4));
  await expect(page.locator('[data-stage="relu"] [data-equations] p').first()).toContainText('z = x·w + b');
  await context.close();
});

test('at 375 px wide the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/chapters/neuron/');
  await hydrated(page, '.hand-training');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

for (const width of [320, 375]) {
  test(`at ${width} px wide the network diagram's edge labels are at least 12 px tall on screen, with a halo`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/chapters/neuron/');
    await hydrated(page, '.network-playground');
    const sizes = await page.locator('.network-playground .edge-labels text').evaluateAll((texts) =>
      texts.map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const style = getComputedStyle(t);
        return { px: parseFloat(style.fontSize) * scale, halo: style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) > 0 };
      }));
    expect(sizes.length).toBe(8);
    for (const s of sizes) {
      expect(s.px).toBeGreaterThanOrEqual(11.95);
      expect(s.halo).toBe(true);
    }
  });
}
