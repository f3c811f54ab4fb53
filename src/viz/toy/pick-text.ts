// The toy pick in words, for the picker's summary line and what it announces.

import { toyLabel, pinnedPositions, toyContext, type ToyPick } from './walkthrough.ts';

/** "b at position 2, after BOS, a; their keys and values given (pinned)". */
export function pickSummary(pick: ToyPick): string {
  const what = `${toyLabel(pick.token)} at position ${pick.pos}`;
  if (pick.pos === 0) return `${what}, the first position: nothing in the cache yet`;
  const before = toyContext.slice(0, pick.pos).map(toyLabel).join(', ');
  if (pick.cache === 'computed') return `${what}, after ${before}; their keys and values computed by the model`;
  const given = Math.min(pick.pos, pinnedPositions);
  const rest = pick.pos > given ? `, position ${given}'s computed` : '';
  return `${what}, after ${before}; keys and values of position${given > 1 ? 's 0 and 1' : ' 0'} given (pinned)${rest}`;
}
