// The attention scrolly's player as page state: each step's figure is its own island, and all
// of them show (and drive) the same Play/Pause and step. Play ticks from here; a wheel or a
// touch on the page while playing pauses it, since the reader has taken over the scrolling.

import { attentionSteps, initialPlayer, playerReduce, playStepMs, type PlayerEvent, type PlayerState } from '../viz/toy/step-sequence.ts';

let state: PlayerState = $state.raw(initialPlayer);
let timer: ReturnType<typeof setTimeout> | undefined;

const readerScrolls = () => sendPlayer({ type: 'pause' });
const takeOver = ['wheel', 'touchstart'] as const;

/** Move the player: Step, Back, Play, Pause, a tick, or a seek to the step the reader is on. */
export function sendPlayer(event: PlayerEvent): void {
  const was = state.playing;
  state = playerReduce(state, event, attentionSteps.length);
  clearTimeout(timer);
  if (state.playing) timer = setTimeout(() => sendPlayer({ type: 'tick' }), playStepMs);
  if (state.playing !== was) {
    for (const type of takeOver) {
      if (state.playing) addEventListener(type, readerScrolls, { passive: true });
      else removeEventListener(type, readerScrolls);
    }
  }
}

/** The player's state, read reactively. */
export const stepPlayer = {
  get state(): PlayerState {
    return state;
  },
};
