// Drives a <Scrolly> in the browser: which step is being read, its figure shown and announced.

/** When the steps share one sticky figure; Scrolly.astro and ScrollyStep.astro use the same query. */
export const stickyQuery = '(min-width: 60rem) and (prefers-reduced-motion: no-preference)';

/** The step being read: the last whose text has reached the reading line (y, from the top), else the first. */
export function activeStep(textTops: readonly number[], line: number): number {
  let active = 0;
  textTops.forEach((top, i) => {
    if (top <= line) active = i;
  });
  return active;
}

/**
 * What a step's figure shows: its caption, else its label (ScrollyStep makes sure there is one),
 * without a leading "Step 2:" that the announcement already says.
 */
export function figureName(figure: ParentNode): string {
  const text = figure.querySelector('figcaption, caption')?.textContent ?? figure.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '';
  return text.replace(/\s+/g, ' ').trim().replace(/^Step \d+:\s*/, '');
}

function inViewport(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}

export function enhanceScrolly(root: HTMLElement): void {
  const steps = [...root.querySelectorAll<HTMLElement>('[data-scrolly-step]')];
  const part = (step: HTMLElement, name: string) => step.querySelector<HTMLElement>(`[data-scrolly-${name}]`)!;
  const status = root.querySelector<HTMLElement>('[data-scrolly-status]')!;
  const query = matchMedia(stickyQuery);
  let current = -1;

  const show = (i: number, announce: boolean) => {
    if (i === current) return;
    current = i;
    steps.forEach((s, k) => {
      s.classList.toggle('active', k === i);
      if (k === i) s.setAttribute('aria-current', 'step');
      else s.removeAttribute('aria-current');
    });
    if (announce) status.textContent = `Figure, step ${i + 1} of ${steps.length}: ${figureName(part(steps[i], 'figure'))}`;
  };
  // focus in a figure shows that figure; focus in a step's text wins while the text is on screen
  // (Tab scrolls only as far as it must); otherwise the step whose text has passed mid-screen
  const reading = () => {
    const focus = document.activeElement;
    const focused = steps.findIndex((s) => s.contains(focus));
    if (focused >= 0 && (part(steps[focused], 'figure').contains(focus) || inViewport(part(steps[focused], 'text')))) return focused;
    return activeStep(steps.map((s) => part(s, 'text').getBoundingClientRect().top), innerHeight / 2);
  };
  const observer = new IntersectionObserver(() => show(reading(), true), { rootMargin: '0px 0px -50% 0px' });
  const onFocus = () => show(reading(), true);

  const update = () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocus);
    if (query.matches) {
      show(reading(), false);
      for (const s of steps) observer.observe(part(s, 'text'));
      root.addEventListener('focusin', onFocus);
    } else {
      current = -1;
      for (const s of steps) {
        s.classList.remove('active');
        s.removeAttribute('aria-current');
      }
      status.textContent = '';
    }
  };
  // once the reader has scrolled past the whole scrolly, its last figure is no longer news
  new IntersectionObserver(([entry]) => {
    if (!entry.isIntersecting) status.textContent = '';
  }).observe(root);
  query.addEventListener('change', update);
  update();
}
