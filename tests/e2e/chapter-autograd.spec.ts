// Chapter 4, driven the way a reader drives it: by keyboard and by mouse. What the page shows
// is checked against the engine's own Values, computed here in the test.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated, openChapterForEachTest } from './lib/chapter.ts';
import { stage } from '../../src/engine/lessons/stages.ts';
import { evaluateExpr } from '../../src/viz/autograd/expr.ts';
import { parseDisplayNumber, precise, short } from '../../src/viz/shared/format.ts';
import { graphOf, gradientsOf } from '../../src/viz/autograd/value-graph.ts';
import { exprNodeViews } from '../../src/viz/autograd/graph-view.ts';
import { stepperCases, stepperModel } from '../../src/viz/autograd/backprop-stepper.ts';
import { evaluate, largestStableRate, sgdDefaults, sgdRun, sgdStart } from '../../src/viz/autograd/sgd.ts';
import { curveDefaults, lossCurveFigure } from '../../src/viz/autograd/loss-charts.ts';
import { nudge } from '../../src/viz/autograd/nudge.ts';

openChapterForEachTest('/chapters/autograd/');

/** Replace a text field's contents by typing, as a reader would. */
async function retype(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Press a button with the keyboard. */
async function press(button: Locator, key = 'Enter') {
  await button.focus();
  await button.press(key);
}

test('each Value stage runs its own example with the numbers typed beside it', async ({ page }) => {
  const runner = page.getByRole('group', { name: 'Run the stage 5 example' });
  const output = runner.getByLabel('Output');
  await expect(output).toHaveText(stage(5).run(2, 3).join('\n')); // the still state is already the answer
  await hydrated(page, runner);
  await retype(page, runner.getByLabel('x ='), '-1.5');
  await retype(page, runner.getByLabel('y ='), '4');
  await expect(output).toHaveText(stage(5).run(-1.5, 4).join('\n'));

  const three = page.getByRole('group', { name: 'Run the stage 3 example' });
  await hydrated(page, three);
  await retype(page, three.getByLabel('x ='), '5');
  await expect(three.getByLabel('Output')).toHaveText(stage(3).run(5, 3).join('\n'));
});

test('a typed expression is drawn with the engine’s values, and gradients appear only after backward', async ({ page }) => {
  const widget = page.locator('.expr-graph');
  await hydrated(page, widget);
  const src = 'relu(w*x + b) * a - log(a)';
  await retype(page, widget.getByLabel('Expression'), src);
  await retype(page, widget.getByLabel('w ='), '0.5');

  const env = { w: 0.5, x: 3, b: 3, a: 2 };
  const built = evaluateExpr(src, env);
  if (!built.ok) throw new Error(built.problem.message);
  const graph = graphOf(built.graph.root, built.graph.names);
  const before = exprNodeViews(graph, null);
  const after = exprNodeViews(graph, gradientsOf(graph));

  const nodes = widget.locator('svg g[data-node]');
  await expect(nodes).toHaveCount(graph.nodes.length);
  await expect(widget.locator('svg .grad')).toHaveCount(0);
  await widget.getByText('The graph as a table').click();
  for (const v of before) {
    const row = widget.locator(`tr[data-node="${v.ref}"]`);
    await expect(row.locator('td').nth(1)).toHaveText(v.value!);
    await expect(row.locator('td').nth(2)).toHaveText(v.kind === 'const' ? '—' : 'not reached yet');
  }

  await press(widget.getByRole('button', { name: 'Run backward' }));
  for (const v of after) {
    const row = widget.locator(`tr[data-node="${v.ref}"]`);
    if (v.kind !== 'const') {
      await expect(row.locator('td').nth(2)).toHaveText(v.grad!);
      await expect(widget.locator(`svg g[data-node="${v.ref}"] .grad`)).toHaveText(`grad ${v.grad}`);
    }
  }
  await expect(widget.getByText('Output:')).toContainText(short(built.graph.root.data));

  // a new expression clears the gradients until backward runs again
  await retype(page, widget.getByLabel('Expression'), 'a*b + a');
  await expect(widget.locator('svg .grad')).toHaveCount(0);
  await widget.getByRole('button', { name: 'Run backward' }).click();
  await expect(widget.locator('svg g[data-node="a"] .grad')).toHaveText('grad 4');
});

test('a malformed expression gets a message and a caret at the column at fault', async ({ page }) => {
  const widget = page.locator('.expr-graph');
  await hydrated(page, widget);
  const field = widget.getByLabel('Expression');
  await retype(page, field, 'a*(b + 2');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.locator('.error')).toHaveText('Column 9: Expected “)” to close the “(” at column 3, found the end.');
  await expect(widget.locator('.caret')).toHaveText(`a*(b + 2\n${' '.repeat(8)}^`);
  await expect(widget.getByRole('button', { name: 'Run backward' })).toBeDisabled();

  await retype(page, field, '2a + 1');
  await expect(widget.locator('.error')).toContainText('Column 2: Expected an operator');
  await retype(page, field, 'log(a - 5)');
  await expect(widget.locator('.error')).toHaveText('Column 1: log needs a positive input, but here its input is −3.');
  await retype(page, field, 'a - 5');
  await expect(widget.locator('.error')).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', /.*/);
});

test('the branch case stepped by keyboard: no gradient before backward reaches a node, then a.grad 4 and b.grad 2', async ({ page }) => {
  const st = page.locator('.stepper');
  await hydrated(page, st);
  const m = stepperModel(stepperCases.find((c) => c.id === 'branch')!);
  const forward = st.getByRole('button', { name: 'Step forward' });
  const backward = st.getByRole('button', { name: 'Step backward' });
  const gradOf = (name: string) => st.locator(`svg g[data-node="${name}"] .grad`);
  const valueOf = (name: string) => st.locator(`svg g[data-node="${name}"] .value`);

  await expect(backward).toBeDisabled();
  await expect(valueOf('c')).toHaveText('?');
  await expect(st.locator('svg .grad')).toHaveCount(0);
  for (let i = 0; i < m.forwardOrder.length; i++) {
    await forward.focus();
    await page.keyboard.press('Enter');
    await expect(st.locator('svg .grad')).toHaveCount(0);
  }
  await expect(valueOf('c')).toHaveText('6');
  await expect(valueOf('L')).toHaveText('8');
  await expect(forward).toBeDisabled();

  for (let k = 0; k < m.backwardOrder.length; k++) {
    await backward.focus();
    await page.keyboard.press('Space');
    const reached = new Set(m.backwardOrder.slice(0, k + 1).map((id) => m.graph.nodes[id].name));
    for (const n of m.graph.nodes) {
      if (reached.has(n.name)) await expect(gradOf(n.name)).toHaveText(`grad ${short(m.grads[n.id])}`);
      else await expect(gradOf(n.name)).toHaveCount(0);
    }
  }
  await expect(gradOf('a')).toHaveText('grad 4');
  await expect(gradOf('b')).toHaveText('grad 2');
  await expect(st.locator('.now')).toContainText('a.grad += b · c.grad = 3 · 1 = 3');
  await expect(st.locator('.now')).toContainText('a.grad = 1 + 3 = 4');
  await expect(st.locator('.phase')).toHaveText('Done: every gradient is known.');
});

test('the stepper’s inputs are editable and the neuron case follows them', async ({ page }) => {
  const st = page.locator('.stepper');
  await hydrated(page, st);
  await st.getByLabel('A neuron and its loss').click();
  await retype(page, st.getByLabel('b =', { exact: true }), '-3');
  await page.keyboard.press('Tab'); // commit the field
  const neuron = stepperCases.find((c) => c.id === 'neuron')!;
  const m = stepperModel(neuron, { b: -3 });
  for (let i = 0; i < m.forwardOrder.length; i++) await st.getByRole('button', { name: 'Step forward' }).click();
  for (let i = 0; i < m.backwardOrder.length; i++) await st.getByRole('button', { name: 'Step backward' }).click();
  for (const name of ['w', 'x', 'b', 'y']) {
    const id = m.graph.nodes.findIndex((n) => n.name === name);
    await expect(st.locator(`svg g[data-node="${name}"] .grad`)).toHaveText(`grad ${short(m.grads[id])}`);
  }
  await expect(st.locator('svg g[data-node="w"] .grad')).toHaveText('grad 0'); // the ReLU is off
});

test('“work it out by hand first” accepts the right gradient and rejects a wrong one', async ({ page }) => {
  const st = page.locator('.stepper');
  await hydrated(page, st);
  const m = stepperModel(stepperCases.find((c) => c.id === 'branch')!);
  const toggle = st.getByLabel('Work it out by hand first');
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  for (let i = 0; i < m.forwardOrder.length; i++) await press(st.getByRole('button', { name: 'Step forward' }));

  const answer = st.getByLabel(/Your answer/);
  await expect(answer).toBeVisible();
  await expect(st.locator('label', { hasText: 'Your answer' })).toHaveText('Your answer: L.grad =');
  await answer.fill('1');
  await answer.press('Enter');
  await expect(st.locator('.feedback')).toHaveText('Right: L.grad = 1.');
  await expect(st.locator('svg g[data-node="L"] .grad')).toHaveText('grad 1');

  // next is c, then b, then a; walk to a and try a wrong answer first
  for (const name of ['c', 'b']) {
    const id = m.graph.nodes.findIndex((n) => n.name === name);
    await answer.fill(String(m.grads[id]));
    await st.getByRole('button', { name: 'Check' }).click();
    await expect(st.locator('.feedback')).toHaveText(`Right: ${name}.grad = ${short(m.grads[id])}.`);
  }
  await expect(st.locator('svg g[data-node="a"] .grad')).toHaveCount(0);
  await answer.fill('1');
  await answer.press('Enter');
  await expect(st.locator('.feedback')).toHaveText('Not quite: a.grad is not 1. Try again, or press Step backward to reveal it.');
  await expect(st.locator('.hint')).toHaveText('Hint: a.grad = 1 · L.grad + b · c.grad');
  await expect(st.locator('svg g[data-node="a"] .grad')).toHaveCount(0);
  await answer.fill('4');
  await answer.press('Enter');
  await expect(st.locator('.feedback')).toHaveText('Right: a.grad = 4.');
  await expect(st.locator('svg g[data-node="a"] .grad')).toHaveText('grad 4');
  await expect(answer).toHaveCount(0); // nothing left to guess
});

test('the nudge check compares the real change with grad × h, both from the engine', async ({ page }) => {
  const widget = page.locator('.nudge');
  await hydrated(page, widget);
  const show = (k: string) => widget.locator(`dd[data-k="${k}"]`);
  const expected = nudge('a*b + a', { a: 2, b: 3 }, 'a', 0.001);
  if (!expected.ok) throw new Error('nudge');
  await expect(show('predicted')).toHaveText(`4 × 0.001 = ${short(expected.predicted)}`);
  await expect(show('change')).toHaveText(precise(expected.change));

  await widget.getByLabel('Nudge').selectOption('b');
  await widget.getByLabel('by h =').selectOption('0.1');
  const forB = nudge('a*b + a', { a: 2, b: 3 }, 'b', 0.1);
  if (!forB.ok) throw new Error('nudge');
  await expect(show('predicted')).toHaveText(`${short(forB.grad)} × 0.1 = ${short(forB.predicted)}`);

  await retype(page, widget.getByLabel('Output L ='), 'a^3');
  await widget.getByLabel('by h =').selectOption('0.01');
  const curved = nudge('a^3', { a: 2 }, 'a', 0.01);
  if (!curved.ok) throw new Error('nudge');
  await expect(show('gap')).toHaveText(short(curved.gap));
  await expect(widget.locator('.verdict')).toContainText(`falls short of the real change by ${short(curved.gap)}`);

  // a relu corner: not "curves", and the miss is h
  await retype(page, widget.getByLabel('Output L ='), 'relu(a-2)');
  await retype(page, widget.getByLabel('a ='), '2');
  await widget.getByLabel('by h =').selectOption('0.001');
  await expect(widget.locator('.verdict')).toContainText('a sits at a corner of relu here');
  await expect(widget.locator('.verdict')).toContainText('0 by convention, describes one side only');
  await expect(widget.locator('.verdict')).toContainText('by 0.001, which is h itself');
  await expect(widget.locator('.verdict')).not.toContainText('curves');
});

test('the stage 4 runner prints a note, not -Infinity or NaN, for log(0), the log of a negative number and an overflowing exp', async ({ page }) => {
  const runner = page.getByRole('group', { name: 'Run the stage 4 example' });
  const output = runner.getByLabel('Output');
  await hydrated(page, runner);
  for (const [x, note] of [['0', 'The log of 0 is minus infinity'], ['-2', 'The log of a negative number (a = −2) is not a real number'], ['1000', 'The exponential is too large a number for a float']] as const) {
    await retype(page, runner.getByLabel('x ='), x);
    await expect(output).toContainText(note);
    await expect(output).not.toContainText(/Infinity|NaN/);
  }
});

test('the SGD stepper starts with gradients −18 and −6, and the loss falls step by step', async ({ page }) => {
  const widget = page.locator('.sgd');
  const show = (k: string) => widget.locator(`dd[data-k="${k}"]`);
  const start = sgdStart(sgdDefaults).history[0];
  await expect(show('gradW')).toHaveText(short(start.gradW));
  await expect(show('gradB')).toHaveText(short(start.gradB));
  await expect(show('gradW')).toHaveText('−18');
  await expect(show('gradB')).toHaveText('−6');
  await hydrated(page, widget);

  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  const run = sgdRun(sgdStart(sgdDefaults), 11);
  await expect(show('w')).toHaveText(short(run.history[1].w));
  await expect(show('prediction')).toHaveText(short(run.history[1].prediction));
  await expect(show('loss')).toHaveText(short(run.history[1].loss));

  await press(widget.getByRole('button', { name: 'Run 10 steps' }));
  await expect(show('step')).toHaveText('11');
  await expect(show('loss')).toHaveText(short(run.history[11].loss));
  const losses = await widget.locator('tbody tr td:nth-child(5)').allTextContents();
  const numbers = losses.map(parseDisplayNumber);
  for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThanOrEqual(numbers[i - 1]); // newest first
  await expect(widget.locator('.trend')).toHaveAttribute('data-trend', 'falling');
  await expect(widget.locator('svg.chart circle')).toHaveCount(12);
});

test('a learning rate that is too large makes the SGD stepper say it diverges', async ({ page }) => {
  const widget = page.locator('.sgd');
  await hydrated(page, widget);
  const slider = widget.getByLabel(/Learning rate/);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveValue('0.15');
  await expect(slider).toHaveAttribute('aria-valuetext', '0.150, too large: diverges');
  await press(widget.getByRole('button', { name: 'Run 10 steps' }));
  const diverging = sgdRun(sgdStart({ ...sgdDefaults, lr: 0.15 }), 10);
  await expect(widget.locator('dd[data-k="loss"]')).toHaveText(short(diverging.history[10].loss));
  await expect(widget.locator('.trend')).toHaveAttribute('data-trend', 'rising');
  await expect(widget.locator('.trend')).toContainText(`Too large`);
  await expect(widget.locator('.trend')).toContainText(`above ${short(largestStableRate(sgdDefaults))}`);
  // back below the edge, the same run falls again
  await slider.focus();
  await page.keyboard.press('Home');
  await widget.getByRole('button', { name: 'Run 10 steps' }).click();
  await expect(widget.locator('.trend')).toHaveAttribute('data-trend', 'falling');
});

test('the loss curve draws the tangent’s slope and takes the step −lr·grad', async ({ page }) => {
  const widget = page.locator('.loss-curve');
  await hydrated(page, widget);
  const first = lossCurveFigure(curveDefaults, 2, 0.02);
  await expect(widget.locator('[data-k="grad"]')).toHaveText(short(first.grad));
  await expect(widget.locator('[data-k="step"]')).toHaveText(short(first.step));
  await press(widget.getByRole('button', { name: 'Take the step' }));
  const second = lossCurveFigure(curveDefaults, first.next.w, 0.02);
  await expect(widget.locator('input[type="range"]').first()).toHaveValue(String(first.next.w));
  await expect(widget.locator('[data-k="loss"]')).toHaveText(short(second.loss));
  expect(second.loss).toBeLessThan(first.loss);
  expect(evaluate({ ...sgdDefaults, b: curveDefaults.b }, first.next.w, curveDefaults.b).gradW).toBe(second.grad);

  // a rate far too large: the step lands higher on the other side
  const lr = widget.getByLabel(/Learning rate/);
  await lr.focus();
  await page.keyboard.press('End');
  await expect(widget.locator('.warn')).toBeVisible();
});

test('a step that would leave the loss curve is marked at the chart edge with where it lands, not clamped silently', async ({ page }) => {
  const curve = await hydrated(page, '.loss-curve');
  const mark = curve.locator('[data-off-axis]');
  await expect(mark).toHaveCount(0);
  await curve.getByRole('slider', { name: /^w/ }).press('Home');
  await curve.getByRole('slider', { name: /^Learning rate/ }).press('End');
  await expect(mark).toHaveAttribute('data-off-axis', 'right');
  const landing = parseDisplayNumber((await curve.locator('.readout span').nth(3).textContent())!.match(/w = (\S+),/)![1]);
  expect(landing).toBeGreaterThan(6);
  await expect(mark).toHaveText(`w = ${short(landing)}`);
  await expect(curve.locator('circle.next')).toHaveCount(0);
});

test('the exercises keep their answers hidden until opened by keyboard', async ({ page }) => {
  const exercises = page.locator('.exercise');
  expect(await exercises.count()).toBeGreaterThanOrEqual(6);
  const ex = page.locator('.exercise[data-exercise="triple-a"]');
  const body = ex.locator('details.answer .body');
  await expect(body).toBeHidden();
  const summary = ex.locator('details.answer summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(body).toBeVisible();
  await expect(body).toContainText('= 3.');
  for (const id of ['stage2-history', 'graph-count', 'local-pow-log', 'dead-relu-grad', 'neuron-signs', 'sgd-by-hand', 'lr-edge']) {
    await expect(page.locator(`.exercise[data-exercise="${id}"] details.answer .body`)).toBeHidden();
  }
  const sgd = page.locator('.exercise[data-exercise="sgd-by-hand"]');
  await sgd.locator('details.answer summary').click();
  const s1 = sgdRun(sgdStart(sgdDefaults), 1).history[1];
  await expect(sgd.locator('details.answer .body')).toContainText(`= ${short(s1.w)} and b`);
});
