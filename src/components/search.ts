// The header's search box: Pagefind's JavaScript API, loaded from the site (/pagefind/, built by
// scripts/build/search-index.ts) only when the reader first focuses or types in the box, so a
// page that is only read costs none of it. Results are links (page, then its matching sections);
// Down and Up move through them, Escape closes the list and returns to the box, Enter in the
// box follows the first result. The count is announced by a polite status line.

import { searchStatus, toHit, type ExcerptPart, type PagefindFragment, type SearchHit } from './search-view.ts';

/** The part of pagefind.js's API used here. */
interface Pagefind {
  options(o: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindFragment> }[] } | null>;
}

/** Results listed at once (the status says how many there are in all). */
const shown = 8;
const pagefindUrl = '/pagefind/pagefind.js';

let loading: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 18 });
    await pf.init();
    return pf;
  });
  return loading;
}

function excerptNode(parts: ExcerptPart[]): HTMLElement {
  const p = document.createElement('span');
  p.className = 'excerpt';
  for (const part of parts) {
    if (part.mark) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      p.append(m);
    } else p.append(part.text);
  }
  return p;
}

function hitNode(hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = hit.url;
  a.className = 'hit';
  if (hit.where) {
    const w = document.createElement('span');
    w.className = 'where';
    w.textContent = `${hit.where}: `; // the colon keeps the name readable as one phrase
    a.append(w);
  }
  const t = document.createElement('span');
  t.className = 'hit-title';
  t.textContent = hit.title;
  a.append(t);
  li.append(a);
  if (hit.sections.length === 0) li.append(excerptNode(hit.excerpt));
  else {
    const ul = document.createElement('ul');
    for (const s of hit.sections) {
      const sli = document.createElement('li');
      const sa = document.createElement('a');
      sa.href = s.url;
      sa.className = 'section';
      sa.textContent = s.title;
      sli.append(sa, excerptNode(s.excerpt));
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

/** Wire one search box (the element holding the input, the status line and the list). */
export function enhanceSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const live = root.querySelector<HTMLElement>('[data-search-status]')!;
  const count = root.querySelector<HTMLElement>('[data-search-count]')!;
  // announced once by the live line, shown in the list for the eye
  const say = (text: string) => {
    live.textContent = text;
    count.textContent = text;
  };
  const panel = root.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  let seq = 0;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  const open = (yes: boolean) => {
    panel.hidden = !yes;
  };

  async function run(): Promise<void> {
    const query = input.value;
    const mine = ++seq;
    if (!query.trim()) {
      list.replaceChildren();
      say('');
      open(false);
      return;
    }
    open(true);
    say(searchStatus({ query, count: null }));
    let pf: Pagefind;
    try {
      pf = await loadPagefind();
    } catch {
      loading = null; // try again next time (the connection may be back)
      if (mine === seq) say(searchStatus({ query, count: null, failed: true }));
      return;
    }
    const found = await pf.debouncedSearch(query, {}, 150);
    if (!found || mine !== seq) return; // a newer query is on its way
    const hits = (await Promise.all(found.results.slice(0, shown).map((r) => r.data()))).map(toHit);
    if (mine !== seq) return;
    list.replaceChildren(...hits.map(hitNode));
    say(searchStatus({ query, count: found.results.length }));
  }

  // loading starts when the reader comes to the box, so the first search is quick
  input.addEventListener('focus', (e) => {
    loadPagefind().catch(() => (loading = null));
    // back from elsewhere: the last results again (not when Escape brought the keyboard back from the list)
    const from = e.relatedTarget as Node | null;
    if (!(from && root.contains(from)) && input.value.trim() && list.children.length) open(true);
  });
  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length) {
      e.preventDefault();
      links()[0].focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      links()[0]?.click();
    } else if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      open(false);
    }
  });
  panel.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.key === 'ArrowUp' && i <= 0) input.focus();
      else all[Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      open(false);
      input.focus();
    }
  });
  // the list closes when the keyboard or a click leaves the search
  root.addEventListener('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (to && !root.contains(to)) open(false);
  });
  document.addEventListener('pointerdown', (e) => {
    if (!root.contains(e.target as Node)) open(false);
  });
}
