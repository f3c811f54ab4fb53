import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseWeightsText, type Weights } from '../../src/engine/weights.ts';
import { listingLines, twinFile, twinLines } from '../../src/components/program/listing.ts';
import { alignTwin } from '../../src/viz/program/twin.ts';
import { programGroups } from '../../content/program/explanations.ts';
import { runProgram } from '../../src/viz/program/live.ts';

// The listing and its groups as the build made them, and the engine on the weights the site
// serves, are the oracles for what the page shows.
const lines = listingLines();
const pyLines = twinLines();
const twin = alignTwin(lines, pyLines, programGroups, twinFile);
// the TypeScript view's groups, in order
const groups = twin.flatMap((g) => (g.ts ? [g.ts] : []));
const pyLineOf = (text: string) => pyLines.find((l) => l.text.includes(text))!.n;
const lineOf = (text: string) => lines.find((l) => l.text.includes(text))!.n;
const groupAt = (n: number) => groups.find((g) => g.start <= n && n <= g.end)!;

let weights: Weights;
test.beforeAll(async ({ request }) => {
  const res = await request.get('/data/model.json');
  expect(res.ok()).toBe(true);
  weights = parseWeightsText(await res.text());
});

const listing = (page: Page) => page.locator('[data-listing]');
const panel = (page: Page) => page.locator('[data-panel]');
const live = (page: Page) => page.locator('.program-live');

/** Wait until the live values island has hydrated and the model has loaded. */
async function liveReady(page: Page): Promise<void> {
  await expect(live(page)).not.toHaveAttribute('data-still', '');
  await expect(live(page).locator('[data-showing]')).toBeVisible();
}

test('a permalink opens the page with that line selected, in view, and its explanation beside it', async ({ page }) => {
  const n = lineOf("const attnWeights = softmax(attnLogits)");
  await page.goto(`/program/#L${n}`);
  const line = page.locator(`#L${n}`);
  await expect(line).toHaveAttribute('aria-selected', 'true');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${n}`);
  await expect(line).toBeInViewport();
  await expect(panel(page).locator('[data-panel-text]')).toContainText('weights that add up to 1');
  await expect(panel(page).locator('[data-panel-text] a').first()).toHaveAttribute('href', '/chapters/attention/#scores-then-weights');
});

test('an unknown line in the link says so, and the page stays whole', async ({ page }) => {
  for (const [hash, says] of [['#L9999', `line 9999, but the listing has lines 1 to ${lines.length}`], ['#Lfoo', 'line “foo”, which is not a line number']]) {
    await page.goto(`/program/${hash}`);
    await expect(page.locator('[data-hash-problem]')).toBeVisible();
    await expect(page.locator('[data-hash-problem]')).toContainText(says);
    await expect(page.locator('#L1')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('[data-listing] [role="option"][data-side="ts"]')).toHaveCount(lines.length);
    await expect(page.locator('[data-listing] [role="option"][data-side="py"]')).toHaveCount(pyLines.length);
  }
});

test('the arrow keys move between groups, Home and End to the first and last, and the address follows', async ({ page }) => {
  await page.goto('/program/');
  await listing(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#L${groups[1].start}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`#L${groups[2].start}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`#L${groups[1].start}`)).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe(`#L${groups[1].start}`);
  await page.keyboard.press('End');
  const last = groups[groups.length - 1];
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${last.start}`);
  await expect(page.locator(`#L${last.start}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${groups[0].start}`);
  await expect(page.locator('[data-program-announce]')).toContainText(`Line ${groups[0].start} of ${lines.length}`);
  await expect(listing(page)).toBeFocused();
});

test('a click selects the line, its group and its explanation', async ({ page }) => {
  await page.goto('/program/');
  const n = lineOf('loss.backward();');
  await page.locator(`#L${n}`).click();
  await expect(page.locator(`#L${n}`)).toHaveAttribute('aria-selected', 'true');
  expect(new URL(page.url()).hash).toBe(`#L${n}`);
  await expect(panel(page).locator('[data-panel-text]')).toContainText('every parameter gets its gradient');
  const g = groupAt(lineOf("const v = linear(x, sd[`layer${li}.attn_wv`]);"));
  await page.locator(`#L${g.end}`).click();
  for (let k = g.start; k <= g.end; k++) await expect(page.locator(`#L${k}`)).toHaveAttribute('data-in-selected', '');
});

test('the live values are the engine’s: a vector and its gradient, the heads, the logits, the loss', async ({ page }) => {
  const run = runProgram(weights, 'emma');
  await page.goto(`/program/#L${lineOf("const q = linear(x, sd[`layer${li}.attn_wq`])")}`);
  await liveReady(page);
  const pos = 1;
  const shownNumbers = (sel: string) => live(page).locator(`${sel} [data-value]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  await expect(live(page).locator('[data-values] li')).toHaveCount(weights.config.nEmbd);
  expect(await shownNumbers('[data-values]')).toEqual(run.positions[pos].data.layers[0].q);
  expect(await shownNumbers('[data-grads]')).toEqual(run.positions[pos].grad.layers[0].q);
  await expect(live(page).locator('[data-values] li').first()).toHaveText(run.positions[pos].data.layers[0].q[0].toFixed(3).replace('-', '−'));

  // the heads, at position 3 of another name
  await live(page).locator('[data-name-field]').fill('olivia');
  await live(page).locator('[data-pos-field]').fill('3');
  const other = runProgram(weights, 'olivia');
  await page.locator(`#L${lineOf('const attnWeights = softmax(attnLogits)')}`).click();
  await expect(live(page).locator('[data-showing]')).toContainText('“olivia” at position 3');
  const weightsShown = await live(page).locator('[data-head-weights="2"] [data-weight]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-weight'))));
  expect(weightsShown).toEqual(other.positions[3].data.layers[0].heads[2].weights);
  const scoresShown = await live(page).locator('[data-head="0"] [data-score]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
  expect(scoresShown).toEqual(other.positions[3].data.layers[0].heads[0].scores);

  // the logits and the loss
  await page.locator(`#L${lineOf("const logits = linear(x, sd['lm_head'])")}`).click();
  const target = other.positions[3].target;
  await expect(live(page).locator(`[data-logits] tr[data-token="${target}"] [data-prob]`)).toHaveAttribute('data-prob', String(other.positions[3].probs[target]));
  await page.locator(`#L${lineOf('const loss = probs[target].log().neg();')}`).click();
  await expect(live(page).locator('[data-loss]')).toHaveAttribute('data-loss', String(other.positions[3].loss));
  await expect(live(page).locator('[data-mean-loss]')).toHaveAttribute('data-mean-loss', String(other.loss));

  // a line that computes nothing per position says so
  await page.locator(`#L${lineOf('add(other: Value | number): Value {')}`).click();
  await expect(live(page).locator('[data-none]')).toContainText('no value to show here');
});

test('bad input is named at its field and the last good values stay', async ({ page }) => {
  const run = runProgram(weights, 'emma');
  await page.goto(`/program/#L${lineOf('const loss = probs[target].log().neg();')}`);
  await liveReady(page);
  const loss = live(page).locator('[data-loss]');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));
  const name = live(page).locator('[data-name-field]');
  const pos = live(page).locator('[data-pos-field]');

  await name.fill('Emma!');
  await expect(live(page).locator('[data-name-message]')).toContainText('not in the vocabulary');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));

  await name.fill('a'.repeat(weights.config.blockSize + 2));
  await expect(live(page).locator('[data-name-message]')).toContainText('longer than the context');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));

  await name.fill('emma');
  await pos.fill('9');
  await expect(live(page).locator('[data-pos-message]')).toContainText('Position 9 is past the end of “emma”');
  await expect(pos).toHaveAttribute('aria-invalid', 'true');
  await expect(loss).toHaveAttribute('data-loss', String(run.positions[1].loss));
  await expect(name).toHaveValue('emma');
});

test('on a phone the explanation sits under its group and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const g = groupAt(lineOf('keys[li].push(k);'));
  await page.goto(`/program/#L${g.start}`);
  await liveReady(page);
  const last = await page.locator(`#L${g.end}`).boundingBox();
  const next = await page.locator(`#L${g.end + 1}`).boundingBox();
  const box = await panel(page).boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(last!.y + last!.height - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(next!.y + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('a chapter’s code region links to its first line in the whole program', async ({ page }) => {
  await page.goto('/chapters/attention/');
  const link = page.locator('figure.code-region a', { hasText: 'in the whole program' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/program\/#L\d+$/);
  await page.goto(href!);
  const n = Number(href!.split('#L')[1]);
  await expect(page.locator(`#L${n}`)).toHaveAttribute('aria-selected', 'true');
});

// ── the Python twin beside the TypeScript ──────────────────────────────────────────────────

const view = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
/** The group with lines on both sides whose TypeScript lines include this text. */
const pairOf = (text: string) => twin.find((g) => g.ts && g.py && lines.slice(g.ts.start - 1, g.ts.end).some((l) => l.text.includes(text)))!;

test('the switch shows TypeScript, Python or both, by mouse and by keyboard', async ({ page }) => {
  await page.goto('/program/');
  await expect(page.getByRole('group', { name: 'Show the program in' })).toBeVisible();
  await expect(view(page, 'TypeScript')).toBeChecked();
  await expect(page.locator('#L1')).toBeVisible();
  await expect(page.locator('#P1')).toBeHidden();

  await page.locator('label', { hasText: /^Python$/ }).click();
  await expect(view(page, 'Python')).toBeChecked();
  await expect(page.locator('#P1')).toBeVisible();
  await expect(page.locator('#L1')).toBeHidden();
  // the selection moves to the side shown: the first group's Python lines
  const firstPy = twin.find((g) => g.py)!;
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `P${firstPy.py!.start}`);

  // the keyboard: the radio group takes the arrow keys
  await view(page, 'Python').focus();
  await page.keyboard.press('ArrowRight');
  await expect(view(page, 'Side by side')).toBeChecked();
  await expect(page.locator('#L1')).toBeVisible();
  await expect(page.locator('#P1')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(view(page, 'TypeScript')).toBeChecked();
  await expect(page.locator('#P1')).toBeHidden();
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', /^L\d+$/);
});

test('side by side, a group’s two sides start level, and so does the group after it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/program/');
  await page.locator('label', { hasText: 'Side by side' }).click();
  for (const text of ['constructor(chars: readonly string[]) {', "const tokEmb = sd['wte'][token]", 'for (let h = 0; h < config.nHead; h++) {', 'const { loss } = documentLoss(this.model, tokens);', 'export function runTraining(']) {
    const g = pairOf(text);
    const ts = await page.locator(`#L${g.ts!.start}`).boundingBox();
    const py = await page.locator(`#P${g.py!.start}`).boundingBox();
    expect(Math.abs(ts!.y - py!.y), `the two sides of “${text}”`).toBeLessThanOrEqual(1);
  }
  // a TypeScript group with more lines than its Python: the next group still starts level
  const tall = pairOf('constructor(chars: readonly string[]) {');
  const next = twin[tall.index + 1];
  expect(next.ts && next.py).toBeTruthy();
  const a = await page.locator(`#L${next.ts!.start}`).boundingBox();
  const b = await page.locator(`#P${next.py!.start}`).boundingBox();
  expect(Math.abs(a!.y - b!.y)).toBeLessThanOrEqual(1);
  // nothing cut, nothing sideways, with both sides wrapping in their halves
  const cut = await page.locator('[data-listing] pre').evaluateAll((els) => els.filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1).length);
  expect(cut).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('a Python line selects its group on both sides, with the same explanation, and has its own permalink', async ({ page }) => {
  await page.goto('/program/');
  await page.locator('label', { hasText: 'Side by side' }).click();
  const g = pairOf('const attnWeights = softmax(attnLogits)');
  expect(pyLines[g.py!.start - 1].text).toContain('attn_weights = softmax(attn_logits)');
  await page.locator(`#P${g.py!.start}`).click();
  await expect(page.locator(`#P${g.py!.start}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#L${g.ts!.start}`)).toHaveAttribute('data-in-selected', '');
  await expect(page.locator(`#P${g.py!.start}`)).toHaveAttribute('data-in-selected', '');
  await expect(panel(page).locator('[data-panel-text]')).toContainText('weights that add up to 1');
  expect(new URL(page.url()).hash).toBe(`#P${g.py!.start}`);
  await expect(page.locator('[data-program-announce]')).toContainText(`Python line ${g.py!.start} of ${pyLines.length}`);

  // the arrow keys, side by side, go group by group and stay on the Python side
  await page.keyboard.press('ArrowDown');
  const after = twin[g.index + 1];
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `P${after.py!.start}`);

  // a TypeScript click lights up the Python side too
  const mul = pairOf('mul(other: Value | number): Value {');
  await page.locator(`#L${mul.ts!.start + 1}`).click();
  for (let k = mul.py!.start; k <= mul.py!.end; k++) await expect(page.locator(`#P${k}`)).toHaveAttribute('data-in-selected', '');

  // a #P permalink opens side by side, in view
  const n = pyLineOf('loss.backward()');
  await page.goto('/program/');
  await page.goto(`/program/#P${n}`);
  await expect(view(page, 'Side by side')).toBeChecked();
  await expect(page.locator(`#P${n}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#P${n}`)).toBeInViewport();
  await expect(panel(page).locator('[data-panel-text]')).toContainText('every parameter gets its gradient');
});

test('the twin’s own lines have their own explanations, and a bad #P says so', async ({ page }) => {
  const topo = twin.find((g) => !g.ts && g.py && pyLines[g.py.start - 1].text.startsWith('def topological_order'))!;
  await page.goto(`/program/#P${topo.py!.start}`);
  await expect(panel(page).locator('[data-panel-text]')).toContainText('children first');
  await page.goto(`/program/#P${pyLines.length + 5}`);
  await expect(page.locator('[data-hash-problem]')).toContainText(`Python line ${pyLines.length + 5}, but the Python listing has lines 1 to ${pyLines.length}`);
});

test('the download link serves the twin, and the note’s command uses its real flags', async ({ page, request }) => {
  await page.goto('/program/');
  const link = page.getByRole('link', { name: 'Download microgpt.py' });
  await expect(link).toHaveAttribute('href', '/microgpt.py');
  const res = await request.get('/microgpt.py');
  const source = await res.text();
  const note = (await page.locator('.twin-note').textContent()) ?? '';
  expect(note).toContain('python3 microgpt.py --data names.txt');
  for (const flag of note.match(/--[a-z-]+/g)!) if (flag !== '--help') expect(source, flag).toContain(`'${flag}'`);
  expect(note).toContain('1e-12');
});

test('on a phone, side by side puts each group’s Python under its TypeScript, and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/program/');
  await page.locator('label', { hasText: 'Side by side' }).click();
  const g = pairOf("const tokEmb = sd['wte'][token]");
  const ts = await page.locator(`#L${g.ts!.end}`).boundingBox();
  const py = await page.locator(`#P${g.py!.start}`).boundingBox();
  expect(py!.y).toBeGreaterThanOrEqual(ts!.y + ts!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the switch still works, and side by side still lines the groups up', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/program/');
    await expect(page.locator('#L1')).toBeVisible();
    await expect(page.locator('#P1')).toBeHidden();
    await page.locator('label', { hasText: /^Python$/ }).click();
    await expect(page.locator('#P1')).toBeVisible();
    await expect(page.locator('#L1')).toBeHidden();
    await page.locator('label', { hasText: 'Side by side' }).click();
    const g = pairOf('const attnWeights = softmax(attnLogits)');
    const ts = await page.locator(`#L${g.ts!.start}`).boundingBox();
    const py = await page.locator(`#P${g.py!.start}`).boundingBox();
    expect(Math.abs(ts!.y - py!.y)).toBeLessThanOrEqual(1);
    await expect(page.locator(`#G${g.index}`)).toContainText('Python line');
  });
});

test('side by side passes axe, in the light theme and the dark', async ({ page }) => {
  test.setTimeout(400_000); // axe over some 640 lines of code, twice, on a busy machine
  await page.setViewportSize({ width: 1280, height: 900 });
  const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  await page.emulateMedia({ colorScheme: 'light' });
  // a line with no live values: the heads' table has axe findings of its own (see the report)
  await page.goto(`/program/#P${pyLineOf('def __mul__(self, other):')}`);
  await expect(view(page, 'Side by side')).toBeChecked();
  const light = await axe();
  await page.locator('.theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  const dark = await axe();
  expect({ light, dark }).toEqual({ light: [], dark: [] });
});
