// The step-by-step attention sequence of chapter 5: its seven steps in the order gpt() runs
// them, and the player that walks them (Step, Back, Play, Pause) as a pure state machine.

/** A column of the cache table a step's figure shows. */
export type CacheColumn = 'key' | 'value' | 'score' | 'weight';

/**
 * The steps of one attention pass, in the order gpt() takes them, with the cache columns each
 * figure needs (at most three, so the table fits a phone) and whether the new row is in yet.
 */
export const attentionSteps = [
  { id: 'qkv', title: 'Compute q, k and v', columns: ['key', 'value'], appended: false },
  { id: 'append', title: 'Append k and v to the cache', columns: ['key', 'value'], appended: true },
  { id: 'score', title: 'Score every cached key', columns: ['key', 'score'], appended: true },
  { id: 'softmax', title: 'Softmax: scores to weights', columns: ['score', 'weight'], appended: true },
  { id: 'mix', title: 'Weighted sum of the values', columns: ['weight', 'value'], appended: true },
  { id: 'project', title: 'Project with W_o', columns: [], appended: true },
  { id: 'residual', title: 'Add to the residual stream', columns: [], appended: true },
] as const satisfies readonly { id: string; title: string; columns: readonly CacheColumn[]; appended: boolean }[];

export type AttentionStepId = (typeof attentionSteps)[number]['id'];

/** The ids, for validating a widget's prop. */
export const attentionStepIds = attentionSteps.map((s) => s.id) as [AttentionStepId, ...AttentionStepId[]];

/** Where a step sits in the sequence (0-based). */
export const stepIndex = (id: AttentionStepId) => attentionSteps.findIndex((s) => s.id === id);

/** The control that moved the player last, so its twin in the next figure can take the focus. */
export type PlayerControl = 'back' | 'play' | 'step';

/**
 * The player: the step shown, whether it is playing, and `moves`, a count of the moves the
 * player made itself (Step, Back, a Play tick), so a figure knows when to bring itself into
 * view. A seek (the reader scrolled to a step) changes the step but is not a move.
 */
export type PlayerState = { index: number; playing: boolean; moves: number; by: PlayerControl | null };

export type PlayerEvent =
  | { type: 'step' }
  | { type: 'back' }
  | { type: 'play'; motionAllowed: boolean }
  | { type: 'pause' }
  | { type: 'tick' }
  | { type: 'seek'; index: number };

export const initialPlayer: PlayerState = { index: 0, playing: false, moves: 0, by: null };

/** How long Play stays on each step, in ms. */
export const playStepMs = 3500;

const moveTo = (s: PlayerState, index: number, by: PlayerControl, playing: boolean): PlayerState =>
  index === s.index ? { ...s, playing } : { index, playing, moves: s.moves + 1, by };

/**
 * The next state of a player over `count` steps. Step and Back pause; Play starts over from
 * the first step when at the last, and does nothing when the reader asks for reduced motion
 * (Step still works); each tick moves one step and Play stops at the last.
 */
export function playerReduce(s: PlayerState, e: PlayerEvent, count: number): PlayerState {
  const last = count - 1;
  switch (e.type) {
    case 'step':
      return moveTo(s, Math.min(last, s.index + 1), 'step', false);
    case 'back':
      return moveTo(s, Math.max(0, s.index - 1), 'back', false);
    case 'play':
      if (!e.motionAllowed) return { ...s, playing: false };
      return s.index >= last ? moveTo(s, 0, 'play', true) : { ...s, playing: true };
    case 'pause':
      return { ...s, playing: false };
    case 'tick': {
      if (!s.playing) return s;
      const index = Math.min(last, s.index + 1);
      return moveTo(s, index, 'play', index < last);
    }
    case 'seek':
      return { ...s, index: Math.max(0, Math.min(last, e.index)) };
  }
}

/** What the player says after a change: "Step 3 of 7: Score every cached key. Playing." */
export function playerText(s: PlayerState): string {
  const step = attentionSteps[s.index];
  return `Step ${s.index + 1} of ${attentionSteps.length}: ${step.title}.${s.playing ? ' Playing.' : ''}`;
}
