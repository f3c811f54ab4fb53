// Glossary terms in the browser: open a term's definition on hover, focus or tap, place it on
// screen, and close it on Escape, on leaving, on a second tap or a tap elsewhere.
import { placeTip } from './tip-placement.ts';

/** Why a popup is open: a tap keeps it open until the reader taps again or elsewhere. */
type Reason = 'hover' | 'focus' | 'tap';
const openTerms = new Map<HTMLElement, Reason>();
let lastPointer = '';

// The popup lives in the top layer (a manual popover), so a block that skips layout while off
// screen (content-visibility, which clips like overflow) never cuts it off; it is fixed to the
// viewport, so it is placed from the word's box and placed again when the page scrolls.
function place(term: HTMLElement): void {
  const tip = term.querySelector<HTMLElement>('.tip')!;
  // the popup's offset counts from the word's first line; a word that wraps onto a second
  // line is as tall as both, so a popup below clears all of it
  const first = term.getClientRects()[0] ?? term.getBoundingClientRect();
  const bottom = term.getBoundingClientRect().bottom;
  const size = tip.getBoundingClientRect();
  const viewport = { width: document.documentElement.clientWidth, height: innerHeight };
  const p = placeTip({ left: first.left, top: first.top, width: first.width, height: bottom - first.top }, size, viewport);
  tip.style.left = `${first.left + p.dx}px`;
  tip.style.top = `${first.top + p.dy}px`;
}

function open(term: HTMLElement, reason: Reason): void {
  for (const other of [...openTerms.keys()]) if (other !== term) close(other);
  openTerms.set(term, reason);
  term.classList.add('open');
  term.classList.toggle('tapped', reason === 'tap');
  const tip = term.querySelector<HTMLElement>('.tip')!;
  if (!tip.matches(':popover-open')) tip.showPopover();
  place(term);
  followWhileOpen();
}

function close(term: HTMLElement): void {
  openTerms.delete(term);
  term.classList.remove('open', 'tapped');
  const tip = term.querySelector<HTMLElement>('.tip')!;
  if (tip.matches(':popover-open')) tip.hidePopover();
}

// scroll and resize events already come once per frame, before it is drawn: placing the popup
// in the handler keeps it on the word in that same frame
function placeOpen(): void {
  for (const term of openTerms.keys()) place(term);
}

// The word can also move with no scroll or resize: a block above it that skipped layout while
// off screen (content-visibility) takes its real size as it nears the screen. So while a popup
// is open it is placed again on every frame (one box read and written; nothing runs once closed).
let following = 0;
function followWhileOpen(): void {
  if (following) return;
  const frame = () => {
    if (openTerms.size === 0) {
      following = 0;
      return;
    }
    placeOpen();
    following = requestAnimationFrame(frame);
  };
  following = requestAnimationFrame(frame);
}

export function enhanceTerms(root: ParentNode): void {
  for (const term of root.querySelectorAll<HTMLElement>('[data-term]')) {
    const word = term.querySelector<HTMLAnchorElement>('.word')!;
    term.querySelector<HTMLElement>('.tip')!.popover = 'manual';
    term.addEventListener('pointerenter', (e) => {
      if (e.pointerType === 'mouse' && !openTerms.has(term)) open(term, 'hover');
    });
    term.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse' && openTerms.get(term) === 'hover') close(term);
    });
    term.addEventListener('focusin', () => {
      if (openTerms.get(term) !== 'tap') open(term, 'focus');
    });
    term.addEventListener('focusout', (e) => {
      if (!term.contains(e.relatedTarget as Node | null)) close(term);
    });
    // a tap shows the definition in place instead of leaving the page; a second tap closes it
    word.addEventListener('click', (e) => {
      if (lastPointer !== 'touch' && lastPointer !== 'pen') return;
      e.preventDefault();
      if (openTerms.get(term) === 'tap') close(term);
      else open(term, 'tap');
    });
  }
  document.addEventListener('pointerdown', (e) => {
    lastPointer = e.pointerType;
    for (const term of [...openTerms.keys()]) if (!term.contains(e.target as Node)) close(term);
  }, true);
  addEventListener('scroll', placeOpen, { passive: true });
  addEventListener('resize', placeOpen, { passive: true });
  // WCAG 1.4.13: a definition shown on hover or focus can be dismissed without moving
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') for (const term of [...openTerms.keys()]) close(term);
  });
}
