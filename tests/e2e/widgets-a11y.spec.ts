// The widgets as a screen-reader, keyboard and touch user meets them, beyond the page-wide
// gates: what the live regions say (once, not at every step of a drag), where focus goes
// when a pressed button disables itself, messages tied to the fields they are about, bad
// input that gets a message instead of an Infinity, and touch-sized controls.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrated } from './lib/chapter.ts';
import { textLimits } from '../../src/viz/shared/input-limits.ts';
import { visit, watch } from '../../scripts/site/browse.ts';
import { sitePages } from '../../scripts/site/site-pages.ts';
import { stepperCases, stepperModel } from '../../src/viz/autograd/backprop-stepper.ts';
import { settleMs } from '../../src/widgets/ui/announcer.ts';

/** Record every text the polite live regions inside `root` take from now on (a repeat in a row counts once). */
async function listen(root: Locator): Promise<() => Promise<string[]>> {
  const key = `said${Math.random().toString(36).slice(2)}`;
  await root.evaluate((el, key) => {
    const said: string[] = [];
    (window as unknown as Record<string, string[]>)[key] = said;
    const regions = [...el.querySelectorAll('[aria-live="polite"]')];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === Node.TEXT_NODE ? r.target.parentElement : (r.target as Element);
        const region = regions.find((g) => g.contains(node));
        const text = (region?.textContent ?? '').trim();
        if (region && text && said[said.length - 1] !== text) said.push(text);
      }
    });
    for (const g of regions) observer.observe(g, { subtree: true, childList: true, characterData: true });
  }, key);
  return () => root.page().evaluate((key) => (window as unknown as Record<string, string[]>)[key], key);
}

/** Drag a range input from its left end to its right end in small mouse moves. */
async function drag(page: Page, slider: Locator, moves = 30) {
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / moves, y);
  await page.mouse.up();
}

const settled = (page: Page) => page.waitForTimeout(settleMs + 300);

test.describe('live regions', () => {
  test('dragging a neuron slider says the output once, when the drag ends', async ({ page }) => {
    await page.goto('/chapters/neuron/');
    const stage = await hydrated(page, '.neuron-stage[data-stage="adder"]');
    const said = await listen(stage);
    await drag(page, stage.getByRole('slider', { name: /^x/ }));
    await settled(page);
    const texts = await said();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toBe(`a = ${(await stage.locator('[data-equations] p').last().textContent())!.split(' = ').pop()}`);
  });

  test('dragging in the network playground and in train-it-by-hand says one result per drag, and counts one move', async ({ page }) => {
    await page.goto('/chapters/neuron/');
    const net = await hydrated(page, '.network-playground');
    const heardNet = await listen(net);
    await drag(page, net.getByRole('slider', { name: /^x₁/ }));
    await settled(page);
    expect(await heardNet()).toEqual([`Output ŷ = ${await net.locator('[data-output]').textContent()}`]);

    const hand = await hydrated(page, '.hand-training');
    const heardHand = await listen(hand);
    await drag(page, hand.getByRole('slider').first());
    await settled(page);
    expect(await heardHand()).toEqual([`Error ${await hand.locator('[data-error]').textContent()}`]);
    await expect(hand.locator('.history-caption')).toContainText('(1 so far)');
  });

  test('typing in the tokenizer playground says the token count once the typing pauses', async ({ page }) => {
    await page.goto('/chapters/tokenizer/');
    const box = await hydrated(page, page.getByLabel('Text to tokenize'));
    const said = await listen(page.locator('.playground'));
    await box.fill('');
    await box.pressSequentially('christophorus', { delay: 20 });
    await settled(page);
    expect(await said()).toEqual(['15 tokens.']);
  });

  test('the BPE slider speaks its own summary; the live region stays quiet while it moves', async ({ page }) => {
    await page.goto('/chapters/tokenizer/');
    const slider = await hydrated(page, page.getByRole('slider', { name: /Number of merges/ }));
    await expect(slider).toBeEnabled(); // the merges are learned in the browser first
    const said = await listen(page.locator('.bpe'));
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', /^55 merges: vocabulary \d+/);
    await settled(page);
    const texts = await said();
    expect(texts.length).toBeLessThanOrEqual(1); // at most the new split of the name, once
    for (const t of texts) expect(t).toMatch(/^“christina” is \d+ tokens?:/);
  });

  test('pressing Generate twice with the same settings is announced both times', async ({ page }) => {
    await page.goto('/');
    const widget = await hydrated(page, '.name-generator');
    const region = widget.locator('[aria-live="polite"]:not(output)');
    const generate = widget.getByRole('button', { name: 'Generate' });
    const raw = () => region.evaluate((el) => el.textContent);
    await generate.click();
    await expect(region).toContainText('Generated 10 names');
    const first = await raw();
    await generate.click();
    // the same words, but the text changed, so a screen reader speaks it again
    await expect.poll(raw).not.toBe(first);
    expect((await raw())!.trim()).toBe(first!.trim());
  });

  test('the learning-rate slider is said once it rests, not at every step', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const sgd = await hydrated(page, '.sgd');
    const said = await listen(sgd);
    await drag(page, sgd.getByRole('slider', { name: /Learning rate/ }));
    await settled(page);
    expect(await said()).toEqual(['Learning rate 0.150, too large: the run will diverge; the run starts again.']);
  });
});

test.describe('focus after a button disables itself', () => {
  test('the backprop stepper hands focus on: Step forward → Step backward → Reset → Step forward', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const st = await hydrated(page, '.stepper');
    const m = stepperModel(stepperCases.find((c) => c.id === 'branch')!);
    const forward = st.getByRole('button', { name: 'Step forward' });
    await forward.focus();
    for (let i = 0; i < m.forwardOrder.length; i++) await page.keyboard.press('Enter');
    const backward = st.getByRole('button', { name: 'Step backward' });
    await expect(backward).toBeFocused();
    for (let i = 0; i < m.backwardOrder.length; i++) await page.keyboard.press('Space');
    const reset = st.getByRole('button', { name: 'Reset' });
    await expect(reset).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(forward).toBeFocused();
  });

  test('working by hand, the answer field gets focus when the forward pass ends', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const st = await hydrated(page, '.stepper');
    await st.getByLabel('Work it out by hand first').check();
    const m = stepperModel(stepperCases.find((c) => c.id === 'branch')!);
    const forward = st.getByRole('button', { name: 'Step forward' });
    await forward.focus();
    for (let i = 0; i < m.forwardOrder.length; i++) await page.keyboard.press('Enter');
    const answer = st.getByLabel(/Your answer/);
    await expect(answer).toBeFocused();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect(answer).toHaveAttribute('aria-invalid', 'true');
    await expect(answer).toHaveAttribute('aria-describedby', /feedback/);
    await expect(st.locator(`#${(await answer.getAttribute('aria-describedby'))!.split(' ')[0]}`)).toContainText('Not quite');
  });

  test('Run backward and Hide gradients hand focus to each other', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const graph = await hydrated(page, '.expr-graph');
    const run = graph.getByRole('button', { name: 'Run backward' });
    const hide = graph.getByRole('button', { name: 'Hide gradients' });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(hide).toBeFocused();
    await page.keyboard.press('Space');
    await expect(run).toBeFocused();
  });

  test('gradient descent: Reset hands focus to Step, and a run that blows up hands it to Reset', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const sgd = await hydrated(page, '.sgd');
    const step = sgd.getByRole('button', { name: 'Step', exact: true });
    const reset = sgd.getByRole('button', { name: 'Reset' });
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(step).toBeFocused();
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(step).toBeFocused();

    await sgd.getByRole('slider', { name: /Learning rate/ }).focus();
    await page.keyboard.press('End');
    const ten = sgd.getByRole('button', { name: 'Run 10 steps' });
    await ten.focus();
    while (await ten.isEnabled()) await page.keyboard.press('Enter');
    await expect(reset).toBeFocused();
    await expect(sgd.locator('[aria-live="polite"]')).toContainText('The run stopped');
  });
});

test.describe('bad input gets a message tied to its field, and the widget keeps working', () => {
  test('number fields: empty, “-” and too large are named, and the last good number stays in use', async ({ page }) => {
    const log = watch(page);
    await page.goto('/chapters/autograd/');
    const runner = page.getByRole('group', { name: 'Run the stage 5 example' });
    await hydrated(page, runner);
    const x = runner.getByLabel('x =');
    await x.fill('');
    await expect(x).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await x.getAttribute('aria-describedby')}`)).toHaveText('Type a number for x, like 2 or −1.5.');
    await x.fill('1e308');
    await expect(runner.getByLabel('Output')).toHaveText('Keep x between −1,000,000 and 1,000,000.');
    await x.fill('2');
    await expect(x).not.toHaveAttribute('aria-invalid', /.*/);
    await expect(runner.getByLabel('Output')).toContainText('L = ');

    // a lone “-” is text the browser cannot read as a number yet: the page says so, keeps what is
    // typed and goes on with the last number it could use
    const graph = await hydrated(page, '.expr-graph');
    const a = graph.getByLabel('a =');
    const before = await graph.locator('.out').textContent();
    await a.fill('');
    await a.pressSequentially('-');
    await expect(a).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${await a.getAttribute('aria-describedby')}`)).toHaveText(
      'What is typed for a is not a number yet (a sign alone, or more digits than a number holds). Type a number like 2 or −1.5. Still using 2.',
    );
    await expect(graph.locator('.out')).toHaveText(before!);
    await a.pressSequentially('1');
    await expect(a).toHaveValue('-1');
    await expect(a).not.toHaveAttribute('aria-invalid', /.*/);

    const st = await hydrated(page, '.stepper');
    const b = st.getByLabel('b =');
    await b.fill('');
    await b.press('Tab');
    await expect(b).toHaveValue(''); // what the reader typed is never rewritten
    await expect(page.locator(`#${await b.getAttribute('aria-describedby')}`)).toHaveText('Type a number for b, like 2 or −1.5. Still using 3.');
    await expect(st.getByRole('button', { name: 'Step forward' })).toBeEnabled();
    await b.fill('0.0000000001');
    await b.press('Tab');
    await expect(b).toHaveValue('0.0000000001');
    await b.fill('1e308');
    await b.press('Enter');
    await expect(b).toHaveValue('1e308');
    await expect(page.locator(`#${await b.getAttribute('aria-describedby')}`)).toHaveText('Keep b between −1,000,000 and 1,000,000. Still using 1e−10.');
    expect(log.problems).toEqual([]);
  });

  test('an expression with 1e999 or an emoji is refused with the whole character quoted; one with no variable says so', async ({ page }) => {
    await page.goto('/chapters/autograd/');
    const graph = await hydrated(page, '.expr-graph');
    const field = graph.getByLabel('Expression');
    await field.fill('a * 1e999');
    await expect(graph.locator('.error')).toHaveText('Column 5: “1e999” is too large a number to compute with.');
    await field.fill('a + 😀');
    await expect(graph.locator('.error')).toHaveText(/^Column 5: “😀” is not part of the language/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    const nudge = await hydrated(page, '.nudge');
    await nudge.getByLabel('Output L =').fill('2*3');
    await expect(nudge.locator('.none')).toHaveText('“2*3” has no variable, so there is nothing to nudge. Put a name in it, like a.');
    await nudge.getByLabel('Output L =').fill('a*b');
    await expect(nudge.locator('[data-k="change"]')).toBeVisible();
  });

  // a paste longer than a field takes is refused before it lands (tests/e2e/limits.spec.ts); within the limit, a long
  // bad id is quoted short, and a long line of a pasted dataset is named with its length
  test('a long bad id gives a short message in the decoder; 100,000 pasted characters on one line are refused, tied to the paste box', async ({ page }) => {
    const log = watch(page);
    await page.goto('/chapters/tokenizer/');
    await hydrated(page, page.getByLabel('Text to tokenize'));
    await page.locator('.playground details summary').click();
    const ids = page.getByLabel(/Ids to decode/);
    await ids.fill('x'.repeat(textLimits.tokenIds));
    await expect(page.locator('.playground .decoded')).toHaveText(`“${'x'.repeat(24)}…” is not a token id: ids are whole numbers from 0 to 26.`);
    await ids.fill('26, 4, 12, 12, 0, 26');
    await expect(page.locator('.playground .decoded')).toContainText('decode gives “emma”');

    await page.goto('/chapters/dataset/');
    const upload = await hydrated(page, '.upload');
    const box = upload.getByLabel('Paste documents, one per line');
    await box.evaluate((el: HTMLTextAreaElement) => {
      el.value = 'x'.repeat(100_000);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await upload.getByRole('button', { name: 'Use this text' }).click();
    await expect(upload.getByRole('alert')).toContainText('Line 1 has 100,000 characters');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(box).toHaveAttribute('aria-describedby', new RegExp(`\\b${await upload.getByRole('alert').getAttribute('id')}\\b`));
    await box.fill('rex\nfido');
    await expect(box).not.toHaveAttribute('aria-invalid', /.*/);
    await upload.getByRole('button', { name: 'Use this text' }).click();
    await expect(upload.locator('[aria-live="polite"]')).toHaveText(/^Now using the pasted text: 2 documents/);
    await upload.getByRole('button', { name: 'Reset to the default dataset' }).click();
    expect(log.problems).toEqual([]);
  });
});

test('no page repeats an id once every widget has hydrated, and every id a label or description names exists', async ({ page }) => {
  test.setTimeout(120_000);
  for (const sp of sitePages()) {
    await visit(page, sp.path);
    const { repeated, dangling } = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const known = new Set(ids);
      const names = ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls'];
      const refs = [...document.querySelectorAll(names.map((a) => `[${a}]`).join(', '))].flatMap((el) =>
        names.flatMap((a) => (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean).map((id) => ({ a, id }))),
      );
      return {
        repeated: [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))],
        dangling: refs.filter((r) => !known.has(r.id)).map((r) => `${r.a}=${r.id}`),
      };
    });
    expect(repeated, `repeated ids on ${sp.path}`).toEqual([]);
    expect(dangling, `references to missing ids on ${sp.path}`).toEqual([]);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('every widget control is at least 40 px tall (a radio or checkbox counts with its label)', async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of ['/', '/chapters/dataset/', '/chapters/tokenizer/', '/chapters/neuron/', '/chapters/autograd/']) {
      await visit(page, path);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('astro-island')].flatMap((island) =>
          [...island.querySelectorAll<HTMLElement>('button, input, select, textarea, summary')]
            .filter((el) => el.getClientRects().length > 0)
            .map((el) => {
              const label = (el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'checkbox' ? el.closest('label') : null;
              return { el, h: (label ?? el).getBoundingClientRect().height };
            })
            .filter(({ h }) => h < 40)
            .map(({ el, h }) => `${el.tagName.toLowerCase()}#${el.id} (${Math.round(h)} px)`),
        ),
      );
      expect(small, `small controls on ${path}`).toEqual([]);
    }
  });
});

test('with reduced motion, pressing through the steppers starts no animation that lasts', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/chapters/autograd/');
  const st = await hydrated(page, '.stepper');
  await st.getByRole('button', { name: 'Step forward' }).click();
  const sgd = await hydrated(page, '.sgd');
  await sgd.getByRole('button', { name: 'Run 10 steps' }).click();
  // the site's reduced-motion rule cuts every transition to 0.01 ms; nothing may last longer
  const slow = await page.evaluate(() =>
    document.getAnimations()
      .filter((a) => Number(a.effect?.getTiming().duration ?? 0) > 1 || a.effect?.getTiming().iterations === Infinity)
      .map((a) => `${(a.effect as KeyframeEffect | null)?.target?.nodeName}: ${a.effect?.getTiming().duration} ms`),
  );
  expect(slow).toEqual([]);
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  // marks that carry data (axe cannot see SVG strokes): each at least 3:1 against the widget
  const marks: Record<string, string[]> = {
    '/chapters/dataset/': ['.explorer .bars rect'],
    '/chapters/tokenizer/': ['.bpe .curve', '.bpe .now'],
    '/chapters/neuron/': ['.neuron-stage .curve', '.neuron-stage .pre', '.neuron-stage .drop', '.diagram .edges line', '.surface .zero', '.surface .target path', '.history path.line'],
    '/chapters/autograd/': ['.graph-scroll .edge', '.sgd .line', '.loss-curve .curve', '.loss-curve .tangent', '.loss-curve .arrow'],
  };

  for (const [path, selectors] of Object.entries(marks)) {
    test(`chart lines and bars on ${path} stand out from the background`, async ({ page }) => {
      await visit(page, path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      if (path === '/chapters/neuron/') await page.locator('.network-playground').getByRole('slider', { name: /^w₁₁/ }).fill('0'); // a zero-weight edge
      const weak = await page.evaluate((selectors) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const out: string[] = [];
        for (const sel of selectors) {
          const els = [...document.querySelectorAll<SVGElement>(sel)];
          if (els.length === 0) out.push(`${sel}: not found`);
          for (const el of els.slice(0, 12)) {
            const cs = getComputedStyle(el);
            const paint = el.tagName === 'rect' ? cs.fill : cs.stroke;
            let alpha = Number(el.tagName === 'rect' ? cs.fillOpacity : cs.strokeOpacity) * (rgb(paint)[3] ?? 1);
            for (let e: Element | null = el; e && e.tagName !== 'svg'; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
            let bgEl: Element | null = el.closest('svg');
            while (bgEl && rgb(getComputedStyle(bgEl).backgroundColor)[3] === 0) bgEl = bgEl.parentElement;
            const bg = rgb(getComputedStyle(bgEl ?? document.body).backgroundColor);
            const fg = rgb(paint).slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05);
            if (ratio < 3) out.push(`${sel} ${el.getAttribute('class') ?? ''}: ${ratio.toFixed(2)}:1`);
          }
        }
        return out;
      }, selectors);
      expect(weak).toEqual([]);
    });
  }
});
