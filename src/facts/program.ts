// The whole program's live values start from a name of the dataset at one of its positions.

import { names, shippedWeights } from './shipped.ts';

const preferred = 'emma';

/** The name and position the live values show first, and the context they must fit. */
export const programFacts = {
  name: names.includes(preferred) ? preferred : names[0],
  pos: 1,
  blockSize: shippedWeights.config.blockSize,
};
