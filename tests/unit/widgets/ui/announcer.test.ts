// The live-region announcer: results of actions at once, results of dragging and typing
// once the reader pauses, and nothing for the page's first state.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncer, settleMs } from '../../../../src/widgets/ui/announcer.ts';

describe('createAnnouncer', () => {
  let spoken: string[];
  const make = () => createAnnouncer((t) => spoken.push(t));
  beforeEach(() => {
    spoken = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('say speaks at once', () => {
    make().say('Step 1.');
    expect(spoken).toEqual(['Step 1.']);
  });

  it('say changes the text of a repeat, so the same words are spoken again', () => {
    const a = make();
    a.say('Done.');
    a.say('Done.');
    a.say('Done.');
    expect(spoken).toHaveLength(3);
    expect(new Set(spoken).size).toBe(2);
    expect(spoken.map((t) => t.trim())).toEqual(['Done.', 'Done.', 'Done.']);
  });

  it('settle speaks only the last of a burst, once the input has rested', () => {
    const a = make();
    for (let i = 0; i < 30; i++) {
      a.settle(`a = ${i}`);
      vi.advanceTimersByTime(16); // a drag: one input event a frame
    }
    expect(spoken).toEqual([]);
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual(['a = 29']);
  });

  it('settle does not repeat what was just spoken', () => {
    const a = make();
    a.settle('a = 1');
    vi.advanceTimersByTime(settleMs);
    a.settle('a = 1');
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual(['a = 1']);
  });

  it('follow records the first result silently and settles each change after it', () => {
    const a = make();
    a.follow('6 tokens.');
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual([]);
    a.follow('6 tokens.');
    a.follow('7 tokens.');
    a.follow('8 tokens.');
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual(['8 tokens.']);
  });

  it('say drops a settle still waiting, and cancel drops it too', () => {
    const a = make();
    a.settle('Learning rate 0.05.');
    a.say('Step 1.');
    a.settle('w = 3');
    a.cancel();
    vi.advanceTimersByTime(settleMs * 2);
    expect(spoken).toEqual(['Step 1.']);
  });
});

describe('createAnnouncer follower', () => {
  let spoken: string[];
  beforeEach(() => {
    spoken = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('gives each followed result its own memory, so two results do not set each other off', () => {
    const a = createAnnouncer((t) => spoken.push(t));
    const tokens = a.follower();
    const decoded = a.follower();
    tokens('4 tokens.');
    decoded('decode gives “emma”.');
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual([]);
    decoded('decode gives “em”.');
    vi.advanceTimersByTime(settleMs);
    expect(spoken).toEqual(['decode gives “em”.']);
  });
});
