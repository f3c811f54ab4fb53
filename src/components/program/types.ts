// The shape of the whole program's explanations (content/program/explanations.ts): one entry
// per group of lines, naming its first line by text, never by number — its TypeScript lines,
// its lines in the Python twin (src/engine/microgpt.py), or both.

import type { PyAnchor } from '../../viz/program/twin.ts';
import type { TraceRef } from '../../viz/program/live.ts';

export type { TraceRef, PyAnchor };

/** A chapter and one of its sections (a heading's id), where the idea of a line is taught. */
export type SeeSection = { chapter: string; section: string };

/** What a group says, whichever side its lines are on. */
type Said = {
  /** The explanation, for a reader who read the chapters. `backticks` mark code. */
  text: string;
  /** Where the idea is taught: at least one chapter section. */
  see: readonly SeeSection[];
  /** What the line computed for the chosen name and position, when it computes something there. */
  trace?: TraceRef;
};

/**
 * One group of lines and what it says: TypeScript lines (the file and the first line's text,
 * `lines` long), with the Python lines that do the same (`py`) when the twin has them; or
 * Python lines only, for what the twin needs and the TypeScript does elsewhere.
 */
export type ProgramGroup =
  | ({ file: string; first: string; lines?: number; py?: PyAnchor } & Said)
  | ({ file?: undefined; first?: undefined; lines?: undefined; py: PyAnchor } & Said);
