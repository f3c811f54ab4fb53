// The shape of the whole program's explanations (content/program/explanations.ts): one entry
// per group of lines, naming its first line by text, never by number.

import type { GroupAnchor } from '../../viz/program/line-groups.ts';
import type { TraceRef } from '../../viz/program/live.ts';

export type { TraceRef };

/** A chapter and one of its sections (a heading's id), where the idea of a line is taught. */
export type SeeSection = { chapter: string; section: string };

/** One group of lines and what it says. */
export type ProgramGroup = GroupAnchor & {
  /** The explanation, for a reader who read the chapters. `backticks` mark code. */
  text: string;
  /** Where the idea is taught: at least one chapter section. */
  see: readonly SeeSection[];
  /** What the line computed for the chosen name and position, when it computes something there. */
  trace?: TraceRef;
};
