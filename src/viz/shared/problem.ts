// What went wrong with something the reader typed, pasted or loaded: one shape for every parser
// and validator above the engine, so every widget shows and announces a problem the same way.

/** A sentence that says what is wrong and how to fix it; `at` is the 1-based column, when one is to blame. */
export type Problem = { message: string; at?: number };

/** The failed side of a result: `{ ok: true, ...value } | Failed`. */
export type Failed = { ok: false; problem: Problem };

/** A failed result with this message (and column). */
export function fail(message: string, at?: number): Failed {
  return { ok: false, problem: at === undefined ? { message } : { message, at } };
}

/** A message as a sentence: its first letter in capitals ("the space is …" → "The space is …"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
