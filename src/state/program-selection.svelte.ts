// The line the reader selected in the whole program, shared by the listing's script (which
// sets it) and the live values island (which shows what that line computed).

/** The selected line of the listing (from 1) and the index of its group (-1: none). */
export const programSelection = $state({ line: 1, group: 0 });
