// The announcer a widget speaks through, written once: its live region's text as state, the
// results it follows tracked, and anything still waiting dropped when the widget goes away.
// Call it while a component is being created; render <LiveRegion {announcer} /> once.

import { createAnnouncer, settleMs, type Announcer } from './announcer.ts';

/** An announcer whose `text` is what the live region shows now. */
export type LiveAnnouncer = Pick<Announcer, 'say' | 'settle' | 'cancel'> & { readonly text: string };

/**
 * An announcer for this component. Each function in `follows` returns a result that changes
 * with the reader's input: it is said once the reader pauses, never on the first render.
 */
export function useAnnouncer(...follows: (() => string)[]): LiveAnnouncer {
  let text = $state('');
  const announcer = createAnnouncer((t) => (text = t), settleMs);
  for (const message of follows) {
    const follow = announcer.follower();
    $effect(() => follow(message()));
  }
  $effect(() => () => announcer.cancel());
  return {
    say: announcer.say,
    settle: announcer.settle,
    cancel: announcer.cancel,
    get text() {
      return text;
    },
  };
}
