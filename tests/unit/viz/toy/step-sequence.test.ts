import { describe, expect, it } from 'vitest';
import { attentionSteps, initialPlayer, playerReduce, playerText, stepIndex, type PlayerEvent, type PlayerState } from '../../../../src/viz/toy/step-sequence.ts';

const count = attentionSteps.length;
const run = (events: PlayerEvent[], from: PlayerState = initialPlayer) => events.reduce((s, e) => playerReduce(s, e, count), from);
const play = { type: 'play', motionAllowed: true } as const;
const tick = { type: 'tick' } as const;

describe('the attention steps', () => {
  it('are the seven steps of gpt() in order, from q, k, v to the residual add', () => {
    expect(attentionSteps.map((s) => s.id)).toEqual(['qkv', 'append', 'score', 'softmax', 'mix', 'project', 'residual']);
    expect(stepIndex('softmax')).toBe(3);
  });
  it('show the current row only once it has been appended, and at most three cache columns', () => {
    expect(attentionSteps.map((s) => s.appended)).toEqual([false, true, true, true, true, true, true]);
    for (const s of attentionSteps) expect(s.columns.length).toBeLessThanOrEqual(3);
    expect(attentionSteps.find((s) => s.id === 'project')!.columns).toEqual([]); // W_o reads the head's output, no cache column
  });
});

describe('playerReduce', () => {
  it('Step moves one step and counts a move; Back moves back; neither goes past the ends', () => {
    expect(run([{ type: 'step' }])).toMatchObject({ index: 1, moves: 1, by: 'step', playing: false });
    expect(run([{ type: 'back' }])).toEqual(initialPlayer);
    const end = run(Array(10).fill({ type: 'step' }));
    expect(end.index).toBe(count - 1);
    expect(end.moves).toBe(count - 1); // steps past the end are not moves
    expect(run([{ type: 'back' }], end)).toMatchObject({ index: count - 2, by: 'back' });
  });
  it('Play ticks one step at a time and stops at the last step', () => {
    const started = run([play]);
    expect(started).toMatchObject({ index: 0, playing: true, moves: 0 });
    const one = run([tick], started);
    expect(one).toMatchObject({ index: 1, playing: true, moves: 1, by: 'play' });
    const done = run(Array(count - 1).fill(tick), started);
    expect(done).toMatchObject({ index: count - 1, playing: false });
    expect(run([tick], done)).toEqual(done); // a tick after the end does nothing
  });
  it('Play at the last step starts over from the first', () => {
    const last: PlayerState = { index: count - 1, playing: false, moves: 6, by: 'step' };
    expect(run([play], last)).toMatchObject({ index: 0, playing: true, moves: 7, by: 'play' });
  });
  it('Pause and Step stop playing', () => {
    expect(run([play, tick, { type: 'pause' }])).toMatchObject({ index: 1, playing: false });
    expect(run([play, { type: 'step' }])).toMatchObject({ index: 1, playing: false });
  });
  it('Play does nothing when the reader asks for reduced motion, and Step still works', () => {
    const s = run([{ type: 'play', motionAllowed: false }]);
    expect(s.playing).toBe(false);
    expect(run([{ type: 'step' }], s).index).toBe(1);
  });
  it('a seek (the reader scrolled) changes the step without counting a move, clamped to the steps', () => {
    expect(run([{ type: 'seek', index: 4 }])).toEqual({ ...initialPlayer, index: 4 });
    expect(run([{ type: 'seek', index: 99 }]).index).toBe(count - 1);
    expect(run([{ type: 'seek', index: 2 }, { type: 'step' }])).toMatchObject({ index: 3, moves: 1 });
  });
});

describe('playerText', () => {
  it('says the step, its title and whether it is playing', () => {
    expect(playerText({ index: 2, playing: false, moves: 0, by: null })).toBe('Step 3 of 7: Score every cached key.');
    expect(playerText({ index: 0, playing: true, moves: 0, by: null })).toBe('Step 1 of 7: Compute q, k and v. Playing.');
  });
});
