// When the player moves to a step, bring that step's figure to the reader: in the sticky
// layout, scroll its text to the reading line (the scrolly then shows the figure and marks the
// text); in the plain sequence, scroll the figure itself to the top. Instant under reduced motion.

/** Scroll so the step containing `el` is the one being read. */
export function bringStepIntoView(el: HTMLElement): void {
  const step = el.closest<HTMLElement>('[data-scrolly-step]');
  if (!step) return;
  const figure = step.querySelector<HTMLElement>('[data-scrolly-figure]')!;
  const text = step.querySelector<HTMLElement>('[data-scrolly-text]')!;
  // in the sticky layout a step's box dissolves into the scrolly's grid (display: contents)
  const sticky = getComputedStyle(step).display === 'contents';
  // the scrolly's reading line is mid-screen: put the text a little above it
  const top = sticky ? text.getBoundingClientRect().top - innerHeight * 0.4 : figure.getBoundingClientRect().top - innerHeight * 0.05;
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top, behavior: reduced ? 'instant' : 'smooth' });
}
