// Walking a page with the Tab key: which controls a keyboard reader reaches, what each is
// called (Chromium's own accessible-name computation, via the DevTools protocol) and whether
// focus is visible on it (its outline or box-shadow when focused, compared with unfocused).

import type { CDPSession, Page } from '@playwright/test';

/** A control a keyboard reader should reach. */
export type Control = { idx: number; desc: string; scrollOnly: boolean };

/** What the walk found for one focused element. */
export type Stop = { idx: number | null; desc: string; name: string; role: string; ring: boolean; ringWhy: string };

export type Walk = { expected: Control[]; stops: Stop[]; missed: Control[]; stuck: boolean };

const focusableSelector = [
  'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', 'iframe',
  '[tabindex]', '[contenteditable=""]', '[contenteditable="true"]', 'audio[controls]', 'video[controls]',
  '[role="slider"]', '[role="button"]', '[role="link"]', '[role="tab"]', '[role="checkbox"]', '[role="switch"]',
  '[role="radio"]', '[role="spinbutton"]', '[role="combobox"]', '[role="textbox"]', '[role="menuitem"]',
  '[role="option"]', '[role="scrollbar"]', '[role="searchbox"]',
].join(',');

/**
 * Tag every visible, enabled control that should be in the Tab order with data-gate-idx and
 * remember how it looks unfocused. Radio groups count once (Tab enters a group once).
 */
async function markControls(page: Page): Promise<Control[]> {
  return page.evaluate((selector) => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : el instanceof HTMLInputElement ? `[type=${el.type}]${el.name ? `[name=${el.name}]` : ''}` : '';
      const cls = el.classList.length ? `.${[...el.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2).join('.')}` : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
    };
    const out: { idx: number; desc: string; scrollOnly: boolean }[] = [];
    const radioGroups = new Set<string>();
    let idx = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.getAttribute('tabindex') === '-1' || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (el.tagName === 'SUMMARY' && el.parentElement?.querySelector(':scope > summary') !== el) continue;
      const closed = el.closest('details:not([open])');
      if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) continue;
      if (!el.checkVisibility({ checkVisibilityCSS: true }) || el.getClientRects().length === 0) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        // Tab enters a radio group once: at its checked radio, or its first if none is checked
        const scope = el.form ?? document;
        const group = [...scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === el.name && r.form === el.form);
        const entry = group.find((r) => r.checked) ?? group[0];
        if (el !== entry || radioGroups.has(el.name)) continue;
        radioGroups.add(el.name);
      }
      const style = getComputedStyle(el);
      el.dataset.gateIdx = String(idx);
      el.dataset.gateRest = JSON.stringify([style.outlineStyle, style.outlineWidth, style.boxShadow]);
      const native = el.matches('a[href],area[href],button,input,select,textarea,summary,iframe,[contenteditable]');
      const scrollOnly = !native && !el.getAttribute('role') && el.scrollWidth > el.clientWidth;
      out.push({ idx: idx++, desc: describe(el), scrollOnly });
    }
    return out;
  }, focusableSelector);
}

/** Read the focused element: its tag index, description, focus ring, and an object handle for the AX tree. */
async function inspectFocus(cdp: CDPSession) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  if (!result.objectId) return null;
  const info = await cdp.send('Runtime.callFunctionOn', {
    objectId: result.objectId,
    returnByValue: true,
    functionDeclaration: `function () {
      const el = this;
      if (el === document.body || el === document.documentElement) return { body: true };
      const s = getComputedStyle(el);
      const rest = JSON.parse(el.dataset.gateRest ?? 'null');
      const visibleOutline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !/rgba\\(.*, 0\\)$/.test(s.outlineColor);
      const shadow = s.boxShadow !== 'none' && (!rest || s.boxShadow !== rest[2]);
      const changed = !rest || visibleOutline && (s.outlineStyle !== rest[0] || s.outlineWidth !== rest[1]);
      const ring = (visibleOutline && changed) || shadow;
      const id = el.id ? '#' + el.id : el.type ? '[type=' + el.type + ']' + (el.name ? '[name=' + el.name + ']' : '') : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return {
        body: false,
        idx: el.dataset.gateIdx == null ? null : Number(el.dataset.gateIdx),
        desc: '<' + el.tagName.toLowerCase() + id + '>' + (text ? ' "' + text + '"' : ''),
        ring,
        ringWhy: 'outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + '; box-shadow ' + s.boxShadow,
      };
    }`,
  });
  const v = info.result.value as { body: boolean; idx: number | null; desc: string; ring: boolean; ringWhy: string };
  if (v.body) return null;
  const ax = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
  const node = ax.nodes.find((n) => !n.ignored) ?? ax.nodes[0];
  const name = String(node?.name?.value ?? '').trim();
  const role = String(node?.role?.value ?? '');
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return { ...v, name, role };
}

/** Press Tab from the top of the page until focus leaves the page or comes round again. */
export async function tabWalk(page: Page): Promise<Walk> {
  const expected = await markControls(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  // start from the top of the document: a throwaway focus target as the first child of body
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
  });
  const stops: Stop[] = [];
  const seen = new Set<string>();
  let stuck = false;
  const limit = expected.length * 2 + 20;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await inspectFocus(cdp);
    if (!f) {
      if (stops.length > 0) break; // focus left the document
      continue;
    }
    const key = f.idx == null ? `x${f.desc}` : `i${f.idx}`;
    if (seen.has(key)) {
      if (stops.at(-1) && (stops.at(-1)!.idx === f.idx && stops.at(-1)!.desc === f.desc)) stuck = true;
      break; // wrapped round to an element already reached
    }
    seen.add(key);
    stops.push(f);
    if (i === limit - 1) stuck = true;
  }
  await cdp.detach();
  const reached = new Set(stops.map((s) => s.idx));
  return { expected, stops, missed: expected.filter((c) => !reached.has(c.idx)), stuck };
}
