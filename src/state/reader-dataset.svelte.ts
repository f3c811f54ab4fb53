// The reader's own dataset as page state: every island reads the same one, and each sees it
// change when another keeps or resets it. Storage is read only once an island has hydrated,
// so the build-time picture (the shipped names) hydrates unchanged.

import { loadCustomDataset, onCustomDatasetChange, type CustomDataset } from './custom-dataset.ts';

let current: CustomDataset | null = $state.raw(null);
let following = false;

function follow(): void {
  if (following) return;
  following = true;
  current = loadCustomDataset();
  onCustomDatasetChange((d) => (current = d));
}

/**
 * The reader's dataset for this component: null (the shipped names) until the component has
 * hydrated, then the kept dataset, kept up to date. Call while the component is created.
 */
export function useReaderDataset(): { readonly current: CustomDataset | null } {
  let hydrated = $state(false);
  $effect(() => {
    follow();
    hydrated = true;
  });
  return {
    get current() {
      return hydrated ? current : null;
    },
  };
}
