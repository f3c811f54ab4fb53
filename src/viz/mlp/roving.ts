// Arrow-key movement through a one-dimensional set of choices (the blocks of the GPT-2 diagram,
// the boxes of the model map): the index a key moves to, or null for a key that does not move.

/** The index `key` moves to from `index` among `count` choices: arrows step (stopping at the ends), Home and End jump. */
export function rovingIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown': case 'ArrowRight': return Math.min(count - 1, index + 1);
    case 'ArrowUp': case 'ArrowLeft': return Math.max(0, index - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}
