// An element's inner width (clientWidth) for widgets that lay out to fit, read when the browser
// has laid the element out anyway (a ResizeObserver). Svelte's bind:clientWidth reads it at once
// on hydration, which forces a layout of the whole page for every island.
import type { Attachment } from 'svelte/attachments';

/** Call `report` with the element's clientWidth after each layout that changes its size. */
export function clientWidth(report: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    const observer = new ResizeObserver(() => report(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  };
}
