// When an island cannot load its script (the connection dropped after the page arrived, before
// the reader scrolled to the figure), Astro's <astro-island> dispatches a cancelable, bubbling
// `astro:hydration-error` event and keeps its still picture, whose controls never wake up.
// This module says so above the figure and offers Retry. Retry reloads the page, bringing the
// same figure back to the same place on the screen with what the reader typed: starting the
// island again (its start(), which imports afresh) cannot work in Chromium, whose module map
// keeps a failed import failed for the life of the page, and a failed island fails through
// the chunks it shares. Offline, Retry only says so (a reload then would lose the page).
// Submits inside a still island are stopped by the tiny inline script in Base.astro's head
// (it has to run before any module arrives), which also marks failed islands with
// data-hydration-failed, so that a failure before this module ran is shown too.

export const messages = {
  failed: 'This figure could not load its script (are you offline?). Retry reloads the page; your place and what you typed stay.',
  checking: 'Checking the connection…',
  offline: 'Still no connection to the site. Reconnect, then press Retry.',
} as const;

/** What a reload must bring back: the n-th island of this page `top` px from the viewport's top, and the text typed into still islands' fields. */
export interface RetryMark {
  path: string;
  island: number;
  top: number;
  /** [island index, field index within it, value] */
  fields: [number, number, string][];
}

export const retryMarkKey = 'inside-microgpt:island-retry';
/** Longer typed text is not carried over a reload (session storage holds a few MB). */
export const maxKeptField = 100_000;

const index = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Read a mark back; anything malformed, or for another page, is ignored (and malformed fields dropped). */
export function parseRetryMark(raw: string | null, path: string): RetryMark | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { path: p, island, top, fields } = v as Record<string, unknown>;
  if (p !== path || !index(island) || typeof top !== 'number' || !Number.isFinite(top)) return null;
  const kept = Array.isArray(fields)
    ? fields.filter((f): f is [number, number, string] =>
      Array.isArray(f) && f.length === 3 && index(f[0]) && index(f[1]) && typeof f[2] === 'string' && f[2].length <= maxKeptField)
    : [];
  return { path: p, island, top, fields: kept };
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const fieldSelector = 'textarea, input:not([type]), input[type=text], input[type=search], input[type=number]';

const shown = new WeakMap<HTMLElement, { text: HTMLElement; button: HTMLButtonElement }>();

function session(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The text typed into the fields of islands that have not hydrated (the ones a reload starts afresh). */
function typedFields(islands: Element[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  islands.forEach((island, i) => {
    if (!island.hasAttribute('ssr')) return;
    island.querySelectorAll<Field>(fieldSelector).forEach((f, j) => {
      if (f.value !== f.defaultValue && f.value.length <= maxKeptField) out.push([i, j, f.value]);
    });
  });
  return out;
}

function reload(island: HTMLElement): void {
  const islands = [...document.querySelectorAll('astro-island')];
  // (an island is display: contents, with no box of its own: the message's top is where the reader looks)
  const top = (island.previousElementSibling ?? island.firstElementChild)?.getBoundingClientRect().top ?? 0;
  const mark: RetryMark = { path: location.pathname, island: islands.indexOf(island), top, fields: typedFields(islands) };
  try {
    session()?.setItem(retryMarkKey, JSON.stringify(mark));
    history.scrollRestoration = 'manual'; // this module brings the figure back, not the browser
  } catch {
    /* storage full or off: the browser's own scroll restoration still applies */
  }
  location.reload();
}

async function retry(island: HTMLElement): Promise<void> {
  const entry = shown.get(island);
  if (!entry || entry.button.getAttribute('aria-disabled') === 'true') return;
  // aria-disabled, not disabled: the keyboard stays on the button
  entry.button.setAttribute('aria-disabled', 'true');
  entry.text.textContent = messages.checking;
  // a reload without a connection would replace the page with the browser's error page: ask first
  let reachable = navigator.onLine;
  if (reachable) {
    try {
      await fetch(location.href, { method: 'HEAD', cache: 'no-store' }); // any answer will do
      reachable = true;
    } catch {
      reachable = false;
    }
  }
  if (reachable) return reload(island);
  entry.text.textContent = messages.offline;
  entry.button.removeAttribute('aria-disabled');
}

function onFailure(island: EventTarget | null): void {
  if (!(island instanceof HTMLElement) || island.localName !== 'astro-island' || shown.has(island)) return;
  const box = document.createElement('div');
  box.className = 'island-failed';
  const text = document.createElement('p');
  text.setAttribute('role', 'alert');
  text.textContent = messages.failed;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Retry';
  button.addEventListener('click', () => void retry(island));
  box.append(text, button);
  island.before(box);
  shown.set(island, { text, button });
}

/** After a Retry's reload: put back what was typed, then bring the figure back to where it was. */
function restore(): void {
  const store = session();
  const mark = parseRetryMark(store?.getItem(retryMarkKey) ?? null, location.pathname);
  if (!mark) return;
  store?.removeItem(retryMarkKey);
  history.scrollRestoration = 'auto';
  const islands = document.querySelectorAll('astro-island');
  // set before the islands hydrate: Svelte keeps a value that differs from the markup's
  for (const [i, j, value] of mark.fields) {
    const f = islands[i]?.querySelectorAll<Field>(fieldSelector)[j];
    if (f && islands[i].hasAttribute('ssr')) f.value = value;
  }
  const figure = islands[mark.island]?.firstElementChild;
  if (!figure) return;
  // blocks above it take their real size only near the screen (content-visibility): settle again
  const place = () => window.scrollBy(0, figure.getBoundingClientRect().top - mark.top);
  place();
  requestAnimationFrame(() => requestAnimationFrame(place));
  addEventListener('load', () => requestAnimationFrame(place), { once: true });
}

/** Called once per page by Base.astro. */
export function installIslandRecovery(): void {
  document.addEventListener('astro:hydration-error', (e) => onFailure(e.target));
  // islands that failed before this module ran (Base.astro's inline script marks them)
  document.querySelectorAll('astro-island[data-hydration-failed]').forEach(onFailure);
  restore();
}
