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

/** axe's findings on the page, or on a part of it, as "rule: where" lines. */
async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  return (await builder.analyze()).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

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

test('Up and Down move one line, Page Up and Page Down one group, Home and End to the first and last line, and the address follows', async ({ page }) => {
  await page.goto('/program/');
  await listing(page).focus();
  // every line of the first group, one at a time: each is selected, so each can be read and linked
  for (let n = 2; n <= groups[0].end + 1; n++) {
    await page.keyboard.press('ArrowDown');
    await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${n}`);
  }
  expect(new URL(page.url()).hash).toBe(`#L${groups[0].end + 1}`);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`#L${groups[0].end}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-program-announce]')).toContainText(`Line ${groups[0].end} of ${lines.length}`);
  // a group at a time
  await page.keyboard.press('PageDown');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${groups[1].start}`);
  await page.keyboard.press('PageDown');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${groups[2].start}`);
  await page.keyboard.press('PageUp');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${groups[1].start}`);
  expect(new URL(page.url()).hash).toBe(`#L${groups[1].start}`);
  // the group's explanation is said with its first line, its paragraphs apart
  await expect(page.locator('[data-program-announce]')).toContainText(/\. Taught in chapter/);
  await page.keyboard.press('End');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${lines.length}`);
  await expect(page.locator(`#L${lines.length}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', 'L1');
  await expect(page.locator('[data-program-announce]')).toContainText(`Line 1 of ${lines.length}`);
  await expect(listing(page)).toBeFocused();
  await expect(page.locator('#program-help')).toContainText('Up and Down move one line, Page Up and Page Down one group');
});

test('a line inside a group is reached by keyboard and its permalink is the line’s', async ({ page }) => {
  const g = groupAt(lineOf("const hs = h * hd; // this head's slice of the nEmbd dimensions"));
  expect(g.end).toBeGreaterThan(g.start + 1);
  await page.goto(`/program/#L${g.start}`);
  await listing(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `L${g.start + 2}`);
  await expect(panel(page).locator('[data-panel-link]')).toHaveAttribute('href', `#L${g.start + 2}`);
  expect(new URL(page.url()).hash).toBe(`#L${g.start + 2}`);
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

  // the head's output line shows every head's output
  await page.locator(`#L${lineOf('const headOut = Array.from(')}`).click();
  for (const [hi, h] of other.positions[3].data.layers[0].heads.entries()) {
    const outs = await live(page).locator(`[data-head-out="${hi}"] [data-out]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-out'))));
    expect(outs).toEqual(h.out);
  }

  // the logits and the loss
  await page.locator(`#L${lineOf("const logits = linear(x, sd['lm_head'])")}`).click();
  const target = other.positions[3].target;
  await expect(live(page).locator(`[data-logits] tr[data-token="${target}"] [data-prob]`)).toHaveAttribute('data-prob', String(other.positions[3].probs[target]));
  await page.locator(`#L${lineOf('const loss = probs[target].log().neg();')}`).click();
  await expect(live(page).locator('[data-loss]')).toHaveAttribute('data-loss', String(other.positions[3].loss));
  await expect(live(page).locator('[data-mean-loss]')).toHaveAttribute('data-mean-loss', String(other.loss));

  // an embedding is a parameter row: its gradient sums every position that reads it
  await live(page).locator('[data-name-field]').fill('emma');
  await live(page).locator('[data-pos-field]').fill('2');
  await page.locator(`#L${lineOf("const tokEmb = sd['wte'][token]")}`).click();
  await expect(live(page).locator('[data-row-caption]')).toContainText('row m of wte');
  await expect(live(page).locator('[data-row-caption]')).toContainText('here positions 2 and 3, not position 2 alone');
  expect(await shownNumbers('[data-grads]')).toEqual(run.positions[2].grad.tokEmb);
  await page.locator(`#L${lineOf("const posEmb = sd['wpe'][pos]")}`).click();
  await expect(live(page).locator('[data-row-caption]')).toContainText("here only position 2, so it is this position's alone");

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

  await name.fill('');
  await expect(live(page).locator('[data-name-message]')).toContainText(`Type a name of 1 to ${weights.config.blockSize - 1} letters`);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
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

  // side by side, Page Down goes group by group and Down line by line, both staying on the Python side
  await page.keyboard.press('PageDown');
  const after = twin[g.index + 1];
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `P${after.py!.start}`);
  await page.keyboard.press('ArrowDown');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `P${after.py!.start + 1}`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(listing(page)).toHaveAttribute('aria-activedescendant', `P${after.py!.start - 1}`);

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
  test.setTimeout(400_000); // axe over some 700 lines of code, twice, on a busy machine
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/program/#P${pyLineOf('def __mul__(self, other):')}`);
  await expect(view(page, 'Side by side')).toBeChecked();
  const light = await axe(page);
  await page.locator('.theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  const dark = await axe(page);
  expect({ light, dark }).toEqual({ light: [], dark: [] });
});

test('the live values of the attention weights pass axe, in the light theme and the dark', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/program/#L${lineOf('const attnWeights = softmax(attnLogits)')}`);
  await liveReady(page);
  // a late position of a long name: many weights, some of them large
  await live(page).locator('[data-name-field]').fill('christopher');
  await live(page).locator('[data-pos-field]').fill('3');
  await expect(live(page).locator('[data-showing]')).toContainText('“christopher” at position 3');
  await expect(live(page).locator('[data-heads]')).toBeVisible();
  await expect(live(page).locator('[data-head-outs]')).toBeVisible();
  const light = await axe(page, '[data-panel]');
  await page.locator('.theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  const dark = await axe(page, '[data-panel]');
  expect({ light, dark }).toEqual({ light: [], dark: [] });
});

test('the page sits between chapter 8 and the epilogue, with the chapters’ pager', async ({ page }) => {
  await page.goto('/program/');
  const pager = page.getByRole('navigation', { name: 'Previous and next' });
  await expect(pager.locator('a[rel="prev"]')).toHaveAttribute('href', '/chapters/inference/');
  await expect(pager.locator('a[rel="prev"]')).toHaveText('Previous8. Inference');
  await expect(pager.locator('a[rel="next"]')).toHaveAttribute('href', '/epilogue/');
  await expect(pager.locator('a[rel="next"]')).toContainText('Epilogue');
  await page.goto('/chapters/inference/');
  await expect(page.getByRole('navigation', { name: 'Previous and next' }).locator('a[rel="next"]')).toHaveAttribute('href', '/program/');
});

test('a heading’s hash keeps the selection, and a bad one is shown where the reader is', async ({ page }) => {
  const n = lineOf('loss.backward();');
  await page.goto(`/program/#L${n}`);
  await page.evaluate(() => { location.hash = '#every-group'; });
  await expect(page.locator(`#L${n}`)).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => { location.hash = '#L0'; });
  await expect(page.locator('[data-hash-problem]')).toBeInViewport();
  await page.goto('/program/#L%F0%9F%98%80');
  await expect(page.locator('[data-hash-problem]')).toContainText('line “😀”');
});
