// Whether the reader's system asks for reduced motion, kept up to date while a widget lives.
// False at build time and until hydration; call it while a component is being created.

/** A live reading of prefers-reduced-motion: reduce. */
export function useReducedMotion(): { readonly reduced: boolean } {
  let reduced = $state(false);
  $effect(() => {
    const query = matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => (reduced = query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  });
  return {
    get reduced() {
      return reduced;
    },
  };
}
