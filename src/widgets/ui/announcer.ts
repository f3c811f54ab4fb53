// What a widget says to a screen reader through its polite live region, paced so a reader
// hears each change once: a button's result at once (again even if it reads the same as
// last time), and a result that follows a slider or typing only when the reader pauses,
// not at every step of a drag or every keystroke.

/** How long the input must rest before a following result is spoken, in ms. */
export const settleMs = 600;

export type Announcer = {
  /** Speak the result of an action now; a repeat of the last words is spoken again. */
  say(message: string): void;
  /** Speak once the input settles: each call replaces the one still waiting. */
  settle(message: string): void;
  /**
   * Track a result that changes with the reader's input. The first call only records it
   * (the page already shows it); later calls settle each changed result.
   */
  follow(message: string): void;
  /** Another, independent follow(), for a second result the same region speaks. */
  follower(): (message: string) => void;
  /** Drop anything still waiting (when the widget goes away). */
  cancel(): void;
};

// A no-break space, which screen readers do not pronounce: appended on every other repeat
// so the live region's text changes and the same words are spoken again.
const repeatMark = '\u00a0';

/** An announcer that writes what to speak through `show` (bound to a live region's text). */
export function createAnnouncer(show: (text: string) => void, wait = settleMs): Announcer {
  let shown = '';
  let pending: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  };
  const put = (text: string) => {
    shown = text;
    show(text);
  };
  const unmarked = () => (shown.endsWith(repeatMark) ? shown.slice(0, -1) : shown);

  const say = (message: string) => {
    cancel();
    put(shown === message ? message + repeatMark : message);
  };
  const settle = (message: string) => {
    cancel();
    pending = setTimeout(() => {
      pending = null;
      if (message !== unmarked()) put(message);
    }, wait);
  };
  const follower = () => {
    let followed: string | null = null;
    return (message: string) => {
      const first = followed === null;
      const same = message === followed;
      followed = message;
      if (!first && !same) settle(message);
    };
  };
  return { say, settle, follow: follower(), follower, cancel };
}
