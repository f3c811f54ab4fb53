// What the expression field says about a typing problem, one text for the eye and the ear,
// and the caret line that points at the column to blame.

import type { Problem } from '../shared/problem.ts';

/** The problem as one sentence with its column: "Column 3: expected a number or a name." */
export function exprProblemText(problem: Problem): string {
  return `Column ${problem.at ?? 1}: ${problem.message}.`;
}

/** A line of spaces ending in ^ under the column to blame, to print below the expression. */
export function caretLine(problem: Problem): string {
  return `${' '.repeat(Math.max(0, (problem.at ?? 1) - 1))}^`;
}
